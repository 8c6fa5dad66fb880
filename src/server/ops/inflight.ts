/**
 * Counts requests being handled, so a graceful stop can wait for them (with a limit) before it
 * closes the store they may still be writing to.
 */
export interface Inflight {
  enter(): void;
  leave(): void;
  count(): number;
  /** Resolves true when nothing is in flight, or false when `timeoutMs` passed first. */
  idle(timeoutMs: number, timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(h: unknown): void }): Promise<boolean>;
}

const realTimers = {
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createInflight(): Inflight {
  let n = 0;
  const waiting = new Set<() => void>();
  return {
    enter: () => void (n += 1),
    leave() {
      n = Math.max(0, n - 1);
      if (n === 0) for (const wake of [...waiting]) wake();
    },
    count: () => n,
    idle(timeoutMs, timers = realTimers) {
      if (n === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (drained: boolean) => {
          waiting.delete(wake);
          timers.clearTimeout(timer);
          resolve(drained);
        };
        const wake = () => done(true);
        const timer = timers.setTimeout(() => done(false), timeoutMs);
        waiting.add(wake);
      });
    },
  };
}
