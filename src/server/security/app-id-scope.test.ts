import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pixelTask } from '../../shared/layout-test-tasks.ts';
import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import { openHistoryStore } from '../history/history-store.ts';
import { silentLogger } from '../logger.ts';
import { startRuntime, type Runtime } from '../server-runtime.ts';
import { TEST_CREDENTIALS, testConfig } from '../test-support.ts';

/**
 * MIXSCOPE_APP_IDS against the whole runtime (store, governor, watcher, routes, the page render,
 * the fault switch) on a counting stand-in for the simulator: a disallowed AppId costs no upstream
 * call on any path, shows nothing, and is neither stored nor polled, even when the watch list
 * holds it from before the list was narrowed.
 */

const ALLOWED = 'app-ok';
const OTHER = 'other-team';
const ref = (appId: string, taskId: string): TaskRef => ({ appId, roomId: 'room-1', taskId, version: '2020-12-01' });
const ROOM_SECRET_TASK = 'secret-mix';
const task = { ...pixelTask([{ x: 0, y: 0, w: 1280, h: 720 }]), Status: 2, PushStreamState: 5, TaskId: ROOM_SECRET_TASK, StartTime: Date.now() - 60_000 };

const calls: string[] = [];
let sawWatchedPoll: () => void = () => undefined;
const watchedPolled = new Promise<void>((resolve) => { sawWatchedPoll = resolve; });

const simulator = {
  credentials: TEST_CREDENTIALS,
  region: 'cn-north-1',
  async fetch(req: Request) {
    const params = new URL(req.url).searchParams;
    calls.push(params.get('AppId') ?? '');
    if (params.get('AppId') === ALLOWED && params.get('TaskId') === 'watched') sawWatchedPoll();
    return Response.json({
      ResponseMetadata: { RequestId: 'req-1', Action: 'GetPushMixedStreamToCDNTask', Version: '2020-12-01' },
      Result: { PushMixedStreamToCDNTask: task },
    });
  },
};

let dir: string;
let runtime: Runtime;
const callsFor = (appId: string) => calls.filter((a) => a === appId).length;
const html = { headers: { accept: 'text/html' } };
const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixscope-appids-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><title>mixscope</title></head><body><div id="root"></div></body></html>');
  // The watch list from before the list was narrowed: the other team's task first, so it would be polled first.
  const before = await openHistoryStore({ dataDir: dir, clock: { now: () => Date.now() - 1_000 } });
  await before.watch(ref(OTHER, 'watched'));
  await before.record(ref(OTHER, 'watched'), { ok: true, requestId: 'r0', task, fetchedAt: Date.now() - 1_000 }, Date.now() - 1_000);
  await before.watch(ref(ALLOWED, 'watched'));
  await before.close();
  const config = testConfig({ upstream: 'simulator', credentials: undefined, dataDir: dir, appIds: [ALLOWED], simulatorFaults: true, cacheMs: 0 });
  runtime = await startRuntime(config, { logger: silentLogger, fetch: () => Promise.reject(new Error('no network here')), loadSimulator: async () => simulator, staticRoot: dir });
});

afterAll(async () => {
  await runtime.watcher.stop();
  runtime.governor.stop();
  await runtime.store.close();
  rmSync(dir, { recursive: true, force: true });
});

const expectRefused = async (res: Response) => {
  expect(res.status).toBe(403);
  const { error } = await res.json() as { error: { message: string; issues: { code: string }[] } };
  expect(error.message).toContain(`AppId "${OTHER}" is not one this mixscope server may query (MIXSCOPE_APP_IDS)`);
  expect(error.issues[0]?.code).toBe('notAllowed');
};

describe('MIXSCOPE_APP_IDS on every path', () => {
  it('the watcher neither lists nor polls an entry whose AppId the list no longer names, and polls the others', async () => {
    await watchedPolled;
    expect([...runtime.watcher.scheduled().keys(), ...calls]).not.toContain(OTHER);
    expect(callsFor(OTHER)).toBe(0);
    const list = await (await runtime.app.request('/api/watch')).json() as { tasks: { ref: TaskRef }[] };
    expect(list.tasks.map((t) => t.ref.appId)).toEqual([ALLOWED]);
  });

  it('GET /api/task: 403, no upstream call; the allowed AppId still works', async () => {
    await expectRefused(await runtime.app.request(`/api/task?appId=${OTHER}&roomId=room-1&taskId=t`));
    expect(callsFor(OTHER)).toBe(0);
    expect((await runtime.app.request(`/api/task?appId=${ALLOWED}&roomId=room-1&taskId=t`)).status).toBe(200);
  });

  it('the server-rendered /task page: index.html as it is, with no task data and no upstream call', async () => {
    const res = await runtime.app.request(`/task?appId=${OTHER}&roomId=room-1&taskId=t2`, html);
    expect(res.status).toBe(200);
    const refused = await res.text();
    expect(refused).toContain('<div id="root"></div>');
    expect(refused).not.toContain('data-server-page');
    expect(refused).not.toContain(ROOM_SECRET_TASK);
    expect(callsFor(OTHER)).toBe(0);
    // The same link for an allowed AppId is rendered, so the check above can see a render.
    const allowed = await (await runtime.app.request(`/task?appId=${ALLOWED}&roomId=room-1&taskId=t2`, html)).text();
    expect(allowed).toContain('data-server-page');
  });

  it('GET /api/history: 403, nothing read', async () => {
    await expectRefused(await runtime.app.request(`/api/history?appId=${OTHER}&roomId=room-1&taskId=watched`));
    expect((await runtime.app.request(`/api/history?appId=${ALLOWED}&roomId=room-1&taskId=watched`)).status).toBe(200);
  });

  it('POST and DELETE /api/watch: 403, the stored entry kept and still not polled', async () => {
    await expectRefused(await runtime.app.request('/api/watch', json('POST', { appId: OTHER, roomId: 'room-1', taskId: 'new' })));
    await expectRefused(await runtime.app.request(`/api/watch?key=${encodeURIComponent(taskIdentityKey(ref(OTHER, 'watched')))}`, { method: 'DELETE' }));
    await expectRefused(await runtime.app.request(`/api/watch?appId=${OTHER}&roomId=room-1&taskId=watched`, { method: 'DELETE' }));
    expect(runtime.watcher.scheduled().has(taskIdentityKey(ref(OTHER, 'new')))).toBe(false);
    expect(callsFor(OTHER)).toBe(0);
  });

  it('/api/simulator/faults: a rule for another AppId is refused; GET and DELETE still answer', async () => {
    await expectRefused(await runtime.app.request('/api/simulator/faults', json('POST', { fault: '500', appId: OTHER })));
    const listed = await (await runtime.app.request('/api/simulator/faults')).json() as { rules: unknown[] };
    expect(listed.rules).toEqual([]);
    expect((await runtime.app.request('/api/simulator/faults', json('POST', { fault: '500', appId: ALLOWED }))).status).toBe(201);
    expect((await runtime.app.request('/api/simulator/faults', { method: 'DELETE' })).status).toBe(200);
    expect(callsFor(OTHER)).toBe(0);
  });

  it('the readiness probe still reads the store', async () => {
    expect((await runtime.app.request('/readyz')).status).toBe(200);
  });
});
