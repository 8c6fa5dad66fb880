import { describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, ConfigResponseSchema } from '../shared/mixscope-api.ts';
import { createApp } from './app.ts';
import { tokenMatches } from './auth.ts';
import { safeNext } from './sign-in-page.ts';
import { fakeUpstream, recordingLogger, TEST_NOW, testConfig } from './test-support.ts';

const TOKEN = 'correct-horse-battery-staple';

function appWithToken(token: string | null = TOKEN, clock = () => TEST_NOW) {
  const logger = recordingLogger();
  const upstream = fakeUpstream({ kind: 'ok', requestId: 'r', task: { Status: 2 }, fetchedAt: TEST_NOW });
  return { app: createApp({ config: testConfig({ token: token ?? undefined }), upstream, clock, logger }), logger, upstream };
}

/** Signs in with JSON and answers the Cookie header the browser would send back. */
async function sessionCookie(app: ReturnType<typeof createApp>, headers: Record<string, string> = {}): Promise<string> {
  const res = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ token: TOKEN }) });
  expect(res.status).toBe(204);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('tokenMatches', () => {
  it('is exact', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches('', TOKEN)).toBe(false);
  });
});

describe('with MIXSCOPE_TOKEN set', () => {
  it('refuses the API without the token, with a JSON 401 and nothing sent upstream', async () => {
    const { app, upstream } = appWithToken();
    const res = await app.request('/api/task?appId=a&roomId=r&taskId=t');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="mixscope"');
    expect(ApiErrorBodySchema.parse(await res.json()).error.kind).toBe('unauthorized');
    expect(upstream.calls).toHaveLength(0);
  });

  it('refuses a wrong token, and says so', async () => {
    const res = await appWithToken().app.request('/api/config', { headers: { Authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(ApiErrorBodySchema.parse(await res.json()).error.message).toContain('does not match');
  });

  it('accepts the bearer header or the session cookie, never the raw token as a cookie', async () => {
    const { app } = appWithToken();
    const byHeader = await app.request('/api/config', { headers: { Authorization: `bearer ${TOKEN}` } });
    expect(byHeader.status).toBe(200);
    expect(ConfigResponseSchema.parse(await byHeader.json()).authRequired).toBe(true);
    const byCookie = await app.request('/api/config', { headers: { Cookie: await sessionCookie(app) } });
    expect(byCookie.status).toBe(200);
    for (const name of ['mixscope_token', 'mixscope_session']) {
      expect((await app.request('/api/config', { headers: { Cookie: `${name}=${encodeURIComponent(TOKEN)}` } })).status).toBe(401);
    }
  });

  it('shows a sign-in page to a browser that asks for a page, keeping where it was going', async () => {
    const res = await appWithToken().app.request('/task?appId=a&roomId=r', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/api/session">');
    expect(html).toContain('name="next" value="/task?appId=a&amp;roomId=r"');
    expect(html).not.toContain(TOKEN);
  });

  it('signs in with the form: sets an HttpOnly cookie and redirects back', async () => {
    const { app, logger } = appWithToken();
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: TOKEN, next: '/watch' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/watch');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mixscope_session=v1\.\d+\.[\w-]+\.[\w-]+; Max-Age=604800; Path=\/; HttpOnly; SameSite=Strict(, mixscope_token=; Max-Age=0; Path=\/)?$/);
    expect(cookie).not.toContain(TOKEN);
    for (const line of logger.lines) expect(line).not.toContain(TOKEN);
  });

  it('re-shows the form on a wrong token and never redirects off-site', async () => {
    const { app } = appWithToken();
    const wrong = await app.request('/api/session', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'token=nope&next=%2Fwatch',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('role="alert"');
    const offsite = await app.request('/api/session', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: TOKEN, next: '//evil.example' }).toString(),
    });
    expect(offsite.headers.get('location')).toBe('/');
  });

  it('signs in with JSON (204) and out with DELETE', async () => {
    const { app } = appWithToken();
    const res = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: TOKEN }) });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toContain('mixscope_session=v1.');
    const bad = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"token": 5}' });
    expect(bad.status).toBe(401);
    const out = await app.request('/api/session', { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^mixscope_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/);
  });

  it('guards pages and assets too', async () => {
    const res = await appWithToken().app.request('/assets/app.js');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('needs its access token');
  });
});

describe('the signed session', () => {
  it('lasts seven days, then the sign-in page again', async () => {
    let now = TEST_NOW;
    const { app } = appWithToken(TOKEN, () => now);
    const cookie = await sessionCookie(app);
    now += 7 * 24 * 3600_000 - 1;
    expect((await app.request('/api/config', { headers: { Cookie: cookie } })).status).toBe(200);
    now += 1;
    expect((await app.request('/api/config', { headers: { Cookie: cookie } })).status).toBe(401);
    const page = await app.request('/watch', { headers: { Cookie: cookie, Accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('<form method="post" action="/api/session">');
  });

  it('is verified by any server with the same token, and ends when the token changes', async () => {
    const cookie = await sessionCookie(appWithToken().app);
    expect((await appWithToken().app.request('/api/config', { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await appWithToken('another-token-of-enough-length').app.request('/api/config', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('refuses a session whose expiry or signature was changed', async () => {
    const { app } = appWithToken();
    const cookie = await sessionCookie(app);
    expect(cookie).toMatch(/^mixscope_session=v1\./);
    const [, exp = '', nonce = '', mac = ''] = /^mixscope_session=v1\.(\d+)\.([\w-]+)\.([\w-]+)$/.exec(cookie) ?? [];
    const longer = `mixscope_session=v1.${Number(exp) + 3600_000}.${nonce}.${mac}`;
    const flipped = `mixscope_session=v1.${exp}.${nonce}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    for (const bad of [longer, flipped]) expect((await app.request('/api/config', { headers: { Cookie: bad } })).status).toBe(401);
  });

  it.each([
    ['over plain http', 'http://mixscope.test/api/session', {}, false],
    ['when the request came over https', 'https://mixscope.test/api/session', {}, true],
    ['behind a proxy that sends X-Forwarded-Proto: https', 'http://mixscope.test/api/session', { 'X-Forwarded-Proto': 'https' }, true],
    ['behind a proxy that sends Forwarded: proto=https', 'http://mixscope.test/api/session', { Forwarded: 'for=192.0.2.60;proto=https;by=203.0.113.43' }, true],
    ['not when the proxy says http', 'http://mixscope.test/api/session', { 'X-Forwarded-Proto': 'http', Forwarded: 'proto=http' }, false],
  ])('is Secure %s', async (_, url, headers, secure) => {
    const res = await appWithToken().app.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ token: TOKEN }) });
    expect(res.status).toBe(204);
    const session = (res.headers.get('set-cookie') ?? '').split(', ').find((c) => c.startsWith('mixscope_session=')) ?? '';
    expect(session.includes('; Secure')).toBe(secure);
  });
});

describe('without MIXSCOPE_TOKEN', () => {
  it('needs nothing', async () => {
    expect((await appWithToken(null).app.request('/api/config')).status).toBe(200);
  });
});

describe('safeNext', () => {
  it.each([['/task?a=1', '/task?a=1'], ['//evil.example', '/'], ['/\\evil.example', '/'], ['https://evil.example', '/'], [undefined, '/'], ['/a b', '/']])('%j -> %s', (input, want) => {
    expect(safeNext(input)).toBe(want);
  });
});
