import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema } from '../../shared/mixscope-api.ts';
import { PushUrlResponseSchema } from '../../shared/push-url-api.ts';
import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import { createApp } from '../app.ts';
import type { ServerConfig } from '../env.ts';
import { openHistoryStore, type HistoryStore } from '../history/history-store.ts';
import { fakeUpstream, recordingLogger, TEST_NOW, testConfig } from '../test-support.ts';
import type { UpstreamOutcome } from '../upstream-client.ts';

/**
 * The stream key leaves the server only through GET /api/task/push-url: /api/task, /api/history
 * and the server-rendered /task page carry the PushURL masked, while the stored history keeps it.
 */
const STREAM_KEY = 'streamkey-SECRET123';
const CDN_SECRET = 'cdnsecret456';
const PUSH_URL = `rtmp://push.example.com/live/${STREAM_KEY}?txSecret=${CDN_SECRET}&txTime=1`;
const TASK = { Status: 2, PushStreamState: 5, StartTime: TEST_NOW - 1_000, PushURL: PUSH_URL, Layout: { LayoutMode: 0 } };
const REF: TaskRef = { appId: 'app', roomId: 'room', taskId: 'mix', version: '2020-12-01' };
const QUERY = 'appId=app&roomId=room&taskId=mix';
const TOKEN = 'push-url-test-token';
const ok: UpstreamOutcome = { kind: 'ok', requestId: 'req-1', task: TASK, fetchedAt: TEST_NOW };

let dir: string;
let dist: string;
let store: HistoryStore;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'mixscope-push-url-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html>\n<html lang="en"><head><title>mixscope</title></head><body><div id="root"></div></body></html>');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixscope-push-url-'));
  store = await openHistoryStore({ dataDir: dir, clock: { now: () => TEST_NOW } });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function app(overrides: Partial<ServerConfig> = {}, outcome: UpstreamOutcome = ok) {
  const logger = recordingLogger();
  const upstream = fakeUpstream(outcome);
  const watcher = { watch: () => Promise.reject(new Error('not in this test')), unwatch: () => Promise.resolve(false) };
  const built = createApp({
    config: testConfig(overrides), upstream, clock: () => TEST_NOW, logger, staticRoot: dist,
    history: { store, watcher, clock: () => TEST_NOW },
  });
  return { app: built, logger, upstream };
}

const expectNoKey = (text: string) => {
  expect(text).not.toContain(STREAM_KEY);
  expect(text).not.toContain(CDN_SECRET);
};

describe('the stream key is masked on the way out', () => {
  it('GET /api/task answers the PushURL masked, host and app kept', async () => {
    const res = await app().app.request(`/api/task?${QUERY}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNoKey(text);
    expect(text).toContain('rtmp://push.example.com/live/str••••?txSecret=••••&txTime=••••');
  });

  it('the server-rendered /task page carries no stream key', async () => {
    const res = await app().app.request(`/task?${QUERY}`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-server-page');
    expectNoKey(html);
  });

  it('GET /api/history masks the payloads of every observation, and the store keeps them raw', async () => {
    await store.watch(REF);
    await store.record(REF, { ok: true, requestId: 'r1', task: TASK, fetchedAt: TEST_NOW - 60_000 }, TEST_NOW - 60_000);
    await store.record(REF, { ok: false, kind: 'upstream', error: { code: 'InvalidParameter.InvalidRtmpAddress', message: `${PUSH_URL} is not valid`, httpStatus: 400 } }, TEST_NOW - 30_000);
    await store.record(REF, { ok: true, requestId: 'r2', task: { ...TASK, PushStreamState: 3 }, fetchedAt: TEST_NOW }, TEST_NOW);
    const stored = await store.history(taskIdentityKey(REF));
    expect(JSON.stringify(stored)).toContain(STREAM_KEY);

    const res = await app().app.request(`/api/history?${QUERY}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expectNoKey(text);
    expect(text).toContain('str••••');
    const limited = await app().app.request(`/api/history?${QUERY}&limit=1`);
    expectNoKey(await limited.text());
  });

  it('an upstream error that quotes the push URL is masked too', async () => {
    const refused: UpstreamOutcome = { kind: 'upstream-error', error: { code: 'InvalidParameter.InvalidRtmpAddress', message: `${PUSH_URL} is not valid`, httpStatus: 400, requestId: 'req-2' }, fetchedAt: TEST_NOW };
    const res = await app({}, refused).app.request(`/api/task?${QUERY}`);
    expect(res.status).toBe(502);
    expectNoKey(await res.text());
  });
});

describe('GET /api/task/push-url', () => {
  it('gives the full PushURL, never cached, never logged', async () => {
    const { app: server, logger } = app();
    const res = await server.request(`/api/task/push-url?${QUERY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(PushUrlResponseSchema.parse(await res.json())).toEqual({ pushUrl: PUSH_URL });
    for (const line of logger.lines) expectNoKey(line);
  });

  it('says null for a task without a PushURL', async () => {
    const res = await app({}, { ...ok, task: { Status: 2 } }).app.request(`/api/task/push-url?${QUERY}`);
    expect(PushUrlResponseSchema.parse(await res.json())).toEqual({ pushUrl: null });
  });

  it('refuses bad input before asking upstream', async () => {
    const { app: server, upstream } = app();
    const res = await server.request('/api/task/push-url?appId=app');
    expect(res.status).toBe(400);
    expect(ApiErrorBodySchema.parse(await res.json()).error.kind).toBe('invalid-input');
    expect(upstream.calls).toHaveLength(0);
  });

  it('needs the token when one is set', async () => {
    const { app: server, upstream } = app({ token: TOKEN });
    const refused = await server.request(`/api/task/push-url?${QUERY}`);
    expect(refused.status).toBe(401);
    expectNoKey(await refused.text());
    expect(upstream.calls).toHaveLength(0);
    const allowed = await server.request(`/api/task/push-url?${QUERY}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(PushUrlResponseSchema.parse(await allowed.json()).pushUrl).toBe(PUSH_URL);
  });

  it('refuses an AppId outside MIXSCOPE_APP_IDS', async () => {
    const { app: server, upstream } = app({ appIds: ['other-app'] });
    const res = await server.request(`/api/task/push-url?${QUERY}`);
    expect(res.status).toBe(403);
    expectNoKey(await res.text());
    expect(upstream.calls).toHaveLength(0);
    const { app: allowed } = app({ appIds: ['app'] });
    expect((await allowed.request(`/api/task/push-url?${QUERY}`)).status).toBe(200);
  });

  it('passes an upstream failure on without the key', async () => {
    const res = await app({}, { kind: 'unreachable', reason: 'timeout', message: 'Volcengine did not answer in time.' }).app.request(`/api/task/push-url?${QUERY}`);
    expect(res.status).toBe(504);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
