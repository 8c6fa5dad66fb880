import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../shared/mixscope-api.ts';
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
