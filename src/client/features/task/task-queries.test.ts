import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { taskQueries } from './task-queries.ts';
import { ApiRequestError } from '../../lib/api-client.ts';

const REF = { appId: 'demo-app', roomId: 'room-archive', taskId: 'old-mix', version: '2020-12-01' } as const;

const notFound = {
  error: {
    kind: 'upstream',
    message: 'Volcengine refused the query with InvalidParameter.ErrorActiveTaskNotFound.',
    upstream: { code: 'InvalidParameter.ErrorActiveTaskNotFound', message: 'The task does not exist.', requestId: 'r1', httpStatus: 400 },
  },
};
const throttled = { error: { kind: 'upstream', message: 'Throttled.', upstream: { code: 'FlowLimitExceeded', message: 'slow down', httpStatus: 429 }, retryAfter: 1 } };
const answer = { ref: REF, fetchedAt: 1, source: 'simulator', task: { Status: 2, PushStreamState: 5 } };

/** fetch answering each call with the next of `answers` (the last one repeats). */
function stubFetch(...answers: [number, unknown][]) {
  const fetch = vi.fn(async () => {
    const [status, body] = answers[Math.min(fetch.mock.calls.length - 1, answers.length - 1)] ?? [500, {}];
    return new Response(JSON.stringify(body), { status });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the task query', () => {
  it('asks once for an answer that asking again cannot change (a Volcengine 400), and stops polling', async () => {
    const fetch = stubFetch([502, notFound]);
    const client = new QueryClient();
    const observer = new QueryObserver(client, taskQueries.detail(REF));
    const settled = new Promise<Error>((resolve) => observer.subscribe((r) => r.error && resolve(r.error)));
    const error = await settled;
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(fetch).toHaveBeenCalledTimes(1);
    const interval = taskQueries.detail(REF).refetchInterval;
    expect(typeof interval === 'function' ? interval(observer.getCurrentQuery()) : interval).toBe(false);
    observer.destroy();
  });

  it('asks once for input the server refused (400 invalid-input)', async () => {
    const fetch = stubFetch([400, { error: { kind: 'invalid-input', message: 'AppId is required.' } }]);
    await expect(new QueryClient().fetchQuery(taskQueries.detail(REF))).rejects.toBeInstanceOf(ApiRequestError);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('keeps asking through throttling, after the Retry-After the server gave, until the answer comes', async () => {
    vi.useFakeTimers();
    const fetch = stubFetch([429, throttled], [429, throttled], [429, throttled], [200, answer]);
    const client = new QueryClient();
    const observer = new QueryObserver(client, taskQueries.detail(REF));
    const failures: number[] = [];
    const done = new Promise<void>((resolve) => observer.subscribe((r) => {
      if (r.failureCount > 0 && failures.at(-1) !== r.failureCount) failures.push(r.failureCount);
      if (r.data || r.status === 'error') resolve();
    }));
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1); // not before the second the server asked for
    await vi.advanceTimersByTimeAsync(3_000);
    await done;
    expect(observer.getCurrentResult().data?.model).toBeDefined();
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(failures).toEqual([1, 2, 3]);
    observer.destroy();
  });
});
