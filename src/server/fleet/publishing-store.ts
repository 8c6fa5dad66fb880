import { taskIdentityKey } from '../../shared/task-ref.ts';
import type { HistoryStore } from '../history/history-store.ts';
import type { EventBus } from './event-bus.ts';

/**
 * The history store, telling the bus after each write that changes what a fleet row shows: the
 * watcher's recordings, interactive answers, adding and removing. Publishing after the write
 * means a listener that reads the row sees the new state.
 */
export function publishingStore(store: HistoryStore, bus: EventBus): HistoryStore {
  const changed = (key: string) => bus.publish({ type: 'task-changed', key });
  return {
    ...store,
    watch: async (ref, opts) => {
      const result = await store.watch(ref, opts);
      if (result.created) changed(result.task.key);
      return result;
    },
    unwatch: async (key) => {
      const removed = await store.unwatch(key);
      if (removed) changed(key);
      return removed;
    },
    record: async (ref, outcome, at, fence) => {
      const result = await store.record(ref, outcome, at, fence);
      // A confirmation only moves "last observed": not worth a push to every screen.
      if (result.kind !== 'confirm' || result.newlyEnded) changed(taskIdentityKey(ref));
      return result;
    },
    report: async (key, state, at) => {
      const updated = await store.report(key, state, at);
      if (updated) changed(key);
      return updated;
    },
    markNotQueryable: async (key, reason, since, fence) => {
      await store.markNotQueryable(key, reason, since, fence);
      changed(key);
    },
  };
}
