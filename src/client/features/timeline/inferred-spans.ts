import type { Segment } from '../../../shared/timeline-lanes.ts';

/** Status 2: between its StartTime and its EndTime a task was running, whether or not anyone asked. */
export const RUNNING_STATUS = 2;

export interface TaskTimes {
  startTime: number | undefined;
  endTime: number | undefined;
  /** The task's Status now: a task with no EndTime is running up to now only if it says so. */
  status: number | undefined;
  now: number;
}

export interface InferredSpan {
  from: number;
  to: number;
  value: number;
}

/** The stretch the task's own times say it was running: StartTime to EndTime (or to now while running). */
export function impliedRun(times: TaskTimes): { from: number; to: number } | undefined {
  if (times.startTime === undefined) return undefined;
  const to = times.endTime ?? (times.status === RUNNING_STATUS ? times.now : undefined);
  return to !== undefined && to > times.startTime ? { from: times.startTime, to } : undefined;
}

/**
 * The unknown parts of the Status lane that the task's StartTime and EndTime fill in: drawn as
 * "inferred" so that a task nobody watched still shows when it ran, never passed off as observed.
 * Observed states always win; each span lies inside the implied run and on unknown time only.
 */
export function inferredSpans(status: readonly Segment[], times: TaskTimes): InferredSpan[] {
  const run = impliedRun(times);
  if (run === undefined) return [];
  const out: InferredSpan[] = [];
  for (const s of status) {
    if (s.kind !== 'unknown') continue;
    const from = Math.max(s.from, run.from);
    const to = Math.min(s.to, run.to);
    if (to <= from) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.to === from) last.to = to;
    else out.push({ from, to, value: RUNNING_STATUS });
  }
  return out;
}
