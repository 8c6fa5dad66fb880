import type { SchedulerClock } from './scheduler-clock.ts';

/**
 * A clock for tests: time moves only when told. `advance` fires due callbacks in time order and
 * lets the promises each one starts settle before moving on, so async work (a fake upstream, the
 * SQLite store) completes "instantly" at the simulated time it began.
 */
export interface ManualClock extends SchedulerClock {
  advance(ms: number): Promise<void>;
  advanceTo(time: number): Promise<void>;
  pendingTimers(): number;
}

/** Drains microtasks and anything they queue; a few rounds cover chains of awaits across modules. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface ManualClockOptions {
  /**
   * What "settled" means after each callback: by default a few rounds of microtasks, enough for
   * work on SQLite (synchronous underneath); a store over the network passes a wait for its queries.
   */
  quiesce?: () => Promise<void>;
}

export function createManualClock(start = 0, options: ManualClockOptions = {}): ManualClock {
  const quiesce = options.quiesce ?? (() => settle());
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();

  const nextDue = (until: number) => {
    let best: [number, { at: number; fn: () => void }] | undefined;
    for (const entry of timers) {
      if (entry[1].at <= until && (best === undefined || entry[1].at < best[1].at)) best = entry;
    }
    return best;
  };

  const clock: ManualClock = {
    now: () => now,
    setTimeout(fn, ms) {
      seq += 1;
      timers.set(seq, { at: now + Math.max(0, ms), fn });
      return seq;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') timers.delete(handle);
    },
    async advanceTo(time) {
      await quiesce();
      for (let due = nextDue(time); due !== undefined; due = nextDue(time)) {
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
        await quiesce();
      }
      now = Math.max(now, time);
      await quiesce();
    },
    advance: (ms) => clock.advanceTo(now + ms),
    pendingTimers: () => timers.size,
  };
  return clock;
}
