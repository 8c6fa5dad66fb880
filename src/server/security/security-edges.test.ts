import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { ServerConfig } from '../env.ts';
import { fakeUpstream, TEST_NOW, testConfig } from '../test-support.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

const OK: UpstreamOutcome = { kind: 'ok', requestId: 'r', task: { Status: 2 }, fetchedAt: TEST_NOW };
const TASK = '/api/task?appId=app1&roomId=room1&taskId=task1';
const TOKEN = 'a-long-enough-test-token';

function appWith(overrides: Partial<ServerConfig> = {}) {
  const upstream = fakeUpstream(OK);
  return { app: createApp({ config: testConfig(overrides), upstream, clock: () => TEST_NOW }), upstream };
}

describe('security headers', () => {
  it.each([
    ['an API answer', '/api/config', {}],
    ['an API 404', '/api/nope', {}],
    ['a refused input', '/api/task?appId=a', {}],
    ['a page while the SPA is not built', '/task', {}],
    ['the health probe', '/healthz', {}],
    ['the sign-in page', '/task', { token: TOKEN }],
    ['a Host refusal', '/api/config', { host: '127.0.0.1' }],
  ])('are on %s', async (_what, path, overrides) => {
    const res = await appWith(overrides).app.request(path, { headers: { accept: 'text/html', ...(_what === 'a Host refusal' ? { host: 'evil.example' } : {}) } });
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the CSP allows one inline script (by its hash), frames from nowhere, images from http(s), media from its own blobs, and talks only to itself', () => {
    const d = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1)]));
    expect(d['script-src']).toEqual(["'self'", `'sha256-${createHash('sha256').update('performance.mark("layout-drawn")').digest('base64')}'`]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(d['img-src']).toEqual(["'self'", 'data:', 'blob:', 'http:', 'https:']);
    expect(d['connect-src']).toEqual(["'self'"]);
    expect(d['media-src']).toEqual(["'self'", 'blob:']);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
  });

  it("the server's own pages have no script and only the style the CSP allows by hash", async () => {
    for (const overrides of [{ token: TOKEN }, {}]) {
      const html = await (await appWith(overrides).app.request('/task', { headers: { accept: 'text/html' } })).text();
      expect(html).not.toMatch(/<script|\son\w+=|style="/i);
      const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
      const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
      expect(CONTENT_SECURITY_POLICY).toContain(`style-src 'self' ${hash}`);
    }
  });
});

describe('Host check (DNS rebinding) without a token', () => {
  const get = (host: string, overrides: Partial<ServerConfig> = {}, path = '/api/config') =>
    appWith(overrides).app.request(path, { headers: { host } });

  it.each(['localhost', 'localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST'])('accepts %s', async (host) => {
    expect((await get(host)).status).toBe(200);
  });

  it('refuses another name with 421 and says how to allow it', async () => {
    const res = await get('attacker.example:8080');
    expect(res.status).toBe(421);
    expect(await res.text()).toMatch(/MIXSCOPE_TOKEN.*MIXSCOPE_ALLOWED_HOSTS/);
  });

  it('accepts the configured HOST and MIXSCOPE_ALLOWED_HOSTS, not a wildcard bind as a name', async () => {
    expect((await get('mixscope.lan:8080', { host: 'mixscope.lan' })).status).toBe(200);
    expect((await get('ops.example', { allowedHosts: ['ops.example'] })).status).toBe(200);
    expect((await get('0.0.0.0', { host: '0.0.0.0' })).status).toBe(421);
  });

  it('leaves the health probes alone, and steps aside when a token guards the server', async () => {
    expect((await get('10.0.0.7', {}, '/healthz')).status).toBe(200);
    expect((await get('attacker.example', { token: TOKEN })).status).toBe(401);
  });
});

describe('cross-site writes', () => {
  const post = (headers: Record<string, string>) =>
    appWith().app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"token":"x"}' });

  it('refuses a write from another origin or site', async () => {
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
  });

  it('accepts the page itself, and scripts that send no browser headers', async () => {
    expect((await post({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).status).toBe(204);
    // Our no-referrer policy makes the browser send Origin: null for our own sign-in form.
    expect((await post({ origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(204);
    expect((await post({ origin: 'http://localhost' })).status).toBe(204);
    expect((await post({})).status).toBe(204);
  });
});

describe('input limits', () => {
  it('refuses an over-long query string with 414 before any route reads it', async () => {
    const { app, upstream } = appWith();
    const res = await app.request(`${TASK}&userId=${'u'.repeat(1_100)}`);
    expect(res.status).toBe(414);
    expect(upstream.calls).toHaveLength(0);
  });

  it.each(['%00', '%0A', '%E2%80%A8', '%7F'])('refuses the control character %s in a query', async (ch) => {
    const res = await appWith().app.request(`/api/task?appId=a${ch}&roomId=r&taskId=t`);
    expect(res.status).toBe(400);
  });

  it('refuses a malformed %-escape', async () => {
    expect((await appWith().app.request('/api/task?appId=%E0%A4%A&roomId=r&taskId=t')).status).toBe(400);
  });

  it('refuses a body over 16 kB with 413, and a body that is not JSON with 415', async () => {
    const { app } = appWith();
    const big = JSON.stringify({ token: 'x'.repeat(17_000) });
    expect((await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(big.length) }, body: big })).status).toBe(413);
    expect((await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': '2' }, body: '{}' })).status).toBe(415);
  });
});

describe('AppId allow-list (MIXSCOPE_APP_IDS)', () => {
  it('refuses another AppId with 403 and a message that names the variable; nothing goes upstream', async () => {
    const { app, upstream } = appWith({ appIds: ['app-ok'] });
    const res = await app.request(TASK);
    expect(res.status).toBe(403);
    const { error } = await res.json() as { error: { message: string; issues: { code: string }[] } };
    expect(error.message).toMatch(/AppId "app1" is not one this mixscope server may query \(MIXSCOPE_APP_IDS\)/);
    expect(error.issues[0]?.code).toBe('notAllowed');
    expect(upstream.calls).toHaveLength(0);
    expect((await app.request('/api/task?appId=app-ok&roomId=r&taskId=t')).status).toBe(200);
  });
  // The watch list, the history, the page and the watcher: app-id-scope.test.ts.
});

describe('failed credentials, on every route', () => {
  const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
  const bearer = (token: string, extra: Record<string, string> = {}) => ({ headers: { Authorization: `Bearer ${token}`, ...extra } });
  const signIn = (app: ReturnType<typeof createApp>, token: string, ip: string) =>
    app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) }, from(ip));

  it('a wrong Bearer token anywhere counts: after ten a minute, 429 with Retry-After, and the right token is refused too', async () => {
    const { app, upstream } = appWith({ token: TOKEN });
    for (let i = 0; i < 10; i++) expect((await app.request(TASK, bearer('guess'), from('10.0.0.1'))).status).toBe(401);
    const res = await app.request('/api/config', bearer('guess'), from('10.0.0.1'));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Over the limit, right and wrong look the same: the limit is no oracle.
    expect((await app.request('/api/config', bearer(TOKEN), from('10.0.0.1'))).status).toBe(429);
    expect((await signIn(app, TOKEN, '10.0.0.1')).status).toBe(429);
    const page = await app.request('/watch', bearer('guess', { accept: 'text/html' }), from('10.0.0.1'));
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('Too many wrong tokens');
    // Another address has its own count.
    expect((await app.request('/api/config', bearer(TOKEN), from('10.0.0.2'))).status).toBe(200);
    expect(upstream.calls).toHaveLength(0);
  });

  it('wrong sign-ins and wrong Bearer tokens share one count', async () => {
    const { app } = appWith({ token: TOKEN });
    for (let i = 0; i < 5; i++) expect((await signIn(app, 'guess', '10.0.0.3')).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await app.request('/api/config', bearer('guess'), from('10.0.0.3'))).status).toBe(401);
    expect((await signIn(app, 'guess', '10.0.0.3')).status).toBe(429);
  });

  it('beyond 60 a minute from everyone, raw tokens wait, while a signed-in session keeps working', async () => {
    const { app } = appWith({ token: TOKEN });
    const cookie = ((await signIn(app, TOKEN, '10.1.0.1')).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    for (let i = 0; i < 60; i++) expect((await app.request('/api/config', bearer('guess'), from(`10.2.0.${i}`))).status).toBe(401);
    expect((await app.request('/api/config', bearer(TOKEN), from('10.3.0.1'))).status).toBe(429);
    expect((await signIn(app, TOKEN, '10.3.0.1')).status).toBe(429);
    expect((await app.request('/api/config', { headers: { cookie } }, from('10.1.0.1'))).status).toBe(200);
  });

  it('a request with no credentials is not counted', async () => {
    const { app } = appWith({ token: TOKEN });
    for (let i = 0; i < 20; i++) expect((await app.request('/api/config', {}, from('10.0.0.4'))).status).toBe(401);
    expect((await app.request('/api/config', bearer(TOKEN), from('10.0.0.4'))).status).toBe(200);
  });
});
