/**
 * The one upstream budget: a token bucket for smooth pacing plus a sliding one-second log as a
 * hard cap.
 *
 * Why both: a bucket alone (rate r, burst b) can grant b + r calls inside one second (a full
 * bucket, then a second of refill), which would break Volcengine's "QPS 不得超过 60" whenever the
 * rate is close to the limit. The log makes "no window of `windowMs` ever holds more than
 * `windowCap` calls" a guarantee rather than an average; the bucket keeps calls evenly spaced so
 * the log rarely has to say no. Pure and clock-injected: tests drive it with plain numbers.
 *
 * The guarantee holds at the wire, not only at the grant: Volcengine counts a call when it
 * arrives, which is some time between the grant (signing and a busy event loop come first) and
 * the answer. So a call holds its place in the log from its grant until `windowMs` after it
 * finished (`finish()`), and any window of `windowMs` in which a call could have arrived counts
 * it. No send delay, however long, can push a window over the cap.
 */

export interface TokenBucketOptions {
  /** Tokens per second, read on every call so a slow-down (adaptive-rate.ts) applies at once. */
  rate: () => number;
  /** Tokens the bucket holds when idle: how many calls may leave back to back. */
  burst: number;
  /** The most grants in any window of `windowMs` (MIXSCOPE_QPS). */
  windowCap: number;
  windowMs?: number;
  now: () => number;
}

export interface TokenBucket {
  /**
   * Takes a token now if one is free and fewer than `limit` (default windowCap) calls are in the
   * window; a granted call must be finished with `finish()`.
   */
  tryTake(limit?: number): boolean;
  /** One granted call got its answer (or gave up) now; it leaves the window `windowMs` later. */
  finish(): void;
  /**
   * Milliseconds until `tryTake(limit)` could succeed; 0 means now. When calls still in flight
   * are what blocks, `windowMs` at least: their end is not known yet, so call again on `finish()`.
   */
  waitMs(limit?: number): number;
  /** Calls in the current window (in flight, or finished less than `windowMs` ago), for metrics and tests. */
  inWindow(): number;
}

export function createTokenBucket({ rate, burst, windowCap, windowMs = 1000, now }: TokenBucketOptions): TokenBucket {
  if (!(burst >= 1) || !Number.isInteger(windowCap) || windowCap < 1) {
    throw new RangeError(`burst must be >= 1 and windowCap a whole number >= 1 (got ${burst}, ${windowCap})`);
  }
  let tokens = burst;
  let last = now();
  /** Granted calls without an answer yet: they count in every window until they finish. */
  let open = 0;
  /** When finished calls ended, oldest first; never longer than windowCap. */
  const ended: number[] = [];

  const refill = (t: number) => {
    // A clock that steps back (NTP) must not mint tokens or lose them.
    const elapsed = Math.max(0, t - last);
    tokens = Math.min(burst, tokens + (elapsed * Math.max(0, rate())) / 1000);
    last = Math.max(last, t);
  };
  const prune = (t: number) => {
    while (ended.length > 0 && (ended[0] ?? t) <= t - windowMs) ended.shift();
  };
  const capOf = (limit: number | undefined) => Math.max(0, Math.min(windowCap, limit ?? windowCap));

  return {
    tryTake(limit) {
      const t = now();
      refill(t);
      prune(t);
      if (tokens < 1 || open + ended.length >= capOf(limit)) return false;
      tokens -= 1;
      open += 1;
      return true;
    },
    finish() {
      if (open === 0) return;
      open -= 1;
      // A clock that stepped back must not let a call leave the window early.
      ended.push(Math.max(now(), ended[ended.length - 1] ?? -Infinity));
    },
    waitMs(limit) {
      const t = now();
      refill(t);
      prune(t);
      const cap = capOf(limit);
      if (cap === 0) return windowMs;
      const r = Math.max(0, rate());
      const forToken = tokens >= 1 ? 0 : r === 0 ? windowMs : Math.ceil(((1 - tokens) * 1000) / r);
      // The finished call whose expiry brings the window below the cap; none when calls in flight fill it.
      const free = cap - open;
      const blocking = free <= 0 ? undefined : ended.length >= free ? ended[ended.length - free] : undefined;
      const forWindow = free <= 0 ? windowMs : blocking === undefined ? 0 : blocking + windowMs - t;
      return Math.max(forToken, forWindow, 0);
    },
    inWindow() {
      prune(now());
      return open + ended.length;
    },
  };
}

/** A small burst: a tenth of the rate, at least 1, so a page of many tasks loads without a queue. */
export function defaultBurst(qps: number): number {
  return Math.max(1, Math.round(qps / 10));
}
