/**
 * The one upstream budget: a token bucket for smooth pacing plus a sliding one-second log as a
 * hard cap.
 *
 * Why both: a bucket alone (rate r, burst b) can grant b + r calls inside one second (a full
 * bucket, then a second of refill), which would break Volcengine's "QPS 不得超过 60" whenever the
 * rate is close to the limit. The log makes "no window of `windowMs` ever holds more than
 * `windowCap` grants" a guarantee rather than an average; the bucket keeps calls evenly spaced so
 * the log rarely has to say no. Pure and clock-injected: tests drive it with plain numbers.
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
  /** Takes a token now if one is free and fewer than `limit` (default windowCap) grants are in the window. */
  tryTake(limit?: number): boolean;
  /** Milliseconds until `tryTake(limit)` could succeed; 0 means now. */
  waitMs(limit?: number): number;
  /** Grants in the current window, for metrics and tests. */
  inWindow(): number;
}

export function createTokenBucket({ rate, burst, windowCap, windowMs = 1000, now }: TokenBucketOptions): TokenBucket {
  if (!(burst >= 1) || !Number.isInteger(windowCap) || windowCap < 1) {
    throw new RangeError(`burst must be >= 1 and windowCap a whole number >= 1 (got ${burst}, ${windowCap})`);
  }
  let tokens = burst;
  let last = now();
  /** Grant times, oldest first; never longer than windowCap. */
  const grants: number[] = [];

  const refill = (t: number) => {
    // A clock that steps back (NTP) must not mint tokens or lose them.
    const elapsed = Math.max(0, t - last);
    tokens = Math.min(burst, tokens + (elapsed * Math.max(0, rate())) / 1000);
    last = Math.max(last, t);
  };
  const prune = (t: number) => {
    while (grants.length > 0 && (grants[0] ?? t) <= t - windowMs) grants.shift();
  };
  const capOf = (limit: number | undefined) => Math.max(0, Math.min(windowCap, limit ?? windowCap));

  return {
    tryTake(limit) {
      const t = now();
      refill(t);
      prune(t);
      if (tokens < 1 || grants.length >= capOf(limit)) return false;
      tokens -= 1;
      grants.push(t);
      return true;
    },
    waitMs(limit) {
      const t = now();
      refill(t);
      prune(t);
      const cap = capOf(limit);
      if (cap === 0) return windowMs;
      const r = Math.max(0, rate());
      const forToken = tokens >= 1 ? 0 : r === 0 ? windowMs : Math.ceil(((1 - tokens) * 1000) / r);
      // The grant whose expiry brings the window below the cap.
      const blocking = grants.length >= cap ? grants[grants.length - cap] : undefined;
      const forWindow = blocking === undefined ? 0 : blocking + windowMs - t;
      return Math.max(forToken, forWindow, 0);
    },
    inWindow() {
      prune(now());
      return grants.length;
    },
  };
}

/** A small burst: a tenth of the rate, at least 1, so a page of many tasks loads without a queue. */
export function defaultBurst(qps: number): number {
  return Math.max(1, Math.round(qps / 10));
}
