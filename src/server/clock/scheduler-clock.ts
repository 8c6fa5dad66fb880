/**
 * Time for the watcher and the governor: what time it is and a way to be called back later. Injected so tests run
 * hours of polling in milliseconds with a manual clock, and never sleep.
 */
export interface SchedulerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // The watcher alone must not keep a stopping server alive.
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A clock that runs `speed` times faster than `base`, for the simulator's accelerated task time:
 * observations are stamped in the same time as the tasks' StartTime and EndTime, and every
 * cadence (2 s, 15 s, 72 h) means task time. The QPS budget must keep wall time.
 */
export function scaledClock(base: SchedulerClock, taskNow: () => number, speed: number): SchedulerClock {
  if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
  return {
    now: taskNow,
    setTimeout: (fn, ms) => base.setTimeout(fn, ms / speed),
    clearTimeout: (handle) => base.clearTimeout(handle),
  };
}
