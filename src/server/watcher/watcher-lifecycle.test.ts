import { afterEach, expect, it } from 'vitest';
import { describeEachStore } from '../history/test-stores.ts';
import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import { createHistoryStore } from '../history/history-store.ts';
import { createManualClock } from '../clock/manual-clock.ts';
import { createTestBudget } from './test-budget.ts';
import { createWatcher } from './watcher.ts';
import { answer, refOf, SEC, startKit, T0, type Kit } from './watcher-test-kit.ts';

let kit: Kit | undefined;
afterEach(async () => kit?.dispose());

const HOUR = 3_600 * SEC;
const pushing = (startTime: number) => answer({ StartTime: startTime, Status: 2, PushStreamState: 5 });
const notFound: FetchOutcome = {
  ok: false, kind: 'upstream',
  error: { code: 'InvalidParameter.ErrorActiveTaskNotFound', message: 'The task does not exist, or it started more than 72 hours ago.', requestId: 'rq-404', httpStatus: 400 },
};

describeEachStore('watcher and the 72-hour window', (backend) => {
  it('stops before StartTime + 72 h, keeps the history and marks the task not queryable', async () => {
    const ref = refOf('old');
    kit = await startKit(() => pushing(T0 - 72 * HOUR + 20 * SEC), { backend });
    await kit.watcher.watch(ref);
    await kit.clock.advance(HOUR);
    expect(kit.callTimes(ref)).toEqual([0, 15 * SEC]);
    expect(await kit.store.getWatched(taskIdentityKey(ref))).toMatchObject({
      notQueryableReason: 'window', notQueryableSince: T0 + 30 * SEC, nextPollAt: null,
    });
    expect((await kit.store.history(taskIdentityKey(ref))).observations).toHaveLength(1);
  });

  it('stops when upstream no longer finds a task it had answered for', async () => {
    const ref = refOf('vanished');
    kit = await startKit((_, elapsed) => (elapsed < 20 * SEC ? pushing(T0) : notFound), { backend });
    await kit.watcher.watch(ref);
    await kit.clock.advance(HOUR);
    expect(kit.callTimes(ref)).toEqual([0, 15 * SEC, 30 * SEC]);
    expect(await kit.store.getWatched(taskIdentityKey(ref))).toMatchObject({ notQueryableReason: 'not-found', nextPollAt: null });
    const { observations } = await kit.store.history(taskIdentityKey(ref));
    expect(observations.at(-1)).toMatchObject({ kind: 'gap', requestId: 'rq-404', error: { code: 'InvalidParameter.ErrorActiveTaskNotFound' } });
  });

  it('keeps asking, backing off, about a task it never saw (it may not have started yet)', async () => {
    const ref = refOf('typo');
    kit = await startKit(() => notFound, { backend });
    await kit.watcher.watch(ref);
    await kit.clock.advance(10 * 60 * SEC);
    const times = kit.callTimes(ref).map((t) => t / SEC);
    expect(times.slice(0, 6)).toEqual([0, 4, 12, 28, 60, 124]);
    expect(times.slice(6).map((t, i) => t - times[i + 5]!)).toEqual(times.slice(6).map(() => 120));
    expect(await kit.store.getWatched(taskIdentityKey(ref))).toMatchObject({ notQueryableReason: null, consecutiveFailures: times.length });
  });
});

describeEachStore('watcher control', (backend) => {
  it('stops polling a task once it is unwatched', async () => {
    const ref = refOf('gone');
    kit = await startKit(() => pushing(T0), { backend });
    await kit.watcher.watch(ref);
    await kit.clock.advance(40 * SEC);
    expect(await kit.watcher.unwatch(taskIdentityKey(ref))).toBe(true);
    await kit.clock.advance(HOUR);
    expect(kit.callTimes(ref)).toEqual([0, 15 * SEC, 30 * SEC]);
  });

  it('cancels an in-flight call on stop and records nothing for it', async () => {
    const clock = createManualClock(T0);
    const fresh = await backend.fresh();
    const store = createHistoryStore(await fresh.open(), { clock });
    let seen: AbortSignal | undefined;
    const getTask = (_: TaskRef, signal?: AbortSignal) =>
      new Promise<FetchOutcome>((resolve) => {
        seen = signal;
        signal?.addEventListener('abort', () => resolve({ ok: false, kind: 'unreachable', code: 'aborted', message: 'cancelled' }));
      });
    const watcher = createWatcher({ store, getTask, clock, budget: createTestBudget({ qps: 5, now: clock.now }) });
    await watcher.start();
    await watcher.watch(refOf('slow'));
    await clock.advance(SEC);
    expect(seen?.aborted).toBe(false);
    await watcher.stop();
    expect(seen?.aborted).toBe(true);
    expect((await store.history(taskIdentityKey(refOf('slow')))).observations).toHaveLength(0);
    expect(clock.pendingTimers()).toBe(0);
    await store.close();
    await fresh.dispose();
  });
});
