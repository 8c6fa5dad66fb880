import type { SchedulerClock } from '../clock/scheduler-clock.ts';
import type { TokenBucket } from './token-bucket.ts';

/**
 * Who gets the next upstream token. Interactive requests (a person waiting) always go before
 * background ones (the watcher), and background calls also stop at a lower share of the window
 * so a person's query always finds room. A caller that cannot be served before its deadline gets
 * a "throttled" answer with a Retry-After instead of hanging: the browser polls again anyway.
 */

export type Priority = 'interactive' | 'background';

export type Acquired = { ok: true } | { ok: false; reason: 'deadline' | 'queue-full' | 'aborted'; retryAfterMs: number };

export interface AdmissionOptions {
  bucket: TokenBucket;
  clock: SchedulerClock;
  /** MIXSCOPE_QPS (or the slowed rate): for Retry-After estimates. */
  rate: () => number;
  /** The most background grants per window: the rest of the window stays free for people. */
  backgroundLimit: () => number;
  /** How long a caller may wait in the queue. */
  deadlineMs?: Record<Priority, number>;
  /** Waiters beyond this are answered at once. */
  maxQueue?: number;
}

export interface Admission {
  /** A granted call must be finished with `finish()` once it has its answer. */
  acquire(priority: Priority, signal?: AbortSignal): Promise<Acquired>;
  /** A granted call ended: its place in the window runs out a window later (token-bucket.ts). */
  finish(): void;
  /** Non-blocking, for the watcher's own pacing: true when `acquire` would be granted right now. */
  canAcquireNow(priority: Priority): boolean;
  /** How long until a call of this priority could start. */
  waitMs(priority: Priority): number;
  queued(): Record<Priority, number>;
  /** Answers every waiter (shutdown). */
  drain(): void;
}

interface Waiter {
  resolve(a: Acquired): void;
  timer: unknown;
  cleanup(): void;
}

export const ADMISSION_DEFAULTS = { deadlineMs: { interactive: 2_500, background: 5_000 }, maxQueue: 1_000 } as const;

export function createAdmission(options: AdmissionOptions): Admission {
  const { bucket, clock, rate, backgroundLimit } = options;
  const deadlineMs = options.deadlineMs ?? ADMISSION_DEFAULTS.deadlineMs;
  const maxQueue = options.maxQueue ?? ADMISSION_DEFAULTS.maxQueue;
  const queues: Record<Priority, Waiter[]> = { interactive: [], background: [] };
  let timer: unknown;

  const limitOf = (p: Priority) => (p === 'interactive' ? undefined : backgroundLimit());
  const total = () => queues.interactive.length + queues.background.length;
  /** About when a newcomer would be served: everyone ahead of it, at the current rate. */
  const estimateMs = (ahead: number) => Math.ceil(((ahead + 1) * 1000) / Math.max(0.1, rate()));

  function pump() {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    for (;;) {
      const priority: Priority | undefined = queues.interactive.length > 0 ? 'interactive' : queues.background.length > 0 ? 'background' : undefined;
      if (priority === undefined) return;
      if (!bucket.tryTake(limitOf(priority))) {
        timer = clock.setTimeout(pump, Math.max(1, bucket.waitMs(limitOf(priority))));
        return;
      }
      const waiter = queues[priority].shift();
      waiter?.cleanup();
      waiter?.resolve({ ok: true });
    }
  }

  function remove(priority: Priority, waiter: Waiter) {
    const i = queues[priority].indexOf(waiter);
    if (i >= 0) queues[priority].splice(i, 1);
    waiter.cleanup();
  }

  return {
    acquire(priority, signal) {
      if (signal?.aborted) return Promise.resolve({ ok: false, reason: 'aborted', retryAfterMs: 0 });
      // Nobody ahead of us: take a token synchronously, so a caller that checked canAcquireNow()
      // in the same tick is guaranteed its grant.
      const ahead = priority === 'interactive' ? queues.interactive.length : total();
      if (ahead === 0 && bucket.tryTake(limitOf(priority))) return Promise.resolve({ ok: true });
      if (total() >= maxQueue) return Promise.resolve({ ok: false, reason: 'queue-full', retryAfterMs: estimateMs(total()) });
      return new Promise<Acquired>((resolve) => {
        const onAbort = () => {
          remove(priority, waiter);
          resolve({ ok: false, reason: 'aborted', retryAfterMs: 0 });
        };
        const waiter: Waiter = {
          resolve,
          timer: clock.setTimeout(() => {
            remove(priority, waiter);
            resolve({ ok: false, reason: 'deadline', retryAfterMs: estimateMs(total()) });
          }, deadlineMs[priority]),
          cleanup: () => {
            clock.clearTimeout(waiter.timer);
            signal?.removeEventListener('abort', onAbort);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queues[priority].push(waiter);
        pump();
      });
    },
    finish() {
      bucket.finish();
      // Calls in flight may have been what held the queue: look again with this one's end known.
      if (total() > 0) pump();
    },
    canAcquireNow(priority) {
      const ahead = priority === 'interactive' ? queues.interactive.length : total();
      return ahead === 0 && bucket.waitMs(limitOf(priority)) === 0;
    },
    waitMs(priority) {
      const ahead = priority === 'interactive' ? queues.interactive.length : total();
      return ahead === 0 ? bucket.waitMs(limitOf(priority)) : estimateMs(ahead);
    },
    queued: () => ({ interactive: queues.interactive.length, background: queues.background.length }),
    drain() {
      for (const priority of ['interactive', 'background'] as const) {
        for (const waiter of queues[priority].splice(0)) {
          waiter.cleanup();
          waiter.resolve({ ok: false, reason: 'aborted', retryAfterMs: 0 });
        }
      }
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
