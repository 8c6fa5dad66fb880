import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pixelTask } from '../../shared/layout-test-tasks.ts';
import { createApp } from '../app.ts';
import type { UpstreamClient, UpstreamOutcome } from '../upstream-client.ts';
import { fakeUpstream, TEST_CREDENTIALS, TEST_NOW, testConfig } from '../test-support.ts';
import { renderedIndex } from './rendered-page.ts';
import { DEMO_SCENARIOS } from '../../shared/demo-scenarios.ts';
import { taskRefToSearch } from '../../shared/task-ref.ts';
import { createSimulator } from '../../simulator/simulator.ts';
import { createUpstreamFor } from '../upstream-factory.ts';
import { LAYOUT_DRAWN_SCRIPT } from './layout-drawn-script.ts';
import { SSR_MAX_TASK_SIZE } from './ssr-size-limit.ts';

let dist: string;
const INDEX = '<!doctype html>\n<html lang="en">\n<head><title>mixscope</title></head><body><div id="root"></div></body></html>';
const LINK = '/task?appId=demo-app&roomId=room-1&taskId=mix-1&version=2023-11-01';
const THREE_BOXES = [{ x: 0, y: 0, w: 1280, h: 720 }, { x: 40, y: 40, w: 320, h: 180, alpha: 0.5 }, { x: 900, y: 500, w: 320, h: 180, radius: 12 }];
const ok = (task = pixelTask(THREE_BOXES)): UpstreamOutcome => ({ kind: 'ok', requestId: 'req-1', task: { ...task, Status: 2, TaskId: 'mix-1' }, fetchedAt: TEST_NOW });

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'mixscope-ssr-'));
  writeFileSync(join(dist, 'index.html'), INDEX);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function app(upstream: UpstreamClient, token?: string) {
  return createApp({ config: testConfig(token ? { token } : {}), upstream, clock: () => TEST_NOW, staticRoot: dist });
}

/** The rendered page inside #root, or undefined when index.html came as it is. */
const serverPage = (html: string) => /<div data-server-page="" inert>([\s\S]*)<\/div><\/div>/.exec(html)?.[1];

describe('a /task link rendered on the server', () => {
  it('sends the page with the layout drawn as SVG, one shape per region, then the layout-drawn mark', async () => {
    const res = await app(fakeUpstream(ok())).request(LINK);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const page = serverPage(html);
    expect(page).toBeDefined();
    const picture = /<svg[^>]*data-server-picture[^>]*>([\s\S]*?)<\/svg><\/div>/.exec(page ?? '')?.[0] ?? '';
    expect(picture).toContain('viewBox="0 0 1280 720"');
    // The background, then one rectangle per region, as the canvas's own children; the overlays (edge, outlines, labels) follow in a group.
    expect(picture.slice(0, picture.indexOf('<g>')).match(/<rect /g)).toHaveLength(1 + THREE_BOXES.length);
    expect(picture).toContain('fill-opacity="0.5"');
    expect(html).toContain(`</div></div><script>${LAYOUT_DRAWN_SCRIPT}</script>`);
    // The CSP allows no style attribute: the page would log a violation for each.
    expect(page).not.toMatch(/ style="/);
    // The rest of the page too: the task's IDs in its header.
    expect(page).toContain('room-1');
    expect(page).toContain('mix-1');
  });

  it('renders in the language and theme the browser remembered, else its Accept-Language and the system theme', async () => {
    const a = app(fakeUpstream(ok()));
    const zh = await (await a.request(LINK, { headers: { cookie: 'x=1; mixscope.language=zh; mixscope.theme=dark' } })).text();
    expect(zh).toMatch(/<html lang="zh-CN" class="dark">/);
    const browserZh = await (await a.request(LINK, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } })).text();
    expect(browserZh).toMatch(/<html lang="zh-CN">/);
    const en = await (await a.request(LINK, { headers: { cookie: 'mixscope.theme=<script>' } })).text();
    expect(en).toMatch(/<html lang="en">/);
    expect(serverPage(zh)).not.toBe(serverPage(en));
  });

  it('writes times as the browser would: in its time zone, or as it chose to read them', async () => {
    const started = ok({ ...pixelTask(THREE_BOXES), StartTime: TEST_NOW - 3 * 60_000 }); // the page's "now" is the server's clock
    const a = app(fakeUpstream(started));
    const shanghai = serverPage(await (await a.request(LINK, { headers: { cookie: 'mixscope.timeZone=Asia%2FShanghai' } })).text()) ?? '';
    expect(shanghai).toContain('GMT+8');
    const relative = serverPage(await (await a.request(LINK, { headers: { cookie: 'mixscope.timeZone=Asia%2FShanghai; mixscope.timeDisplay=relative' } })).text()) ?? '';
    expect(relative).not.toContain('GMT+8');
    expect(relative).toContain('3 minutes ago');
    const utc = serverPage(await (await a.request(LINK, { headers: { cookie: 'mixscope.timeZone=Asia%2FShanghai; mixscope.timeDisplay=utc' } })).text()) ?? '';
    expect(utc).toContain('UTC');
    expect(utc).not.toContain('GMT+8');
  });

  it('gzips the page for a browser that accepts it', async () => {
    const res = await app(fakeUpstream(ok())).request(LINK, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toContain('data-server-picture');
  });

  it('asks upstream once for the page and the page\'s own query together', async () => {
    const upstream = fakeUpstream(ok());
    const a = app(upstream);
    await a.request(LINK);
    expect((await a.request(`/api${LINK}`)).status).toBe(200);
    expect(upstream.calls).toHaveLength(1);
  });

  it('leaves an error Volcengine answered to the browser, which reads it from the cache: one upstream call', async () => {
    const upstream = fakeUpstream({ kind: 'upstream-error', fetchedAt: TEST_NOW, error: { code: 'InvalidParameter.ErrorActiveTaskNotFound', codeN: 10009, message: 'task not found', requestId: 'req-2', httpStatus: 200 } });
    const a = app(upstream);
    expect(await (await a.request(LINK)).text()).toBe(INDEX);
    expect((await a.request(`/api${LINK}`)).status).toBe(502);
    expect(upstream.calls).toHaveLength(1);
  });

  it.each([
    ['an upstream answer it cannot read', fakeUpstream({ kind: 'bad-body', httpStatus: 200, message: 'not JSON' }), LINK],
    ['a link that does not parse', fakeUpstream(ok()), '/task?appId=demo-app&roomId=r%3Cx%3E&taskId=t'],
    ['another page', fakeUpstream(ok()), '/watch'],
  ])('leaves the page to the browser after %s', async (_, upstream, path) => {
    const res = await app(upstream).request(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX);
  });

  it('leaves a task too large to render without holding the event loop to the browser, and renders one at the limit', async () => {
    const grid = (n: number) => Array.from({ length: n }, (_, i) => ({ x: (i % 40) * 32, y: Math.floor(i / 40) * 18, w: 32, h: 18 }));
    const atLimit = await (await app(fakeUpstream(ok(pixelTask(grid(SSR_MAX_TASK_SIZE))))).request(LINK)).text();
    expect(serverPage(atLimit)).toBeDefined();
    const above = app(fakeUpstream(ok(pixelTask(grid(SSR_MAX_TASK_SIZE + 1)))));
    expect(await (await above.request(LINK)).text()).toBe(INDEX);
    // The answer is still there for the browser's own query.
    expect((await above.request(`/api${LINK}`)).status).toBe(200);
  });

  it('does not wait for a slow upstream: index.html at once, and the answer still fills the cache', async () => {
    let answer: (o: UpstreamOutcome) => void = () => undefined;
    const calls: unknown[] = [];
    const slow: UpstreamClient = { getTask: (ref) => (calls.push(ref), new Promise((r) => (answer = r))) };
    const a = app(slow);
    // The upstream answers only after the page has come back, so the page cannot have waited for it.
    const res = await a.request(LINK);
    expect(await res.text()).toBe(INDEX);
    answer(ok());
    expect((await a.request(`/api${LINK}`)).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('renders nothing for a caller without the token, and never writes a secret', async () => {
    const upstream = fakeUpstream(ok());
    const denied = await app(upstream, 'a-long-enough-token-0123456789').request(LINK);
    expect(denied.status).toBe(401);
    expect(await denied.text()).not.toContain('room-1');
    expect(upstream.calls).toHaveLength(0);
    const html = await (await app(fakeUpstream(ok())).request(LINK)).text();
    expect(html).not.toContain(TEST_CREDENTIALS.secretKey);
    expect(html).not.toContain(TEST_CREDENTIALS.accessKeyId);
  });
});

describe('every demo scenario, rendered on the server', () => {
  // The fault scenarios answer errors (or slowly): covered above, and the browser renders them.
  it.each(DEMO_SCENARIOS.filter((d) => !d.id.startsWith('fault-')).map((d) => [d.id, d.ref] as const))('%s: a page the CSP lets through (no style attribute, no script)', async (_, ref) => {
    const config = testConfig({ upstream: 'simulator', credentials: undefined, region: 'cn-north-1', endpoint: 'https://rtc.volcengineapi.com', endpointHost: 'rtc.volcengineapi.com' });
    const upstream = await createUpstreamFor(config, {
      clock: Date.now,
      fetch: () => Promise.reject(new Error('the network must not be used')),
      loadSimulator: async (r) => createSimulator({ seed: 7, region: r }),
    });
    const a = createApp({ config, upstream, clock: Date.now, staticRoot: dist });
    const api = await a.request(`/api/task?${taskRefToSearch(ref)}`);
    const html = await (await a.request(`/task?${taskRefToSearch(ref)}`)).text();
    const page = serverPage(html);
    if (api.status !== 200) {
      expect(page).toBeUndefined();
      return;
    }
    expect(page).toBeDefined();
    expect(page).not.toMatch(/ style="/);
    expect(page).not.toMatch(/<script/);
  });
});

describe('renderedIndex', () => {
  const page = { html: '<p>hi</p>', lang: 'en', theme: undefined };
  it('puts the page inside #root and the mark only after a picture', () => {
    expect(renderedIndex(INDEX, page)).toContain('<div id="root"><div data-server-page="" inert><p>hi</p></div></div></body>');
    expect(renderedIndex(INDEX, { ...page, html: '<svg data-server-picture=""></svg>' })).toContain(`<script>${LAYOUT_DRAWN_SCRIPT}</script>`);
  });
  it('keeps $ patterns in the page as text, and an unknown lang out of the markup', () => {
    const out = renderedIndex(INDEX, { html: '$& $1 $$', lang: '"><script>', theme: 'dark' }) ?? '';
    expect(out).toContain('$& $1 $$');
    expect(out).toContain('<html lang="en" class="dark">');
  });
  it('gives up on an index.html without #root', () => {
    expect(renderedIndex('<html><body></body></html>', page)).toBeUndefined();
  });
});
