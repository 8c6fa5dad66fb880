import type { NotQueryableReason } from '../../shared/history-api.ts';
import { isTaskNotFound, type FetchOutcome } from '../history/fetch-outcome.ts';
import type { WatchedTaskRecord } from '../history/history-rows.ts';

/**
 * When to ask about a watched task next. Pure functions of the task's last known state, so the
 * cadence rules are tested without timers.
 */

export interface CadencePolicy {
  /** Starting, connecting, reconnecting: changes come in seconds and matter. */
  fastMs: number;
  /** Pushing steadily: a change is rare; 15 s still shows a reconnect of any real length. */
  slowMs: number;
  /** The one fetch after a task ended, for fields that settle late (EndTime, StopReason). */
  finalFetchDelayMs: number;
  /** ±share of each delay, so tasks added together do not poll in lockstep. */
  jitter: number;
  maxBackoffMs: number;
  /** Volcengine answers only for tasks started within this window. */
  queryWindowMs: number;
}

export const DEFAULT_CADENCE: CadencePolicy = {
  fastMs: 2_000,
  slowMs: 15_000,
  finalFetchDelayMs: 5_000,
  jitter: 0.2,
  maxBackoffMs: 120_000,
  queryWindowMs: 72 * 3_600_000,
};

export type PollDecision =
  | { kind: 'poll'; at: number }
  | { kind: 'stop' }
  | { kind: 'not-queryable'; reason: NotQueryableReason };

const PUSHING = 5;
const STOPPED = 6;

/** Fast unless the push is steady (Status 2 with PushStreamState 5 or 6). */
export function baseDelay(task: Pick<WatchedTaskRecord, 'status' | 'pushStreamState'>, policy: CadencePolicy): number {
  const steady = task.status === 2 && (task.pushStreamState === PUSHING || task.pushStreamState === STOPPED);
  return steady ? policy.slowMs : policy.fastMs;
}

export function jittered(ms: number, random: () => number, share: number): number {
  return Math.round(ms * (1 + (random() * 2 - 1) * share));
}

/** Past the 72-hour window, or never seen at all for as long: asking again cannot succeed. */
export function windowClosed(task: WatchedTaskRecord, now: number, policy: CadencePolicy): boolean {
  const since = task.startTime ?? (task.lastObservedAt === null ? task.addedAt : null);
  return since !== null && since + policy.queryWindowMs < now;
}

/** Checked before spending budget on a poll. */
export function planBeforePoll(task: WatchedTaskRecord, now: number, policy: CadencePolicy): PollDecision | undefined {
  if (task.notQueryableSince !== null || task.nextPollAt === null) return { kind: 'stop' };
  // An ended task gets its final fetch even when the window closes meanwhile: it will just fail.
  if (task.endedAt === null && windowClosed(task, now, policy)) return { kind: 'not-queryable', reason: 'window' };
  return undefined;
}

export interface AfterPoll {
  /** The task as stored after recording the outcome. */
  task: WatchedTaskRecord;
  outcome: FetchOutcome;
  /** The answer that first showed the task finished (from the store's record()). */
  newlyEnded: boolean;
  now: number;
  random: () => number;
  policy: CadencePolicy;
}

export function planAfterPoll({ task, outcome, newlyEnded, now, random, policy }: AfterPoll): PollDecision {
  if (newlyEnded) return { kind: 'poll', at: now + jittered(policy.finalFetchDelayMs, random, policy.jitter) };
  // Ended before this poll: this was the one last fetch, whatever it answered.
  if (task.endedAt !== null) return { kind: 'stop' };
  if (!outcome.ok) {
    if (isTaskNotFound(outcome) && task.lastObservedAt !== null) return { kind: 'not-queryable', reason: 'not-found' };
    if (windowClosed(task, now, policy)) return { kind: 'not-queryable', reason: 'window' };
    const failures = Math.max(1, task.consecutiveFailures);
    const backoff = Math.min(policy.maxBackoffMs, baseDelay(task, policy) * 2 ** Math.min(failures, 16));
    return { kind: 'poll', at: now + jittered(backoff, random, policy.jitter) };
  }
  if (windowClosed(task, now, policy)) return { kind: 'not-queryable', reason: 'window' };
  return { kind: 'poll', at: now + jittered(baseDelay(task, policy), random, policy.jitter) };
}
