import type { SchedulerClock } from './scheduler-clock.ts';

/**
 * A round of work now, then again `periodMs` after each round has ended (never two at once),
 * until stopped; stopping waits for the round in progress. The heartbeat, the watcher lease and
 * any other loop of the server's share this instead of their own timer bookkeeping.
 */
export interface RepeatingRound {
  /** Runs the first round and resolves once it has ended; later rounds follow on the clock. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function repeatingRound(round: () => Promise<unknown>, periodMs: number, clock: Pick<SchedulerClock, 'setTimeout' | 'clearTimeout'>): RepeatingRound {
  let running = false;
  let timer: unknown;
  let current: Promise<unknown> | undefined;
  const schedule = () => {
    if (!running) return;
    timer = clock.setTimeout(() => {
      current = round().finally(schedule);
    }, periodMs);
  };
  return {
    async start() {
      if (running) return;
      running = true;
      current = round();
      await current;
      schedule();
    },
    async stop() {
      running = false;
      clock.clearTimeout(timer);
      await current?.catch(() => undefined);
    },
  };
}
