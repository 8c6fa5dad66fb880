import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskIdentityKey } from '../shared/task-ref.ts';
import { createLogger } from './logger.ts';
import { gracefulShutdown } from './ops/shutdown.ts';
import { startRuntime, type Runtime } from './server-runtime.ts';
import { testConfig } from './test-support.ts';
import type { FetchLike } from './upstream-client.ts';

/**
 * The whole runtime (store, governor, watcher, pino logger) in volcengine mode against an upstream
 * that misbehaves in every way that could leak: it quotes the keys back, returns push URLs with
 * stream keys, fails with the secret key in a network error. Then every response and every log
 * line is scanned for the keys, the token and the stream key.
 */
const KEYS = { accessKeyId: 'AKLTscanAccessKey0001', secretKey: 'scanSecretKey/+=0002', sessionToken: 'scanSessionToken0003' };
const TOKEN = 'scan-mixscope-token-0004';
const STREAM_KEY = 'streamkey-SECRET123';
const CDN_SECRET = 'cdnsecret456';
const PUSH_URL = `rtmp://push.example.com/live/${STREAM_KEY}?txSecret=${CDN_SECRET}&txTime=1`;
const SECRETS = [KEYS.accessKeyId, KEYS.secretKey, KEYS.sessionToken, TOKEN];

const envelope = (error?: { Code: string; Message: string }, task?: object) => ({
  ResponseMetadata: { RequestId: 'req-scan', Action: 'GetPushMixedStreamToCDNTask', Version: '2020-12-01', ...(error ? { Error: error } : {}) },
  ...(task ? { Result: { PushMixedStreamToCDNTask: task } } : {}),
});

const fetch: FetchLike = async (req) => {
  const taskId = new URL(req.url).searchParams.get('TaskId');
  switch (taskId) {
    case 'echo-keys':
      return Response.json(envelope({ Code: 'SignatureDoesNotMatch', Message: `bad signature for ${KEYS.accessKeyId} ${KEYS.secretKey} ${KEYS.sessionToken}` }), { status: 401 });
    case 'bad-rtmp':
      return Response.json(envelope({ Code: 'InvalidParameter.InvalidRtmpAddress', Message: `${PUSH_URL} is not a valid address` }), { status: 400 });
    case 'network':
      throw new Error(`connect ECONNREFUSED while sending ${KEYS.secretKey}`);
    case 'html':
      return new Response(`<html>proxy error for ${KEYS.accessKeyId}</html>`, { status: 502 });
    default:
      return Response.json(envelope(undefined, { Status: 2, PushStreamState: 5, StartTime: Date.now() - 1_000, PushURL: PUSH_URL }));
  }
};

let runtime: Runtime;
let dir: string;
const logLines: string[] = [];
const responses: { path: string; text: string }[] = [];

/** Resolves once the watcher has recorded an observation of every task named. */
async function watcherPolled(taskIds: string[]) {
  const keys = taskIds.map((taskId) => taskIdentityKey({ appId: 'app', roomId: 'room', taskId }));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const pages = await Promise.all(keys.map((key) => runtime.store.history(key)));
    if (pages.every((page) => page.observations.length > 0)) return;
    if (Date.now() > deadline) throw new Error(`the watcher did not poll ${taskIds.join(' and ')} within 10 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function call(path: string, init: RequestInit = {}, withToken = true) {
  const headers = new Headers(init.headers);
  if (withToken) headers.set('authorization', `Bearer ${TOKEN}`);
  const res = await runtime.app.request(path, { ...init, headers });
  const shownHeaders = [...res.headers].filter(([k]) => !(k === 'set-cookie' && res.status === 204)).map(([k, v]) => `${k}: ${v}`);
  responses.push({ path, text: `${res.status}\n${shownHeaders.join('\n')}\n${await res.text()}` });
  return res;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixscope-scan-'));
  const logger = createLogger({ secrets: SECRETS, destination: { write: (line: string) => void logLines.push(line) } });
  const config = testConfig({ credentials: KEYS, token: TOKEN, dataDir: dir, cacheMs: 0 });
  runtime = await startRuntime(config, { logger, fetch, loadSimulator: () => Promise.reject(new Error('no simulator here')) });
  const q = (taskId: string) => `/api/task?appId=app&roomId=room&taskId=${taskId}`;
  for (const id of ['fine', 'echo-keys', 'bad-rtmp', 'network', 'html']) await call(q(id));
  await call('/api/watch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appId: 'app', roomId: 'room', taskId: 'bad-rtmp' }) });
  await call('/api/watch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appId: 'app', roomId: 'room', taskId: 'fine' }) });
  await watcherPolled(['bad-rtmp', 'fine']);
  for (const path of ['/api/watch', '/api/history?appId=app&roomId=room&taskId=bad-rtmp', '/api/config', '/metrics', '/readyz', '/healthz']) await call(path);
  await call('/api/task?appId=app&roomId=room&taskId=fine', {}, false);
  await call('/task', { headers: { accept: 'text/html' } }, false);
  await call('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'wrong' }) }, false);
  await call('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: TOKEN }) }, false);
  const result = await gracefulShutdown({
    markStopping: runtime.markStopping, stopAccepting: () => {}, stopWatcher: () => runtime.watcher.stop(), inflight: runtime.inflight,
    closeConnections: () => {}, stopUpstream: () => runtime.governor.stop(), closeStore: () => runtime.store.close(), drainMs: 1_000, logger,
  });
  expect(result).toEqual({ drained: true, errors: 0 });
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets scan', () => {
  it('made the calls it meant to, and logged them', () => {
    expect(responses.length).toBeGreaterThanOrEqual(16);
    expect(logLines.length).toBeGreaterThan(20);
    expect(logLines.some((l) => l.includes('InvalidRtmpAddress') && l.includes('push.example.com'))).toBe(true);
    expect(responses.find((r) => r.path.includes('echo-keys'))?.text).toContain('bad signature for [redacted]');
  });

  it.each(SECRETS.map((s, i) => [['access key', 'secret key', 'session token', 'MIXSCOPE_TOKEN'][i], s]))('no API response contains the %s', (_name, secret) => {
    for (const r of responses) expect(r.text, r.path).not.toContain(secret);
  });

  it.each(SECRETS.map((s, i) => [['access key', 'secret key', 'session token', 'MIXSCOPE_TOKEN'][i], s]))('no log line contains the %s', (_name, secret) => {
    for (const line of logLines) expect(line).not.toContain(secret);
  });

  it('no log line contains a stream key or a CDN auth secret: PushURLs are masked', () => {
    for (const line of logLines) {
      expect(line).not.toContain(STREAM_KEY);
      expect(line).not.toContain(CDN_SECRET);
    }
  });

  it('no API response or page contains a stream key or a CDN auth secret: PushURLs go out masked', () => {
    for (const r of responses) {
      expect(r.text, r.path).not.toContain(STREAM_KEY);
      expect(r.text, r.path).not.toContain(CDN_SECRET);
    }
  });

  it('every log line is JSON with a level, and request lines carry a request id', () => {
    const parsed = logLines.map((l) => JSON.parse(l) as { level: number; msg?: string; reqId?: string });
    expect(parsed.every((l) => typeof l.level === 'number')).toBe(true);
    expect(parsed.filter((l) => l.msg === 'request').every((l) => typeof l.reqId === 'string')).toBe(true);
  });
});
