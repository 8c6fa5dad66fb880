import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-client.ts';
import { isDefinitive, retryDelayMs } from './retry-policy.ts';

const upstream = (code: string, httpStatus: number, status = 502) =>
  new ApiRequestError('upstream', status, `${code}.`, { kind: 'upstream', message: `${code}.`, upstream: { code, message: '', httpStatus } });

describe('isDefinitive', () => {
  it.each([
    ['a Volcengine 400 (task not found)', upstream('InvalidParameter.ErrorActiveTaskNotFound', 400)],
    ['a Volcengine 401 (bad signature)', upstream('SignatureDoesNotMatch', 401)],
    ['a Volcengine error sent with HTTP 200', upstream('AccessDenied', 200)],
    ['input the server refused', new ApiRequestError('invalid-input', 400, 'AppId is required.')],
    ['a missing token', new ApiRequestError('unauthorized', 401, 'Sign in.')],
    ['an answer of the wrong shape', new ApiRequestError('internal', 200, 'wrong shape')],
    ['an error that is not the server\'s (a bug)', new TypeError('x is undefined')],
  ])('%s is not retried', (_, error) => {
    expect(isDefinitive(error)).toBe(true);
  });

  it.each([
    ['Volcengine throttling (429)', upstream('FlowLimitExceeded', 429, 429)],
    ['a Volcengine 5xx', upstream('ServiceUnavailableTemp', 503)],
    ['a Volcengine internal error sent with a 4xx', upstream('InternalError.GenerateTokenFailed', 400)],
    ['no answer in time (504)', new ApiRequestError('unreachable', 504, 'no answer within 5000 ms')],
    ['the server at its budget (503)', new ApiRequestError('throttled', 503, 'busy')],
    ['an unreadable upstream body (502)', new ApiRequestError('bad-upstream-body', 502, 'not JSON')],
    ['the mixscope server unreachable', new ApiRequestError('network', 0, 'offline')],
    ['a request timeout (408)', new ApiRequestError('internal', 408, 'timeout')],
  ])('%s is retried', (_, error) => {
    expect(isDefinitive(error)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('waits the Retry-After the server gave, within 1 to 30 s', () => {
    const withAfter = (s: number) => new ApiRequestError('throttled', 503, 'busy', { kind: 'throttled', message: 'busy', retryAfter: s });
    expect(retryDelayMs(1, withAfter(3))).toBe(3_000);
    expect(retryDelayMs(4, withAfter(3))).toBe(3_000);
    expect(retryDelayMs(1, withAfter(0))).toBe(1_000);
    expect(retryDelayMs(1, withAfter(600))).toBe(30_000);
  });

  it('backs off 1, 2, 4, 8 s, then every 10 s, without a Retry-After', () => {
    const error = new ApiRequestError('unreachable', 504, 'no answer');
    expect([1, 2, 3, 4, 5, 12].map((n) => retryDelayMs(n, error))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });
});
