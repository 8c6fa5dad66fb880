import { afterEach, expect, it } from 'vitest';
import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import { LeaseLostError } from '../history/fence.ts';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import { createHistoryStore, type HistoryStore } from '../history/history-store.ts';
import { describeEachStore, type FreshStore } from '../history/test-stores.ts';
import { createTestBudget } from './test-budget.ts';
import { systemClock } from '../clock/scheduler-clock.ts';
import { createWatcher, type Watcher } from './watcher.ts';
import { createWatcherLease, type WatcherLease } from './watcher-lease.ts';

/** Replicas over one database: one lease holder polls, a silent holder is replaced, a stale one is fenced out. */

const TIMINGS = { renewMs: 40, ttlMs: 250 };
const ref: TaskRef = { appId: 'app', roomId: 'room', taskId: 'leased', version: '2020-12-01' };
const pushing = (): FetchOutcome => ({ ok: true, requestId: 'req', task: { Status: 2, PushStreamState: 5, StartTime: Date.now() }, fetchedAt: 0 });

/** Polls a condition until it holds or the deadline passes (then fails saying what it waited for). */
async function until(what: string, check: () => boolean | Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`still waiting after ${deadlineMs} ms for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Replica {
  name: string;
  store: HistoryStore;
  lease: WatcherLease;
  watcher: Watcher;
  calls: number;
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describeEachStore('watcher lease', (backend) => {
  let fresh: FreshStore;

  async function replica(name: string): Promise<Replica> {
    const db = await fresh.open();
    const store = createHistoryStore(db, { clock: systemClock });
    const lease = createWatcherLease({ db, family: backend.family, holder: name, timings: TIMINGS });
    const r: Replica = { name, store, lease, calls: 0, watcher: undefined as unknown as Watcher };
    r.watcher = createWatcher({
      store, clock: systemClock, lease, resyncMs: 50,
      budget: createTestBudget({ qps: 50, now: Date.now }),
      cadence: { fastMs: 30, slowMs: 30, jitter: 0 },
      getTask: async () => {
        r.calls += 1;
        return pushing();
      },
    });
    cleanup.push(async () => {
      await r.watcher.stop();
      await lease.stop();
      await store.close();
    });
    return r;
  }

  async function twoReplicas(): Promise<[Replica, Replica]> {
    fresh = await backend.fresh();
    cleanup.unshift(() => fresh.dispose());
    const a = await replica('replica-a');
    const b = await replica('replica-b');
    await a.lease.start();
    await b.lease.start();
    await a.watcher.start();
    await b.watcher.start();
    return [a, b];
  }

  it('lets exactly one of two replicas hold the lease and poll', async () => {
    const [a, b] = await twoReplicas();
    expect([a.lease.held(), b.lease.held()]).toEqual([true, false]);
    // Added through the replica that does not poll: the holder finds it in the database.
    await b.watcher.watch(ref);
    await until('the holder polled the task five times', () => a.calls >= 5);
    expect(b.calls).toBe(0);
    expect(b.lease.held()).toBe(false);
  });

  it('hands polling to the other replica within the TTL when the holder stops renewing', async () => {
    const [a, b] = await twoReplicas();
    await a.watcher.watch(ref);
    await until('the holder polled', () => a.calls >= 2);
    await a.lease.stop(); // renewals stop; the lease is not released, as when a process dies
    const stoppedAt = Date.now();
    const callsOfA = a.calls;
    await until('the other replica took the lease', () => b.lease.held(), TIMINGS.ttlMs + 2 * TIMINGS.renewMs + 2_000);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(TIMINGS.ttlMs - TIMINGS.renewMs);
    expect(b.lease.fence()?.epoch).toBe(2);
    await until('the new holder polls the task', () => b.calls >= 2);
    expect(a.calls).toBe(callsOfA);
  });

  it('refuses a write of a paused holder once the lease moved on, and keeps nothing of it', async () => {
    const [a, b] = await twoReplicas();
    await a.store.watch(ref);
    const stale = a.lease.fence();
    expect(stale).toEqual({ lease: 'watcher', epoch: 1 });
    if (stale === undefined) return;
    // Still the holder: its fenced writes go through.
    await a.store.schedule(taskIdentityKey(ref), 123, stale);
    await a.lease.stop();
    await until('the other replica took the lease', () => b.lease.held());
    const other: TaskRef = { ...ref, taskId: 'unwatched' };
    await expect(a.store.record(other, pushing(), Date.now(), stale)).rejects.toBeInstanceOf(LeaseLostError);
    await expect(a.store.schedule(taskIdentityKey(ref), 456, stale)).rejects.toBeInstanceOf(LeaseLostError);
    await expect(a.store.markNotQueryable(taskIdentityKey(ref), 'window', 1, stale)).rejects.toBeInstanceOf(LeaseLostError);
    // The refused transaction left nothing behind.
    expect((await b.store.history(taskIdentityKey(other))).observations).toEqual([]);
    expect((await b.store.getWatched(taskIdentityKey(ref)))?.notQueryableSince).toBeNull();
    // And the new holder's own writes go through.
    const fence = b.lease.fence();
    await b.store.schedule(taskIdentityKey(ref), 789, fence);
  });

  it('releases the lease on a graceful stop, so the other replica takes it without waiting out the TTL', async () => {
    const [a, b] = await twoReplicas();
    await a.lease.stop({ release: true });
    expect(await b.lease.tick()).toBe(true);
    expect(b.lease.fence()?.epoch).toBe(2);
  });
});
