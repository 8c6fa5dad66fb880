import { describe, expect, it } from 'vitest';
import type { UpstreamOutcome } from '../upstream-client.ts';
import { backoffMs, breakerVerdict, classify, isRetryable, RETRY_DEFAULTS } from './retry-policy.ts';

const err = (code: string, httpStatus: number): UpstreamOutcome => ({ kind: 'upstream-error', fetchedAt: 0, error: { code, message: '', httpStatus } });

describe('classify', () => {
  it.each([
    [{ kind: 'ok', requestId: 'r', task: {}, fetchedAt: 0 } as UpstreamOutcome, 'answered', false, 'success'],
    [err('InvalidParameter.ErrorActiveTaskNotFound', 400), 'answered', false, 'success'],
    [err('AccessDenied', 403), 'answered', false, 'success'],
    [err('FlowLimitExceeded', 429), 'throttled', true, 'neutral'],
    [err('FlowLimitExceeded.QPSOverLimit', 200), 'throttled', true, 'neutral'],
    [err('AccountFlowLimitExceeded', 429), 'throttled', true, 'neutral'],
    [err('SomethingElse', 429), 'throttled', true, 'neutral'],
    [err('InternalError', 500), 'server-error', true, 'failure'],
    [err('ServiceUnavailableTemp', 503), 'server-error', true, 'failure'],
    [{ kind: 'bad-body', httpStatus: 502, message: 'html' } as UpstreamOutcome, 'server-error', true, 'failure'],
    [{ kind: 'bad-body', httpStatus: 500, message: 'html' } as UpstreamOutcome, 'server-error', true, 'failure'],
    [{ kind: 'bad-body', httpStatus: 499, message: 'html' } as UpstreamOutcome, 'bad-body', false, 'failure'],
    [err('ClientClosed', 499), 'answered', false, 'success'],
    [{ kind: 'bad-body', httpStatus: 200, message: 'truncated' } as UpstreamOutcome, 'bad-body', false, 'failure'],
    [{ kind: 'unreachable', reason: 'network', message: 'ECONNRESET' } as UpstreamOutcome, 'network', true, 'failure'],
    [{ kind: 'unreachable', reason: 'timeout', message: 't' } as UpstreamOutcome, 'timeout', false, 'failure'],
    [{ kind: 'unreachable', reason: 'aborted', message: 'a' } as UpstreamOutcome, 'aborted', false, 'neutral'],
  ])('%j is %s (retry: %s, breaker: %s)', (outcome, cls, retry, verdict) => {
    const c = classify(outcome);
    expect(c).toBe(cls);
    expect(isRetryable(c)).toBe(retry);
    expect(breakerVerdict(c)).toBe(verdict);
  });
});

describe('backoffMs', () => {
  it('doubles per retry with half of it random, and is capped', () => {
    expect([1, 2, 3, 4, 5].map((r) => backoffMs(r, 'server-error', () => 0))).toEqual([100, 200, 400, 800, 1000]);
    expect([1, 2, 3].map((r) => backoffMs(r, 'server-error', () => 1))).toEqual([200, 400, 800]);
    expect(backoffMs(10, 'network', () => 1)).toBe(RETRY_DEFAULTS.capMs);
  });

  it('waits longer after a throttle: Volcengine counts per second', () => {
    expect(backoffMs(1, 'throttled', () => 0)).toBe(250);
    expect(backoffMs(1, 'throttled', () => 1)).toBe(500);
  });

  it('treats a retry number of 0 or less as the first retry', () => {
    expect(backoffMs(0, 'server-error', () => 1)).toBe(200);
    expect(backoffMs(-3, 'throttled', () => 1)).toBe(500);
  });

  it('follows a custom policy', () => {
    const policy = { ...RETRY_DEFAULTS, baseMs: 10, throttleBaseMs: 1_000, capMs: 30 };
    expect([1, 2, 3].map((r) => backoffMs(r, 'network', () => 1, policy))).toEqual([10, 20, 30]);
    expect(backoffMs(1, 'throttled', () => 0, policy)).toBe(15); // the cap applies to throttles too
  });
});
