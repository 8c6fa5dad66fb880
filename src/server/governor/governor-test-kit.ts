import type { TaskRef } from '../../shared/task-ref.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';
import { createManualClock, type ManualClock } from '../clock/manual-clock.ts';
import { createGovernor, type Governor, type GovernorOptions } from './governor.ts';

/** Test helpers for the governor: a manual clock and a scripted, counting upstream. */

export const refOf = (taskId: string): TaskRef => ({ appId: 'app', roomId: 'room', taskId, version: '2020-12-01' });
export const OK: UpstreamOutcome = { kind: 'ok', requestId: 'req', task: { Status: 2 }, fetchedAt: 0 };
export const upstreamError = (code: string, httpStatus: number): UpstreamOutcome => ({
  kind: 'upstream-error', fetchedAt: 0, error: { code, message: code, httpStatus, requestId: 'req-err' },
});

export interface GovernorKit {
  clock: ManualClock;
  governor: Governor;
  /** Start time (clock ms) of every upstream call, with its task id. */
  calls: { at: number; taskId: string | undefined }[];
}

/**
 * `answer(n, ref)` gives the n-th call's outcome (0-based); every call takes `latencyMs` of clock
 * time, so concurrent callers have something to coalesce onto.
 */
export function governorKit(
  answer: (n: number, ref: TaskRef) => UpstreamOutcome = () => OK,
  opts: Partial<GovernorOptions> & { latencyMs?: number } = {},
): GovernorKit {
  const clock = createManualClock(1_000_000);
  const calls: GovernorKit['calls'] = [];
  const latency = opts.latencyMs ?? 50;
  const governor = createGovernor({
    clock, qps: 50, cacheMs: 1_000, random: () => 0.5,
    ...opts,
    upstream: {
      getTask(ref) {
        const n = calls.length;
        calls.push({ at: clock.now(), taskId: ref.taskId });
        return new Promise((resolve) => clock.setTimeout(() => resolve(answer(n, ref)), latency));
      },
    },
  });
  return { clock, governor, calls };
}

/** Most calls in any window of `windowMs` over sorted times. */
export function maxInWindow(times: readonly number[], windowMs = 1_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] ?? 0) - (sorted[lo] ?? 0) >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
