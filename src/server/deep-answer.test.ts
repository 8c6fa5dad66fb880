import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryResponseSchema } from '../shared/history-api.ts';
import { ApiErrorBodySchema } from '../shared/mixscope-api.ts';
import { startRuntime, type Runtime } from './server-runtime.ts';
import { recordingLogger, TEST_CREDENTIALS, testConfig } from './test-support.ts';
import type { FetchLike } from './upstream-client.ts';

/**
 * An upstream answer with a task field nested 5,000 deep (JSON.parse takes it; everything that
 * walks it afterwards overflows the stack): the whole runtime must answer a clear 502 on every
 * path that reads a task, and go on serving.
 */

const DEPTH = 5_000;
const INDEX = '<!doctype html>\n<html lang="en">\n<head><title>mixscope</title></head><body><div id="root"></div></body></html>';
const deepAnswer = `{"ResponseMetadata":{"RequestId":"req-deep"},"Result":{"PushMixedStreamToCDNTask":{"Status":2,"TaskId":"deep","Deep":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}}}`;
const fineAnswer = JSON.stringify({ ResponseMetadata: { RequestId: 'req-fine' }, Result: { PushMixedStreamToCDNTask: { Status: 2, TaskId: 'fine', PushStreamState: 5 } } });

const fetch: FetchLike = async (req) => {
  const taskId = new URL(req.url).searchParams.get('TaskId');
  return new Response(taskId === 'deep' ? deepAnswer : fineAnswer, { headers: { 'content-type': 'application/json' } });
};

const MALFORMED = /^The answer from rtc\.example\.test \(HTTP 200\) is malformed: the value at Result\.PushMixedStreamToCDNTask\.Deep\S* is nested more than 64 levels deep, far beyond any task, so mixscope did not use it\./;

let runtime: Runtime;
let dir: string;
const logger = recordingLogger();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixscope-deep-'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  runtime = await startRuntime(testConfig({ credentials: TEST_CREDENTIALS, dataDir: dir, cacheMs: 0 }), {
    logger, fetch, staticRoot: dir, loadSimulator: () => Promise.reject(new Error('no simulator here')),
  });
});
afterAll(async () => {
  await runtime.watcher.stop();
  runtime.governor.stop();
  await runtime.store.close();
  rmSync(dir, { recursive: true, force: true });
});

const q = (taskId: string) => `appId=app&roomId=room&taskId=${taskId}`;

describe('an answer nested 5,000 deep', () => {
  it('/api/task answers 502 saying the answer was malformed, and the server goes on', async () => {
    const res = await runtime.app.request(`/api/task?${q('deep')}`);
    expect(res.status).toBe(502);
    const { error } = ApiErrorBodySchema.parse(await res.json());
    expect(error.kind).toBe('bad-upstream-body');
    expect(error.message).toMatch(MALFORMED);
    const next = await runtime.app.request(`/api/task?${q('fine')}`);
    expect(next.status).toBe(200);
    expect(logger.lines.join('\n')).not.toContain('Maximum call stack');
  });

  it('the /task page comes as index.html, not as an error', async () => {
    const res = await runtime.app.request(`/task?${q('deep')}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root"></div>');
  });

  it('the watcher records the malformed answer as a failed poll, and /api/history serves it', async () => {
    const watch = await runtime.app.request('/api/watch', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appId: 'app', roomId: 'room', taskId: 'deep' }),
    });
    expect(watch.status).toBeLessThan(300);
    // Wait for the watcher's first poll to be in the store.
    let history;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      const res = await runtime.app.request(`/api/history?${q('deep')}`);
      expect(res.status).toBe(200);
      history = HistoryResponseSchema.parse(await res.json());
      if (history.observations.length > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(history?.observations.length).toBeGreaterThan(0);
    expect(JSON.stringify(history)).toMatch(/nested more than 64 levels deep/);
    expect(logger.lines.join('\n')).not.toContain('Maximum call stack');
  });
});
