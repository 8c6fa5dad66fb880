import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../shared/mixscope-api.ts';
import type { CircuitSnapshot } from './governor/circuit-breaker.ts';
import type { GovernedOutcome } from './governor/governor.ts';
import type { UpstreamOutcome } from './upstream-client.ts';

/** Every /api error goes out in the ApiErrorBodySchema shape and is never cached. */
export function sendError(c: Context, status: ContentfulStatusCode, error: ApiErrorBody['error']) {
  c.header('Cache-Control', 'no-store');
  if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter));
  return c.json({ error } satisfies ApiErrorBody, status);
}

/** Volcengine's throttling codes: FlowLimitExceeded(.QPSOverLimit) and AccountFlowLimitExceeded. */
export function isThrottleCode(code: string): boolean {
  return /^(Account)?FlowLimitExceeded(\.|$)/.test(code);
}

type Failure = Exclude<UpstreamOutcome, { kind: 'ok' }>;

/**
 * Upstream failures as HTTP: an answered error is a bad gateway (502), except throttling, which
 * the browser should back off from (429 + Retry-After); silence is a gateway timeout (504).
 */
export function upstreamFailure(outcome: Failure, upstreamName = 'Volcengine'): { status: ContentfulStatusCode; error: ApiErrorBody['error'] } {
  switch (outcome.kind) {
    case 'upstream-error': {
      const { error } = outcome;
      const throttled = isThrottleCode(error.code) || error.httpStatus === 429;
      const what = error.message === '' ? error.code : `${error.code}: ${error.message}`;
      const quote = error.requestId === undefined ? '' : ` (RequestId ${error.requestId})`;
      return {
        status: throttled ? 429 : 502,
        error: {
          kind: 'upstream',
          message: `${upstreamName} refused the query with ${what}${quote}.`,
          upstream: error,
          ...(throttled ? { retryAfter: 1 } : {}),
        },
      };
    }
    case 'unreachable':
      return { status: 504, error: { kind: 'unreachable', message: outcome.message } };
    case 'bad-body':
      return { status: 502, error: { kind: 'bad-upstream-body', message: outcome.message } };
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Governed outcomes as HTTP. The server's own budget saying no is 503 `throttled` with
 * Retry-After; an open circuit is 503 `unreachable` saying since when. Every failure carries the
 * breaker's state, so the browser can show "Volcengine unreachable since ..." beside its last
 * good data.
 */
export function governedFailure(
  outcome: Exclude<GovernedOutcome, { kind: 'ok' }>,
  circuit: CircuitSnapshot,
  upstreamName = 'Volcengine',
): { status: ContentfulStatusCode; error: ApiErrorBody['error'] } {
  const since = circuit.unreachableSince;
  const circuitFields = { circuit: circuit.state, ...(since !== undefined ? { unreachableSince: since } : {}) };
  if (outcome.kind === 'throttled') {
    return {
      status: 503,
      error: {
        kind: 'throttled',
        message: `mixscope is at its upstream budget (MIXSCOPE_QPS) and could not ask ${upstreamName} in time; try again in ${seconds(outcome.retryAfterMs)} s.`,
        retryAfter: seconds(outcome.retryAfterMs),
        ...circuitFields,
      },
    };
  }
  if (outcome.kind === 'circuit-open') {
    // Since when travels as unreachableSince, for the reader's clock and language.
    return {
      status: 503,
      error: {
        kind: 'unreachable',
        message: `${upstreamName} unreachable (${circuit.consecutiveFailures} failed calls in a row); mixscope pauses its queries and tries again in ${seconds(outcome.retryAfterMs)} s.`,
        retryAfter: seconds(outcome.retryAfterMs),
        ...circuitFields,
      },
    };
  }
  const mapped = upstreamFailure(outcome, upstreamName);
  // Only failures that say the upstream is down get the "since": a refused query does not.
  const down = outcome.kind !== 'upstream-error' || outcome.error.httpStatus >= 500;
  if (since === undefined || !down) return mapped;
  return { status: mapped.status, error: { ...mapped.error, ...circuitFields } };
}
