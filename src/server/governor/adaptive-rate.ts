/**
 * How the whole server slows down when Volcengine says FlowLimitExceeded: the account's 60 QPS
 * is shared with the customer's own production calls, so a throttle means "someone else needs
 * the budget now". Multiplicative decrease (halve), a cool-down at the reduced rate, then additive
 * recovery step by step, as TCP does. Pure: every answer is a function of the time passed in.
 */

export interface AdaptiveRateOptions {
  /** MIXSCOPE_QPS: the rate when nothing has been throttled. */
  baseRate: number;
  /** Never slower than this share of baseRate, so the dashboard still answers now and then. */
  minFactor?: number;
  /** How long the reduced rate holds after the last throttle. */
  cooldownMs?: number;
  /** After the cool-down, the factor grows by `recoverStep` every `recoverEveryMs`. */
  recoverStep?: number;
  recoverEveryMs?: number;
  /**
   * Throttles within this time of the last halving only extend the cool-down: five calls in
   * flight that all come back 429 are one signal, not five.
   */
  debounceMs?: number;
}

export interface AdaptiveRate {
  /** Calls per second allowed at `now`. */
  rate(now: number): number;
  /** Share of baseRate in force at `now`, 1 when recovered. */
  factor(now: number): number;
  onThrottle(now: number): void;
  /** When the last throttle was seen, or undefined. */
  lastThrottleAt(): number | undefined;
}

export const ADAPTIVE_DEFAULTS = {
  minFactor: 1 / 8,
  cooldownMs: 10_000,
  recoverStep: 0.1,
  recoverEveryMs: 1_000,
  debounceMs: 1_000,
} as const;

export function createAdaptiveRate(options: AdaptiveRateOptions): AdaptiveRate {
  const { baseRate } = options;
  const { minFactor, cooldownMs, recoverStep, recoverEveryMs, debounceMs } = { ...ADAPTIVE_DEFAULTS, ...options };
  /** The factor set by the last halving, and when the cool-down ends. */
  let floor = 1;
  let halvedAt = -Infinity;
  let lastThrottle: number | undefined;
  let cooldownEnd = -Infinity;

  function factor(now: number): number {
    if (floor >= 1) return 1;
    if (now < cooldownEnd) return floor;
    const steps = Math.floor((now - cooldownEnd) / recoverEveryMs) + 1;
    return Math.min(1, floor + steps * recoverStep);
  }

  return {
    factor,
    rate: (now) => baseRate * factor(now),
    onThrottle(now) {
      lastThrottle = now;
      if (now - halvedAt >= debounceMs) {
        floor = Math.max(minFactor, factor(now) / 2);
        halvedAt = now;
      }
      cooldownEnd = now + cooldownMs;
    },
    lastThrottleAt: () => lastThrottle,
  };
}
