import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  HistoryResponseSchema, UnwatchResponseSchema, WatchListResponseSchema, WatchResponseSchema,
} from '../../shared/history-api.ts';
import { ApiErrorBodySchema } from '../../shared/mixscope-api.ts';
import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import { openHistoryStore, type HistoryStore } from '../history/history-store.ts';
import { createManualClock, type ManualClock } from '../clock/manual-clock.ts';
import { createTestBudget } from '../watcher/test-budget.ts';
import { createWatcher, type Watcher } from '../watcher/watcher.ts';
import { historyRoutes } from './history-routes.ts';

const T0 = Date.UTC(2026, 10, 24, 8);
/** Upstream state per TaskId: the watcher polls these. */
const STATES: Record<string, object> = {
  running: { Status: 2, PushStreamState: 5 },
  ended: { Status: 3, PushStreamState: 6, EndTime: T0, StopReason: 'StopByAPI' },
  failed: { Status: 4, PushStreamState: 0, EndTime: T0, StopReason: 'StartTaskFailed' },
  starting: { Status: 1, PushStreamState: 0 },
  reconnecting: { Status: 2, PushStreamState: 3 },
};

let dir: string;
let clock: ManualClock;
let store: HistoryStore;
let watcher: Watcher;
let app: Hono;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixscope-routes-'));
  clock = createManualClock(T0);
  store = await openHistoryStore({ dataDir: dir, clock });
  const getTask = async (ref: TaskRef): Promise<FetchOutcome> =>
    ({ ok: true, requestId: `req-${ref.taskId}`, task: { StartTime: T0 - 1000, Layout: { LayoutMode: 0 }, ...STATES[ref.taskId ?? ''] }, fetchedAt: clock.now() });
  watcher = createWatcher({ store, getTask, clock, budget: createTestBudget({ qps: 50, now: clock.now }), random: () => 0.5 });
  await watcher.start();
  app = new Hono().route('/api', historyRoutes({ store, watcher, clock: clock.now, maxWatched: 6 }));
});
afterEach(async () => {
  await watcher.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: unknown) =>
  app.request('/api/watch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const errorOf = async (res: Response) => ApiErrorBodySchema.parse(await res.json()).error;

describe('POST /api/watch', () => {
  it('adds a task once, with its label, and starts polling it', async () => {
    const res = await post({ appId: 'app', roomId: 'room', taskId: 'running', label: ' on call ' });
    expect(res.status).toBe(201);
    const added = WatchResponseSchema.parse(await res.json());
    expect(added).toMatchObject({ created: true, task: { label: 'on call', queryable: true, ref: { version: '2020-12-01' } } });
    const again = await post({ appId: 'app', roomId: 'room', taskId: 'running' });
    expect(again.status).toBe(200);
    expect(WatchResponseSchema.parse(await again.json()).created).toBe(false);
    await clock.advance(1);
    expect(await store.getWatched(added.task.key)).toMatchObject({ status: 2, pushStreamState: 5 });
  });

  it.each([
    [{ roomId: 'r', taskId: 't' }, 'appId', 'required'],
    [{ appId: 'a', roomId: 'r' }, 'taskId', 'needTaskOrUser'],
    [{ appId: 'a b', roomId: 'r', taskId: 't' }, 'appId', 'charset'],
    [{ appId: 'a', roomId: 'r', taskId: 't', version: '2099-01-01' }, 'version', 'unknownVersion'],
    [{ appId: 'a', roomId: 'r', taskId: 't', label: 'x'.repeat(81) }, 'label', 'tooLong'],
    ['{not json', 'body', 'json'],
    [[1, 2], 'body', 'json'],
  ])('refuses %j with 400 naming %s', async (body, field, code) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.kind).toBe('invalid-input');
    expect(error.issues).toContainEqual(expect.objectContaining({ field, code }));
    expect((await store.listWatched()).length).toBe(0);
  });

  it('refuses a new task when the watch list is full', async () => {
    for (let i = 0; i < 6; i++) expect((await post({ appId: 'a', roomId: 'r', taskId: `t${i}` })).status).toBe(201);
    const res = await post({ appId: 'a', roomId: 'r', taskId: 'one-too-many' });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toMatch(/6 tasks/);
    expect((await post({ appId: 'a', roomId: 'r', taskId: 't0' })).status).toBe(200); // already there: fine
  });
});

describe('GET /api/watch', () => {
  it('lists tasks by what needs attention, with counts per state', async () => {
    for (const taskId of ['running', 'ended', 'starting', 'failed', 'reconnecting']) {
      await post({ appId: 'app', roomId: 'room', taskId });
      await clock.advance(10); // distinct addedAt
    }
    await clock.advance(20_000);
    const res = await app.request('/api/watch');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const list = WatchListResponseSchema.parse(await res.json());
    expect(list.tasks.map((t) => [t.ref.taskId, t.attention])).toEqual([
      ['failed', 'failed'], ['reconnecting', 'reconnecting'], ['starting', 'starting'], ['running', 'running'], ['ended', 'ended'],
    ]);
    expect(list.counts).toEqual({ failed: 1, reconnecting: 1, starting: 1, unknown: 0, running: 1, ended: 1 });
    expect(list.tasks.find((t) => t.ref.taskId === 'reconnecting')?.reconnects).toBe(1);
    expect(list.tasks.find((t) => t.ref.taskId === 'ended')).toMatchObject({ nextPollAt: null, stopReason: 'StopByAPI', lastObservedAt: T0 + 10 + 5_000 }); // added at +10 ms, final fetch 5 s later
    expect(list.now).toBe(clock.now());
  });
});

describe('DELETE /api/watch', () => {
  it('removes by key or by task fields, and says 404 for a task not watched', async () => {
    const ref = { appId: 'app', roomId: 'room', taskId: 'running', version: '2020-12-01' } as const;
    await post(ref);
    const byKey = await app.request(`/api/watch?key=${encodeURIComponent(taskIdentityKey(ref))}`, { method: 'DELETE' });
    expect(UnwatchResponseSchema.parse(await byKey.json())).toEqual({ removed: true, key: taskIdentityKey(ref) });
    expect((await app.request(`/api/watch?key=${encodeURIComponent(taskIdentityKey(ref))}`, { method: 'DELETE' })).status).toBe(404);
    await post(ref);
    const byFields = await app.request('/api/watch?appId=app&roomId=room&taskId=running', { method: 'DELETE' });
    expect(byFields.status).toBe(200);
    expect(await store.listWatched()).toEqual([]);
    expect((await app.request('/api/watch?appId=app', { method: 'DELETE' })).status).toBe(400);
  });
});

describe('GET /api/history', () => {
  it('returns the observations with payloads on changes, and the watch entry', async () => {
    await post({ appId: 'app', roomId: 'room', taskId: 'starting' });
    await clock.advance(5_000);
    STATES['starting'] = { Status: 2, PushStreamState: 5 };
    await clock.advance(30_000);
    const res = await app.request('/api/history?appId=app&roomId=room&taskId=starting');
    const body = HistoryResponseSchema.parse(await res.json());
    expect(body.observations.map((o) => [o.kind, o.status, o.changed])).toEqual([['change', 1, []], ['change', 2, ['status', 'pushStreamState']]]);
    expect(body.observations[1]?.payload).toMatchObject({ Status: 2, PushStreamState: 5 });
    expect(body.observations[0]).toMatchObject({ observedAt: T0, confirmedUntil: T0 + 4_000, attempts: 3, requestId: 'req-starting' });
    expect(body.watched).toMatchObject({ attention: 'running', key: body.key });
    STATES['starting'] = { Status: 1, PushStreamState: 0 };

    const later = HistoryResponseSchema.parse(await (await app.request(`/api/history?appId=app&roomId=room&taskId=starting&from=${T0 + 5_000}`)).json());
    expect(later.observations).toHaveLength(1);
    expect(later.baseline?.status).toBe(1);
  });

  it('answers an unknown task with an empty history, and refuses bad input', async () => {
    const empty = HistoryResponseSchema.parse(await (await app.request('/api/history?appId=a&roomId=r&userId=u')).json());
    expect(empty).toMatchObject({ observations: [], baseline: null, watched: null, truncated: false });
    expect((await errorOf(await app.request('/api/history?appId=a&roomId=r'))).issues).toContainEqual(expect.objectContaining({ field: 'taskId' }));
    expect((await errorOf(await app.request('/api/history?appId=a&roomId=r&taskId=t&from=yesterday'))).issues).toContainEqual(expect.objectContaining({ field: 'from', code: 'number' }));
  });
});
