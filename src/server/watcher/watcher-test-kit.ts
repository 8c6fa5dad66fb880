import { taskRefKey, type TaskRef } from '../../shared/task-ref.ts';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import { createHistoryStore, type HistoryStore } from '../history/history-store.ts';
import { sqliteBackend, type StoreBackend } from '../history/test-stores.ts';
import { createManualClock, settle, type ManualClock } from '../clock/manual-clock.ts';
import { createTestBudget, type TestBudget } from './test-budget.ts';
import { createWatcher, type Watcher } from './watcher.ts';

/**
 * Test helpers for the watcher: a real store (SQLite in a temp dir, or a PostgreSQL database of
 * its own), a manual clock, a scripted upstream. The clock waits for the store's queries after
 * each timer, so on either store a poll's writes are done at the time it began.
 */

export const T0 = Date.UTC(2026, 10, 24, 8, 0, 0);
export const SEC = 1_000;

export const refOf = (taskId: string): TaskRef => ({ appId: 'app', roomId: 'room', taskId, version: '2020-12-01' });

export const answer = (task: object, requestId = 'req'): FetchOutcome => ({ ok: true, requestId, task, fetchedAt: 0 });

/** Script: what upstream answers for a task at a time elapsed since T0. */
export type Script = (ref: TaskRef, elapsedMs: number) => FetchOutcome;

export interface Kit {
  clock: ManualClock;
  store: HistoryStore;
  budget: TestBudget;
  watcher: Watcher;
  /** Every upstream call: task key and elapsed ms. */
  calls: { key: string; at: number }[];
  callTimes(ref: TaskRef): number[];
  /** A new store and watcher on the same data directory, like a server restart. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** The store with every call's promise kept until it settles, so a test can wait for them. */
function trackedStore(store: HistoryStore, pending: Set<Promise<unknown>>): HistoryStore {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const p = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        pending.add(p);
        void p.catch(() => undefined).finally(() => pending.delete(p));
        return p;
      };
    },
  });
}

/** A manual clock that, after each timer, waits for every query of the stores passed to `track`. */
export function storeAwareClock(start: number): { clock: ManualClock; track(store: HistoryStore): HistoryStore } {
  const pending = new Set<Promise<unknown>>();
  const clock = createManualClock(start, {
    quiesce: async () => {
      for (;;) {
        await settle();
        if (pending.size === 0) return;
        await Promise.allSettled([...pending]);
      }
    },
  });
  return { clock, track: (store) => trackedStore(store, pending) };
}

export async function startKit(script: Script, opts: { qps?: number; random?: () => number; start?: boolean; backend?: StoreBackend } = {}): Promise<Kit> {
  const fresh = await (opts.backend ?? sqliteBackend).fresh();
  const { clock, track } = storeAwareClock(T0);
  const budget = createTestBudget({ qps: opts.qps ?? 50, now: clock.now });
  const calls: Kit['calls'] = [];
  const getTask = async (ref: TaskRef) => {
    calls.push({ key: taskRefKey(ref), at: clock.now() - T0 });
    return script(ref, clock.now() - T0);
  };
  const build = async () => {
    const store = track(createHistoryStore(await fresh.open(), { clock }));
    const watcher = createWatcher({ store, getTask, clock, budget, random: opts.random ?? (() => 0.5) });
    return { store, watcher };
  };
  const kit: Kit = {
    clock, budget, calls, ...(await build()),
    callTimes: (ref) => calls.filter((c) => c.key === taskRefKey(ref)).map((c) => c.at),
    async restart() {
      await kit.watcher.stop();
      await kit.store.close();
      Object.assign(kit, await build());
      await kit.watcher.start();
    },
    async dispose() {
      await kit.watcher.stop();
      await kit.store.close();
      await fresh.dispose();
    },
  };
  if (opts.start !== false) await kit.watcher.start();
  return kit;
}
