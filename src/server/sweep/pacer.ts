/**
 * A small token bucket of one: calls of one Action start at least 1/qps apart, so a sweep keeps
 * each room Action inside its documented limit without counting on the endpoint's 429s.
 */
export interface Pacer {
  /** Resolves when the next call may start, and reserves that slot. */
  take(): Promise<void>;
}

export function createPacer(qps: number, now: () => number, sleep: (ms: number) => Promise<void>): Pacer {
  const gapMs = 1000 / qps;
  let next = 0;
  return {
    async take() {
      const t = now();
      const at = Math.max(t, next);
      next = at + gapMs;
      if (at > t) await sleep(at - t);
    },
  };
}
