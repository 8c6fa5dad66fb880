import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_VERSIONS } from '../../shared/api-versions.ts';
import { createApp } from '../app.ts';
import { TEST_CREDENTIALS, TEST_NOW, testConfig } from '../test-support.ts';
import { createUpstreamClient, type FetchLike } from '../upstream-client.ts';

/**
 * Proof that the server is not an open proxy: whatever a caller puts in the path, the query or the
 * headers, the only request that leaves is a GET of GetPushMixedStreamToCDNTask, in one of the
 * three API versions, to VOLC_ENDPOINT's origin and path "/", with exactly the documented params.
 */
const ENDPOINT = 'https://rtc.example.test';
const ALLOWED_PARAMS = new Set(['Action', 'Version', 'AppId', 'RoomId', 'TaskId', 'UserId']);
const ENVELOPE = { ResponseMetadata: { RequestId: 'r' }, Result: { PushMixedStreamToCDNTask: { Status: 2 } } };

function lockedApp() {
  const seen: Request[] = [];
  const fetch: FetchLike = async (req) => {
    seen.push(req);
    return Response.json(ENVELOPE);
  };
  const upstream = createUpstreamClient({ fetch, endpoint: ENDPOINT, credentials: TEST_CREDENTIALS, region: 'cn-north-1', timeoutMs: 1000, clock: () => TEST_NOW });
  // No cache: every accepted query must really reach the capturing fetch.
  const app = createApp({ config: testConfig({ endpoint: ENDPOINT, cacheMs: 0, qps: 60 }), upstream, clock: Date.now });
  return { app, seen };
}

function expectOnlyTheOneAction(req: Request) {
  const url = new URL(req.url);
  expect(req.method).toBe('GET');
  expect(url.origin).toBe(ENDPOINT);
  expect(url.pathname).toBe('/');
  expect(url.searchParams.getAll('Action')).toEqual(['GetPushMixedStreamToCDNTask']);
  const versions = url.searchParams.getAll('Version');
  expect(versions).toHaveLength(1);
  expect(API_VERSIONS).toContain(versions[0]);
  for (const key of url.searchParams.keys()) expect(ALLOWED_PARAMS).toContain(key);
  expect(req.headers.get('x-mixscope-fault')).toBeNull();
}

const hostile = fc.constantFrom(
  'https://evil.example/', '//evil.example', 'evil.example:443', '../../etc/passwd', '%2F%2Fevil', '@evil.example',
  'StartPushMixedStreamToCDN', 'StopPushStreamToCDN', '2022-06-01', 'GetPushMixedStreamToCDNTask&Action=Stop', 'a b', '',
);
const key = fc.constantFrom('appId', 'roomId', 'taskId', 'userId', 'version', 'Action', 'Version', 'AppId', 'host', 'endpoint', 'path', 'url', 'Host');
const value = fc.oneof(hostile, fc.stringMatching(/^[a-zA-Z0-9_@.-]{1,20}$/), fc.string({ maxLength: 30 }));

describe('no user input reaches another host, path, Action or Version', () => {
  it('holds for any mix of query parameters, hostile or not', async () => {
    const { app, seen } = lockedApp();
    let forwarded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 8 }), async (pairs) => {
        const before = seen.length;
        const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        // Always a valid base, so many runs do go upstream; the extra pairs try to steer it.
        await app.request(`/api/task?appId=app&roomId=room&taskId=t&${qs}`, { headers: { 'X-Mixscope-Fault': '500', Host: 'localhost' } });
        for (const req of seen.slice(before)) {
          forwarded += 1;
          expectOnlyTheOneAction(req);
        }
      }),
      { numRuns: 150 },
    );
    expect(forwarded).toBeGreaterThan(50);
  }, 30_000);

  it.each([
    '/api/task/../../?Action=StopPushStreamToCDN', '/api/task/extra?appId=a&roomId=r&taskId=t', '/api//task?appId=a&roomId=r&taskId=t',
    '/api/proxy?url=https://evil.example', '/api/task%2F..%2Fstart?appId=a&roomId=r&taskId=t', '/https://evil.example/api/task',
  ])('%s sends nothing upstream, or only the one action', async (path) => {
    const { app, seen } = lockedApp();
    await app.request(path);
    for (const req of seen) expectOnlyTheOneAction(req);
  });

  it('a POST, PUT or DELETE on the task route never goes upstream', async () => {
    const { app, seen } = lockedApp();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await app.request('/api/task?appId=a&roomId=r&taskId=t', { method, headers: { 'content-type': 'application/json' }, body: '{"Action":"StopPushStreamToCDN"}' });
      expect(res.status).toBe(404);
    }
    expect(seen).toHaveLength(0);
  });
});
