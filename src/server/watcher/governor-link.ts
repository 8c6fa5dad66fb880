import type { TaskRef } from '../../shared/task-ref.ts';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import type { HistoryStore } from '../history/history-store.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';
import type { Governor, GovernorEvents } from '../governor/governor.ts';
import { toFetchOutcome, watchedAsAsked } from './upstream-adapter.ts';
import type { UpstreamBudget } from './watcher.ts';

/**
 * The watcher asks the governor: one budget for people and polls, and the governor knows nothing
 * of the watcher.
 *
 * The watcher paces itself by asking `budget.tryAcquire('background')` and, on yes, calling
 * `getTask` in the same tick. Here tryAcquire only *checks* (governor.canStart) and the governed
 * getTask *takes* the token, synchronously, before its first await (see Admission.acquire). So the
 * check and the take cannot be separated by another caller, and a poll that the cache or an
 * identical call in flight answers costs no token at all.
 */
export function governorBudget(governor: Pick<Governor, 'canStart' | 'waitMs'>): UpstreamBudget {
  return {
    tryAcquire: (priority) => governor.canStart(priority),
    retryAfterMs: (priority) => Math.max(1, governor.waitMs(priority)),
  };
}

/** The governor's refusals in the store's terms: recorded as a gap the watcher backs off from. */
function refusalOutcome(outcome: Exclude<Awaited<ReturnType<Governor['get']>>['outcome'], UpstreamOutcome>): FetchOutcome {
  return outcome.kind === 'throttled'
    ? { ok: false, kind: 'unreachable', code: 'throttled', message: 'mixscope\'s upstream budget was exhausted; not asked.' }
    : { ok: false, kind: 'unreachable', code: 'circuit-open', message: 'The upstream was unreachable (circuit open); not asked.' };
}

/** `getTask` for createWatcher: background priority through the governor. */
export function governedGetTask(governor: Pick<Governor, 'get'>) {
  return async (ref: TaskRef, signal?: AbortSignal): Promise<FetchOutcome> => {
    const { outcome } = await governor.get(ref, signal === undefined ? { priority: 'background' } : { priority: 'background', signal });
    return outcome.kind === 'throttled' || outcome.kind === 'circuit-open' ? refusalOutcome(outcome) : toFetchOutcome(outcome);
  };
}

/**
 * A person's query about a *watched* task is one more point on its timeline at no upstream cost.
 * Hooked on the governor's real upstream answers (not on every cached copy), and interactive only:
 * the watcher records its own polls. A history failure never fails the person's query.
 */
export function recordInteractiveAnswers(
  store: Pick<HistoryStore, 'getWatched' | 'record'>,
  now: () => number,
  onError: (err: unknown) => void,
): NonNullable<GovernorEvents['answered']> {
  return (ref, outcome, priority) => {
    if (priority !== 'interactive') return;
    void (async () => {
      if (await watchedAsAsked(store, ref)) await store.record(ref, toFetchOutcome(outcome), now());
    })().catch(onError);
  };
}
