import { isThrottleCode } from '../api-errors.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';

/**
 * What one upstream answer means for retries, the circuit breaker and the rate. Pure.
 *
 * - `answered`: a valid envelope (a task, or a 4xx-style error such as TaskNotFound): Volcengine
 *   is up; asking again would get the same answer.
 * - `throttled`: FlowLimitExceeded*, or HTTP 429: up, but slow down.
 * - `server-error`: HTTP 5xx (with or without an envelope): worth one more try.
 * - `network`: connection refused/reset, DNS: worth one more try.
 * - `timeout`: not retried, because the caller already waited the whole timeout; the breaker
 *   counts it.
 * - `bad-body`: HTTP 2xx/4xx with a body that is not the envelope: not retried (often a proxy
 *   page that will not change), but counted by the breaker.
 * - `aborted`: we cancelled it (shutdown): says nothing about the upstream.
 */
export type AnswerClass = 'answered' | 'throttled' | 'server-error' | 'network' | 'timeout' | 'bad-body' | 'aborted';

export function classify(outcome: UpstreamOutcome): AnswerClass {
  switch (outcome.kind) {
    case 'ok':
      return 'answered';
    case 'upstream-error': {
      const { code, httpStatus } = outcome.error;
      if (isThrottleCode(code) || httpStatus === 429) return 'throttled';
      return httpStatus >= 500 ? 'server-error' : 'answered';
    }
    case 'unreachable':
      return outcome.reason === 'network' ? 'network' : outcome.reason;
    case 'bad-body':
      return outcome.httpStatus >= 500 ? 'server-error' : 'bad-body';
  }
}

export const isRetryable = (c: AnswerClass): boolean => c === 'throttled' || c === 'server-error' || c === 'network';

/** Breaker verdicts: a throttle proves the endpoint is up but is no success either. */
export function breakerVerdict(c: AnswerClass): 'success' | 'failure' | 'neutral' {
  if (c === 'answered') return 'success';
  if (c === 'throttled' || c === 'aborted') return 'neutral';
  return 'failure';
}

export interface RetryPolicy {
  /** Calls per flight, the first included. */
  maxAttempts: number;
  baseMs: number;
  capMs: number;
  /** After a throttle, wait at least this long: Volcengine counts per second. */
  throttleBaseMs: number;
  /** A retry that would start later than this after the flight began is not made. */
  budgetMs: number;
}

export const RETRY_DEFAULTS: RetryPolicy = { maxAttempts: 3, baseMs: 200, capMs: 2_000, throttleBaseMs: 500, budgetMs: 4_000 };

/**
 * "Equal jitter" backoff: half of the exponential delay fixed, half random. Clients that failed
 * together spread out, and no retry comes sooner than half the delay.
 */
export function backoffMs(retry: number, cls: AnswerClass, random: () => number, policy: RetryPolicy = RETRY_DEFAULTS): number {
  const base = cls === 'throttled' ? policy.throttleBaseMs : policy.baseMs;
  const exp = Math.min(policy.capMs, base * 2 ** Math.max(0, retry - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
