import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import { LeaseLostError } from '../history/fence.ts';
import type { Fence, HistoryStore, WatchedTaskRecord } from '../history/history-store.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { oldestDue } from './oldest-due.ts';
import { DEFAULT_CADENCE, planAfterPoll, planBeforePoll, type CadencePolicy, type PollDecision } from './poll-plan.ts';
import type { SchedulerClock } from '../clock/scheduler-clock.ts';
import { soleLease, type LeaseGate } from './watcher-lease.ts';

export type BudgetPriority = 'interactive' | 'background';

/** What the watcher asks before each poll; in the server, the governor answers (governor-link.ts). */
export interface UpstreamBudget {
  /** True when a call may start now; answers at once, never waits. */
  tryAcquire(priority: BudgetPriority): boolean;
  /** How long until `tryAcquire(priority)` could succeed; a hint for retry timers. */
  retryAfterMs?(priority: BudgetPriority): number;
}

export type WatcherStore = Pick<
  HistoryStore,
  'watch' | 'unwatch' | 'getWatched' | 'listWatched' | 'record' | 'schedule' | 'markNotQueryable'
>;

export interface WatcherDeps {
  store: WatcherStore;
  /** The raw upstream call; the watcher takes budget itself before each call. */
  getTask: (ref: TaskRef, signal?: AbortSignal) => Promise<FetchOutcome>;
  clock: SchedulerClock;
  budget: UpstreamBudget;
  random?: () => number;
  cadence?: Partial<CadencePolicy>;
  /** Caps concurrent upstream calls: the budget limits their rate, not how long they hang. */
  maxInFlight?: number;
  logger?: Logger;
  /**
   * Replicas over one database: only the lease holder polls, and its writes carry the lease's
   * fence. Absent: this server is the only one (SQLite).
   */
  lease?: LeaseGate;
  /** With a lease: how often the holder re-reads the watch list, for entries other replicas added. */
  resyncMs?: number;
}

export interface Watcher {
  /** Loads the watch list and its schedule from the store and starts polling. */
  start(): Promise<void>;
  /** Cancels timers and in-flight calls (recording nothing for them) and waits for them. */
  stop(): Promise<void>;
  watch(ref: TaskRef, opts?: { label?: string }): Promise<{ task: WatchedTaskRecord; created: boolean }>;
  unwatch(key: string): Promise<boolean>;
  /** Task key to next poll time, for tests and metrics. */
  scheduled(): ReadonlyMap<string, number>;
}

export function createWatcher(deps: WatcherDeps): Watcher {
  const { store, clock, budget, getTask } = deps;
  const policy: CadencePolicy = { ...DEFAULT_CADENCE, ...deps.cadence };
  const random = deps.random ?? Math.random;
  const maxInFlight = deps.maxInFlight ?? 8;
  const logger = deps.logger ?? silentLogger;
  const lease = deps.lease ?? soleLease;
  const resyncMs = deps.resyncMs ?? 2_000;

  const due = new Map<string, { task: WatchedTaskRecord; at: number }>();
  const inFlight = new Map<string, AbortController>();
  /** Unwatched while a poll was in flight: its result must not reschedule it. */
  const dropped = new Set<string>();
  const work = new Set<Promise<void>>();
  let timer: unknown;
  let resyncTimer: unknown;
  let stopped = true;

  const track = (p: Promise<void>) => {
    work.add(p);
    void p.finally(() => work.delete(p));
  };

  function arm(blockedUntil: number | undefined) {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    // With every slot busy, the next completion pumps again; a timer now would spin.
    if (stopped || inFlight.size >= maxInFlight) return;
    let next = Infinity;
    for (const [key, d] of due) if (!inFlight.has(key)) next = Math.min(next, d.at);
    if (next === Infinity) return;
    if (blockedUntil !== undefined) next = Math.max(next, blockedUntil);
    timer = clock.setTimeout(pump, Math.max(0, next - clock.now()));
  }

  function pump() {
    // Called by the timer and by every completed poll: drop any armed timer so exactly one is left.
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    if (stopped || !lease.held()) return;
    const now = clock.now();
    const idle = (key: string) => !inFlight.has(key);
    let blockedUntil: number | undefined;
    // Oldest due first: when the budget is short every task is served in turn, none starves.
    // Each pass takes as many as there are free slots; an entry settled without a poll frees
    // nothing, so another pass looks further.
    pass: for (;;) {
      const free = maxInFlight - inFlight.size;
      const ready = oldestDue(due, now, free, idle);
      for (const [key, { task }] of ready) {
        const before = planBeforePoll(task, now, policy);
        if (before !== undefined) {
          due.delete(key);
          track(apply(key, task, before, lease.fence()).catch((err: unknown) => logger.error({ err: String(err), key }, 'watcher could not update the watch list')));
          continue;
        }
        if (!budget.tryAcquire('background')) {
          blockedUntil = now + Math.max(1, budget.retryAfterMs?.('background') ?? 250);
          break pass;
        }
        due.delete(key);
        track(poll(key, task));
      }
      if (ready.length < free || inFlight.size >= maxInFlight) break;
    }
    arm(blockedUntil);
  }

  async function apply(key: string, task: WatchedTaskRecord, decision: PollDecision, fence: Fence | undefined) {
    if (decision.kind === 'poll') {
      await store.schedule(key, decision.at, fence);
      if (!stopped && !dropped.has(key)) due.set(key, { task: { ...task, nextPollAt: decision.at }, at: decision.at });
    } else if (decision.kind === 'stop') {
      await store.schedule(key, null, fence);
    } else {
      logger.warn({ key, reason: decision.reason }, 'watched task is no longer queryable; its history is kept');
      await store.markNotQueryable(key, decision.reason, clock.now(), fence);
    }
  }

  async function poll(key: string, task: WatchedTaskRecord) {
    const controller = new AbortController();
    inFlight.set(key, controller);
    // Decided under this holding: if the lease moves on meanwhile, the database refuses the writes.
    const fence = lease.fence();
    try {
      let outcome: FetchOutcome;
      try {
        outcome = await getTask(task.ref, controller.signal);
      } catch (err) {
        outcome = { ok: false, kind: 'unreachable', code: 'exception', message: String(err).slice(0, 200) };
      }
      // Cancelled by stop() or by losing the lease: not something upstream did.
      if (stopped || !lease.held()) return;
      const now = clock.now();
      const { newlyEnded } = await store.record(task.ref, outcome, now, fence);
      const after = await store.getWatched(key);
      if (after === undefined || dropped.has(key)) return;
      await apply(key, after, planAfterPoll({ task: after, outcome, newlyEnded, now, random, policy }), fence);
    } catch (err) {
      if (err instanceof LeaseLostError) {
        logger.info({ key }, 'watcher lease lost during a poll; its answer is left to the new holder');
        return;
      }
      // A store failure (disk full, locked): keep watching, try again at the slow pace.
      logger.error({ err: String(err), key }, 'watcher could not record an observation');
      if (!stopped && !dropped.has(key)) due.set(key, { task, at: clock.now() + policy.slowMs });
    } finally {
      inFlight.delete(key);
      dropped.delete(key);
      pump();
    }
  }

  const schedule = (task: WatchedTaskRecord) => {
    if (task.nextPollAt === null || task.notQueryableSince !== null || inFlight.has(task.key)) return;
    due.set(task.key, { task, at: task.nextPollAt });
  };

  /** The watch list as the database has it now: entries added or removed by other replicas. */
  async function resync() {
    const tasks = await store.listWatched();
    const keys = new Set(tasks.map((t) => t.key));
    for (const key of due.keys()) if (!keys.has(key)) due.delete(key);
    for (const task of tasks) if (!due.has(task.key)) schedule(task);
    pump();
  }

  function armResync() {
    if (deps.lease === undefined || stopped) return;
    resyncTimer = clock.setTimeout(() => {
      resyncTimer = undefined;
      if (stopped) return;
      const next = lease.held() ? resync() : Promise.resolve();
      track(next.catch((err: unknown) => logger.warn({ err: String(err) }, 'watcher could not re-read the watch list')).finally(armResync));
    }, resyncMs);
  }

  lease.onChange((held) => {
    if (stopped) return;
    if (held) {
      // Another replica kept the schedule until now: start from what it wrote.
      due.clear();
      track(resync().catch((err: unknown) => logger.error({ err: String(err) }, 'watcher could not load the watch list')));
      return;
    }
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    for (const controller of inFlight.values()) controller.abort();
    due.clear();
  });

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      for (const task of await store.listWatched()) schedule(task);
      pump();
      armResync();
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      if (resyncTimer !== undefined) clock.clearTimeout(resyncTimer);
      resyncTimer = undefined;
      for (const controller of inFlight.values()) controller.abort();
      await Promise.allSettled([...work]);
      due.clear();
    },
    async watch(ref, opts) {
      const result = await store.watch(ref, opts);
      dropped.delete(taskIdentityKey(ref));
      if (!stopped && !due.has(result.task.key)) {
        schedule(result.task);
        pump();
      }
      return result;
    },
    async unwatch(key) {
      if (inFlight.has(key)) dropped.add(key);
      due.delete(key);
      if (!stopped) pump();
      return store.unwatch(key);
    },
    scheduled: () => new Map([...due].map(([key, d]) => [key, d.at])),
  };
}
