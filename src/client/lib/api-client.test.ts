import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { getJson, prefetchGet, requestJson } from './api-client.ts';

const Answer = z.object({ n: z.number() });

function stubFetch() {
  let n = 0;
  const fetch = vi.fn(async () => new Response(JSON.stringify({ n: ++n }), { status: 200 }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
afterEach(() => vi.unstubAllGlobals());

describe('prefetchGet', () => {
  it('answers the first GET of the same path, once', async () => {
    const fetch = stubFetch();
    prefetchGet('/api/task?a=1');
    expect(await getJson('/api/task?a=1', Answer)).toEqual({ n: 1 });
    expect(await getJson('/api/task?a=1', Answer)).toEqual({ n: 2 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('is not used by another path or another method', async () => {
    const fetch = stubFetch();
    prefetchGet('/api/task?a=1');
    expect(await getJson('/api/task?a=2', Answer)).toEqual({ n: 2 });
    expect(await requestJson('/api/task?a=1', Answer, { method: 'POST' })).toEqual({ n: 3 });
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
