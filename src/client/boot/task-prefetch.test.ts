import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchTask } from './task-prefetch.ts';
import { taskQueries } from '../features/task/task-queries.ts';
import { taskApiPath } from '../../shared/mixscope-api.ts';

const REF = { appId: 'demo-app', roomId: 'class-math-101', taskId: 'class-mix', version: '2020-12-01' } as const;
const SEARCH = 'appId=demo-app&roomId=class-math-101&taskId=class-mix';

function stubFetch() {
  const body = { ref: REF, fetchedAt: 1, source: 'simulator', requestId: 'r1', task: { Status: 2, PushStreamState: 5 } };
  const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify(body), { status: 200 }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
afterEach(() => vi.unstubAllGlobals());

describe('prefetchTask', () => {
  it('puts the task of a /task link into the cache with one request, which the page query then uses', async () => {
    const fetch = stubFetch();
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 1_000 } } });
    const first = prefetchTask(client, SEARCH);
    expect(first).toBeInstanceOf(Promise);
    await first;
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe(taskApiPath(REF));
    const view = await client.ensureQueryData(taskQueries.detail(REF));
    expect(view.response.requestId).toBe('r1');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shares the request still in flight rather than asking twice', async () => {
    const fetch = stubFetch();
    const client = new QueryClient();
    void prefetchTask(client, SEARCH);
    await client.fetchQuery(taskQueries.detail(REF));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('asks nothing for a link that does not parse', () => {
    const fetch = stubFetch();
    expect(prefetchTask(new QueryClient(), 'appId=demo-app')).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });
});
