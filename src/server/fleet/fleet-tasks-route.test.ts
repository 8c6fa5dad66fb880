import { afterEach, describe, expect, it } from 'vitest';
import { FleetResponseSchema } from '../../shared/fleet-api.ts';
import { layoutWarnings } from '../../shared/layout-warnings.ts';
import { pixelTask } from '../../shared/layout-test-tasks.ts';
import { ApiErrorBodySchema } from '../../shared/mixscope-api.ts';
import { buildTaskModel } from '../../shared/task-model.ts';
import { createFleetKit, KIT_T0, type FleetKit } from './fleet-test-kit.ts';

const RUNNING = { Status: 2, PushStreamState: 5, StartTime: KIT_T0 - 60_000 };
const RECONNECTING = { Status: 2, PushStreamState: 3, StartTime: KIT_T0 - 120_000 };
const FAILED = { Status: 4, PushStreamState: 0, StartTime: KIT_T0 - 30_000, EndTime: KIT_T0 - 20_000, StopReason: 'StartTaskFailed' };
const ENDED = { Status: 3, PushStreamState: 6, StartTime: KIT_T0 - 90_000, EndTime: KIT_T0 - 10_000, StopReason: 'StopByAPI' };

let kit: FleetKit;
afterEach(async () => kit.dispose());

const tasks = async (query = '') => {
  const res = await kit.app.request(`/api/tasks${query}`);
  expect(res.status).toBe(200);
  return FleetResponseSchema.parse(await res.json());
};

async function fourTasks() {
  kit = await createFleetKit();
  await kit.add({ roomId: 'room-a', taskId: 'ok' }, RUNNING, 'callback');
  await kit.add({ roomId: 'room-a', taskId: 'bad', userId: 'teacher-ming' }, RECONNECTING);
  await kit.add({ roomId: 'room-b', taskId: 'dead' }, FAILED, 'sweep');
  await kit.add({ appId: 'other', roomId: 'room-c', taskId: 'done' }, ENDED, 'on call');
}

describe('GET /api/tasks', () => {
  it('lists every known task, most in need of attention first, with source, state names and counts', async () => {
    await fourTasks();
    const body = await tasks();
    expect(body.tasks.map((t) => t.ref.taskId)).toEqual(['dead', 'bad', 'ok', 'done']);
    expect(body.tasks.map((t) => t.source)).toEqual(['sweep', 'manual', 'callback', 'manual']);
    expect(body.tasks.map((t) => t.needsAttention)).toEqual([0, 1, 4, 5]);
    const dead = body.tasks[0];
    expect(dead).toMatchObject({ statusName: 'failed', pushStreamStateName: 'unavailable', stopReason: 'StartTaskFailed', durationMs: 10_000, endTime: KIT_T0 - 20_000 });
    expect(dead?.queryableUntil).toBe(KIT_T0 - 30_000 + 72 * 3_600_000);
    expect(body.tasks[2]).toMatchObject({ durationMs: 60_000, endTime: null });
    expect(body.counts).toMatchObject({ failed: 1, reconnecting: 1, running: 1, ended: 1, starting: 0 });
    expect(body.total).toBe(4);
    expect(body.appIds).toEqual(['app', 'other']);
    expect(body.stopReasons).toEqual(['StartTaskFailed', 'StopByAPI']);
  });

  it('filters by AppId, room, state (counters keep the other states), stop reason and text', async () => {
    await fourTasks();
    expect((await tasks('?appId=other')).tasks.map((t) => t.ref.taskId)).toEqual(['done']);
    expect((await tasks('?roomId=room-a')).tasks.map((t) => t.ref.taskId)).toEqual(['bad', 'ok']);
    const trouble = await tasks('?state=failed,reconnecting');
    expect(trouble.tasks.map((t) => t.ref.taskId)).toEqual(['dead', 'bad']);
    expect(trouble.counts.running).toBe(1);
    expect((await tasks('?stopReason=StopByAPI')).tasks.map((t) => t.ref.taskId)).toEqual(['done']);
    expect((await tasks('?q=MING')).tasks.map((t) => t.ref.taskId)).toEqual(['bad']);
    expect((await tasks('?q=room-c')).tasks.map((t) => t.ref.taskId)).toEqual(['done']);
    expect((await tasks('?q=dea')).tasks.map((t) => t.ref.taskId)).toEqual(['dead']);
  });

  it('sorts by start time and by room when asked', async () => {
    await fourTasks();
    expect((await tasks('?sort=started')).tasks.map((t) => t.ref.taskId)).toEqual(['dead', 'ok', 'done', 'bad']);
    expect((await tasks('?sort=room')).tasks.map((t) => t.ref.roomId)).toEqual(['room-a', 'room-a', 'room-b', 'room-c']);
  });

  it('says what is wrong with a bad filter', async () => {
    kit = await createFleetKit();
    for (const [query, field, words] of [
      ['?state=burning', 'state', 'not one of failed, reconnecting'],
      ['?sort=size', 'sort', 'not one of attention'],
      ['?roomId=a%20b', 'roomId', 'a-z A-Z 0-9'],
    ] as const) {
      const res = await kit.app.request(`/api/tasks${query}`);
      expect(res.status).toBe(400);
      const error = ApiErrorBodySchema.parse(await res.json()).error;
      expect(error.message).toContain(words);
      expect(error.issues?.[0]?.field).toBe(field);
    }
  });

  it('counts the last observed layout\'s warnings, the reconnects and when the last one was', async () => {
    kit = await createFleetKit();
    const broken = pixelTask([{ x: 1200, y: 0, w: 400, h: 300 }, { x: 0, y: 0, w: 1280, h: 720, z: 5 }]);
    const key = await kit.add({ version: '2023-11-01', roomId: 'r', taskId: 'layout' }, { ...RUNNING, ...broken });
    await kit.clock.advance(5_000);
    const ref = { version: '2023-11-01', appId: 'app', roomId: 'r', taskId: 'layout' } as const;
    await kit.store.record(ref, { ok: true, requestId: 'x', task: { ...RECONNECTING, ...broken }, fetchedAt: kit.clock.now() }, kit.clock.now());
    const [row] = (await tasks()).tasks;
    const expected = layoutWarnings(buildTaskModel({ ...RECONNECTING, ...broken }, '2023-11-01')).length;
    expect(expected).toBeGreaterThan(0);
    expect(row).toMatchObject({ key, warnings: expected, reconnects: 1, lastReconnectAt: KIT_T0 + 5_000 });
  });

  it('masks the stream key of the push URL and URLs in the last error', async () => {
    kit = await createFleetKit();
    const ref = { version: '2020-12-01', appId: 'app', roomId: 'r', taskId: 't' } as const;
    await kit.add(ref, { ...RUNNING, PushURL: 'rtmp://push.example.com/live/secret-stream-key?txSecret=abc123' });
    await kit.store.record(ref, { ok: false, kind: 'unreachable', message: 'refused by rtmp://push.example.com/live/secret-stream-key?txSecret=abc123' }, kit.clock.now());
    const text = await (await kit.app.request('/api/tasks')).text();
    expect(text).not.toContain('secret-stream-key');
    expect(text).not.toContain('abc123');
    const [row] = FleetResponseSchema.parse(JSON.parse(text)).tasks;
    expect(row?.pushUrl).toMatch(/^rtmp:\/\/push\.example\.com\/live\/.*••••/);
    expect(row?.lastError?.message).toContain('push.example.com');
  });

  it('shows only the AppIds the server may (MIXSCOPE_APP_IDS) and refuses a filter on another', async () => {
    kit = await createFleetKit({ appIds: ['app'] });
    await kit.add({ roomId: 'room-a', taskId: 'ok' }, RUNNING);
    // Written around the guard, as a store shared with a server of another allow-list would hold it.
    const { createHistoryStore } = await import('../history/history-store.ts');
    await createHistoryStore(kit.db, { clock: kit.clock }).watch({ version: '2020-12-01', appId: 'other', roomId: 'x', taskId: 'y' });
    const body = await tasks();
    expect(body.tasks.map((t) => t.ref.appId)).toEqual(['app']);
    expect(body.total).toBe(1);
    expect((await kit.app.request('/api/tasks?appId=other')).status).toBe(403);
  });
});
