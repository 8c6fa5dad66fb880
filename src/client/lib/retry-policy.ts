import { ApiRequestError } from './api-client.ts';

/**
 * When the browser asks the mixscope server again after a failed call. Pure.
 *
 * Definitive: an answer asking again cannot change (input refused, sign-in needed, a task
 * Volcengine says does not exist, a bad signature): shown at once, never retried. Everything
 * else (no answer in time, 5xx, throttling, the server unreachable) is retried, as long as it
 * takes, after the Retry-After the server gave or a backoff.
 */

// Volcengine's own codes for trouble on its side, whatever HTTP status came with them.
const TRANSIENT_UPSTREAM_CODE = /^(InternalError|InternalServiceError|InternalServiceTimeout|ServiceUnavailable|FailToConnect|(Account)?FlowLimitExceeded)(\.|$|Temp)/;

export function isDefinitive(error: unknown): boolean {
  // Not the server's answer but a fault of this page (a bug): asking again repeats it.
  if (!(error instanceof ApiRequestError)) return true;
  if (error.status === 429 || error.status === 408) return false;
  const upstream = error.detail?.upstream;
  if (error.kind === 'upstream' && upstream) {
    return upstream.httpStatus < 500 && upstream.httpStatus !== 429 && !TRANSIENT_UPSTREAM_CODE.test(upstream.code);
  }
  return error.status >= 200 && error.status < 500;
}

const RETRY_AFTER_MIN_MS = 1_000;
const RETRY_AFTER_MAX_MS = 30_000;
const BACKOFF_MAX_MS = 10_000;

/** How long to wait after the `failures`-th failure in a row (1 for the first) before asking again. */
export function retryDelayMs(failures: number, error: unknown): number {
  const retryAfter = error instanceof ApiRequestError ? error.detail?.retryAfter : undefined;
  if (retryAfter !== undefined) return Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, retryAfter * 1_000));
  return Math.min(BACKOFF_MAX_MS, 1_000 * 2 ** Math.max(0, failures - 1));
}

/** The pair of react-query options that apply this policy (react-query counts failures from 0). */
export const retryOptions = {
  retry: (_failureCount: number, error: Error) => !isDefinitive(error),
  retryDelay: (failureCount: number, error: Error) => retryDelayMs(failureCount + 1, error),
};

/** When the next try goes, for a failure the page shows: undefined when none will. */
export function nextTryAt(failure: { error: Error; attempt: number }): number | undefined {
  if (isDefinitive(failure.error) || !(failure.error instanceof ApiRequestError)) return undefined;
  return failure.error.receivedAt + retryDelayMs(failure.attempt, failure.error);
}
