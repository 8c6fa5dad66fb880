import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../shared/demo-scenarios.ts';
import { ID_PATTERN } from '../shared/task-ref.ts';
import { buildScenarioScripts } from './scenarios.ts';
import { errorOf, getTask, taskOf, testSim, type TestSim } from './sim-test-kit.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

function byId(id: string): Record<string, string> {
  const s = DEMO_SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  const q: Record<string, string> = { AppId: s.ref.appId, RoomId: s.ref.roomId };
  if (s.ref.taskId) q['TaskId'] = s.ref.taskId;
  if (s.ref.userId) q['UserId'] = s.ref.userId;
  return q;
}

const state = async (t: TestSim, id: string) => {
  const task = taskOf(await getTask(t, byId(id)));
  return [task['Status'], task['PushStreamState'], task['StopReason']];
};

describe('the scenario list', () => {
  it('has unique ids and rooms-with-tasks, valid IDs, all under one AppId', () => {
    expect(new Set(DEMO_SCENARIOS.map((s) => s.id)).size).toBe(DEMO_SCENARIOS.length);
    const refs = DEMO_SCENARIOS.map((s) => `${s.ref.roomId}/${s.ref.taskId ?? ''}/${s.ref.userId ?? ''}`);
    expect(new Set(refs).size).toBe(refs.length);
    for (const s of DEMO_SCENARIOS) {
      expect(s.ref.appId).toBe('demo-app');
      for (const id of [s.ref.roomId, s.ref.taskId, s.ref.userId]) if (id !== undefined) expect(id).toMatch(ID_PATTERN);
    }
  });

  it('is seeded: the same seed builds the same tasks, another seed different reconnect storms', () => {
    const flaky = (seed: number) => buildScenarioScripts(seed, 0, 'http://x').find((s) => s.key.taskId === 'flaky-mix')?.reconnects;
    expect(flaky(1)).toEqual(flaky(1));
    expect(flaky(1)).not.toEqual(flaky(2));
  });
});

describe('scenarios at the simulator start', () => {
  const expected: Array<[string, unknown[]]> = [
    ['live-basic', [2, 5, '']],
    ['online-class', [2, 5, '']],
    ['start-failure', [4, 0, 'StartTaskFailed']],
    ['idle-timeout', [3, 6, 'IdleTimeOut']],
    ['ended-by-api', [3, '6', 'StopByAPI']], // the documented example sends a string
    ['cdn-gave-up', [3, 6, 'UnknownStopReason']],
    ['client-first-task', [3, 6, 'UserDisconnect']],
    ['starting-soon', [1, 0, '']],
  ];
  it.each(expected)('%s reports %j', async (id, want) => {
    expect(await state(testSim(), id)).toEqual(want);
  });

  it('minimal-defaults sends nothing but the required fields', async () => {
    const task = taskOf(await getTask(testSim(), byId('minimal-defaults')));
    expect(Object.keys(task).sort()).toEqual(['EndTime', 'PushStreamState', 'PushURL', 'StartTime', 'Status', 'StopReason']);
  });

  it('expired-72h answers the not-found error', async () => {
    expect(errorOf(await getTask(testSim(), byId('expired-72h')))?.code).toBe('InvalidParameter.ErrorActiveTaskNotFound');
  });

  it('peek renders what a Get would answer, without a request', async () => {
    const t = testSim();
    const query = { appId: 'demo-app', roomId: 'webinar-q3', taskId: 'webinar-mix' };
    expect(t.sim.peek(query, '2023-06-01')).toEqual(taskOf(await getTask(t, byId('webinar-pip'), { version: '2023-06-01' })));
    expect(t.sim.peek({ appId: 'demo-app', roomId: 'room-archive', taskId: 'old-mix' })).toBeUndefined();
  });

  it('serves demo images from the configured asset base', async () => {
    const task = taskOf(await getTask(testSim({ assetBaseUrl: 'http://127.0.0.1:9999/' }), byId('podcast-audio')));
    expect(JSON.stringify(task)).toContain('"AlternateImage":"http://127.0.0.1:9999/demo/avatar-1.png"');
  });
});

describe('scenarios over time', () => {
  it('starting-soon: not started, state unknown, waiting for a publisher, connecting, connected, pushing', async () => {
    const t = testSim();
    const seen = [];
    // Created 30 s before the start; Status 1 for 3.5 min; then 4 s unknown, 20 s waiting, 1.5 s connecting, 0.7 s connected.
    for (const step of [0, 3 * MIN, 10_000, 14_500, 1_200, 20_000]) {
      t.tick(step);
      seen.push((await state(t, 'starting-soon')).slice(0, 2));
    }
    expect(seen).toEqual([[1, 0], [2, 0], [2, 1], [2, 2], [2, 4], [2, 5]]);
  });

  it('online-class: a partial update changes the background and keeps the regions', async () => {
    const t = testSim();
    const canvas = async () => (taskOf(await getTask(t, byId('online-class'))) as { Layout: { CustomLayout: { Canvas: { Background: string }; Regions: unknown[] } } }).Layout.CustomLayout;
    const before = await canvas();
    expect([before.Canvas.Background, before.Regions.length]).toEqual(['#1f2430', 8]);
    t.tick(25 * MIN);
    const after = await canvas();
    expect([after.Canvas.Background, after.Regions.length]).toEqual(['#0b3d2e', 8]);
    t.tick(2 * HOUR);
    expect(await state(t, 'online-class')).toEqual([3, 6, 'StopByAPI']);
  });

  it('pk-battle: the battle ends and one host fills the canvas', async () => {
    const t = testSim();
    t.tick(40 * MIN);
    const layout = taskOf(await getTask(t, byId('pk-battle')))['Layout'];
    expect(layout).toMatchObject({ LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280 }, Regions: [{ StreamIndex: 0, WidthProportion: 1, HeightProportion: 1 }] } });
  });

  it('flaky-cdn: reconnects (state 3) happen within the first half hour, and the task keeps running', async () => {
    const t = testSim();
    const states = new Set<unknown>();
    for (let i = 0; i < 180; i++) {
      states.add((await state(t, 'flaky-cdn'))[1]);
      t.tick(10_000);
      if (i % 50 === 49) t.tick(1000); // stay under 60 QPS
    }
    expect(states).toContain(3);
    expect(states).toContain(5);
    t.sim.clock.advance(100 * HOUR);
    expect((await state(t, 'flaky-cdn'))[0]).toBe(2);
  });

  it('speed: at 60x, one wall minute is an hour of task time', async () => {
    const t = testSim({ speed: 60 });
    expect(await state(t, 'idle-timeout')).toEqual([3, 6, 'IdleTimeOut']);
    expect((await state(t, 'pk-battle'))[0]).toBe(2);
    t.tick(90_000); // 90 task-minutes: pk-battle stopped 78 minutes after the simulator started
    expect(await state(t, 'pk-battle')).toEqual([3, 6, 'StopByAPI']);
  });
});
