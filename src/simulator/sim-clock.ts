/**
 * Two clocks. The wall clock (`now()`, injectable) stamps request ids, checks X-Date and counts
 * QPS, because signers and rate limits live in real time. The task clock runs `speed` times faster
 * from the moment the simulator was created, plus any jump asked for with advance(), so a demo can
 * show a two-hour class in minutes while signatures stay valid.
 */
export interface SimClock {
  wallNow(): number;
  /** Simulated Unix ms that task scripts are evaluated at. */
  taskNow(): number;
  /** The simulator's creation time: scenario tasks are placed relative to it. */
  readonly origin: number;
  readonly speed: number;
  advance(ms: number): void;
}

export function createSimClock(now: () => number, speed: number): SimClock {
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const origin = now();
  let offset = 0;
  return {
    origin,
    speed,
    wallNow: now,
    taskNow: () => origin + (now() - origin) * speed + offset,
    advance: (ms: number) => {
      offset += ms;
    },
  };
}
