/**
 * The callback endpoint's own token bucket: a high steady rate (Volcengine delivers every event
 * of every room of an app) with a burst for a busy moment; beyond it callers get 429 and
 * Volcengine retries. Clock-injected and pure apart from its own state.
 */
export interface CallbackRateLimit {
  perSecond: number;
  burst: number;
}

/** Above the 1,000 events a second the receiver is built to take, so only a flood meets it. */
export const DEFAULT_CALLBACK_RATE: CallbackRateLimit = { perSecond: 2_000, burst: 4_000 };

export function createCallbackLimiter(limit: CallbackRateLimit, now: () => number): { take(): boolean; retryAfterMs(): number } {
  let tokens = limit.burst;
  let at = now();
  const refill = () => {
    const t = now();
    tokens = Math.min(limit.burst, tokens + ((t - at) / 1000) * limit.perSecond);
    at = t;
  };
  return {
    take() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    retryAfterMs() {
      refill();
      return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / limit.perSecond) * 1000);
    },
  };
}
