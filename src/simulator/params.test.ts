import { describe, expect, it } from 'vitest';
import { candidateTaskIds } from './task-store.ts';
import { errorOf, getTask, postAction, taskOf, testSim } from './sim-test-kit.ts';

const HOUR = 3_600_000;
const LIVE = { AppId: 'demo-app', RoomId: 'room-live', TaskId: 'live-mix' };

describe('Action and Version routing', () => {
  it('answers InvalidActionOrVersion (404) for a version without this action', async () => {
    const t = testSim();
    // BytePlus documents Get as 2022-06-01; Volcengine has no push APIs in that version.
    expect(errorOf(await getTask(t, LIVE, { version: '2022-06-01' }))).toEqual({ code: 'InvalidActionOrVersion', status: 404 });
  });

  it('answers every supported version', async () => {
    const t = testSim();
    for (const version of ['2020-12-01', '2023-06-01', '2023-11-01']) expect((await getTask(t, LIVE, { version })).status).toBe(200);
  });

  it('answers InvalidActionOrVersion for an unknown action', async () => {
    const t = testSim();
    expect(errorOf(await postAction(t, 'ListPushMixedStreamToCDNTasks', {}))).toEqual({ code: 'InvalidActionOrVersion', status: 404 });
  });
});

describe('query parameters', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['no AppId', { RoomId: 'r', TaskId: 't' }, 'MissingParameter'],
    ['no RoomId', { AppId: 'demo-app', TaskId: 't' }, 'MissingParameter'],
    ['neither TaskId nor UserId', { AppId: 'demo-app', RoomId: 'room-live' }, 'MissingParameter'],
    ['an empty TaskId and no UserId', { AppId: 'demo-app', RoomId: 'room-live', TaskId: '' }, 'MissingParameter'],
    ['a space in the RoomId', { AppId: 'demo-app', RoomId: 'room live', TaskId: 't' }, 'InvalidParameter'],
    ['a slash in the TaskId', { AppId: 'demo-app', RoomId: 'r', TaskId: 'a/b' }, 'InvalidParameter'],
    ['a non-ASCII UserId', { AppId: 'demo-app', RoomId: 'r', UserId: 'lïly' }, 'InvalidParameter'],
    ['a 129-character TaskId', { AppId: 'demo-app', RoomId: 'r', TaskId: 'x'.repeat(129) }, 'InvalidParameter'],
  ];
  it.each(cases)('rejects %s', async (_name, query, code) => {
    expect(errorOf(await getTask(testSim(), query))).toEqual({ code, status: 400 });
  });

  it('accepts a 128-character ID of every allowed character class', async () => {
    const id = `aZ09_@.-${'x'.repeat(120)}`;
    expect(errorOf(await getTask(testSim(), { AppId: 'demo-app', RoomId: id, TaskId: 't' }))?.code).toBe('InvalidParameter.ErrorActiveTaskNotFound');
  });

  it('answers not found for an unknown task', async () => {
    expect(errorOf(await getTask(testSim(), { AppId: 'demo-app', RoomId: 'room-live', TaskId: 'nope' }))).toEqual({ code: 'InvalidParameter.ErrorActiveTaskNotFound', status: 400 });
  });
});

describe('client tasks', () => {
  const room = { AppId: 'demo-app', RoomId: 'room-client' };
  const startedAt = async (query: Record<string, string>) => taskOf(await getTask(testSim(), { ...room, ...query }));

  it('finds a later task by userId@@taskId, or by UserId plus the bare TaskId', async () => {
    const a = await startedAt({ TaskId: 'lily@@cam-mix' });
    const b = await startedAt({ UserId: 'lily', TaskId: 'cam-mix' });
    const c = await startedAt({ UserId: 'lily', TaskId: 'lily@@cam-mix' });
    expect(a['Status']).toBe(2);
    expect([b['StartTime'], c['StartTime']]).toEqual([a['StartTime'], a['StartTime']]);
  });

  it("finds the user's first task by UserId alone, by UserId with an empty TaskId, or by the UserId put in TaskId", async () => {
    const queries: Array<Record<string, string>> = [{ UserId: 'lily' }, { UserId: 'lily', TaskId: '' }, { TaskId: 'lily' }, { UserId: 'lily', TaskId: 'lily' }];
    for (const query of queries) {
      const task = await startedAt(query);
      expect([task['Status'], task['StopReason']]).toEqual([3, 'UserDisconnect']);
    }
  });

  it('spells out the candidate TaskIds', () => {
    expect(candidateTaskIds('cam', 'lily')).toEqual(['lily@@cam', 'cam']);
    expect(candidateTaskIds(undefined, 'lily')).toEqual(['lily']);
    expect(candidateTaskIds('lily@@cam', 'lily')).toEqual(['lily@@cam']);
  });
});

describe('the 72-hour window', () => {
  it('does not return a task started more than 72 hours ago', async () => {
    const t = testSim();
    expect(errorOf(await getTask(t, { AppId: 'demo-app', RoomId: 'room-archive', TaskId: 'old-mix' }))?.code).toBe('InvalidParameter.ErrorActiveTaskNotFound');
  });

  it('loses a task exactly when its StartTime leaves the window, ended or not', async () => {
    const t = testSim();
    const q = { AppId: 'demo-app', RoomId: 'room-ended', TaskId: 'ended-mix' }; // started 3 h before the simulator
    t.sim.clock.advance(69 * HOUR);
    expect((await getTask(t, q)).status).toBe(200);
    t.sim.clock.advance(1);
    expect(errorOf(await getTask(t, q))?.code).toBe('InvalidParameter.ErrorActiveTaskNotFound');
  });

  it('keeps the 24/7 demo task inside the window however long the simulator runs', async () => {
    const t = testSim();
    t.sim.clock.advance(500 * HOUR);
    expect(taskOf(await getTask(t, LIVE))['Status']).toBe(2);
  });
});

describe('60 QPS per access key', () => {
  it('answers FlowLimitExceeded (429) for the 61st query within one second, and recovers after it', async () => {
    const t = testSim();
    for (let i = 0; i < 60; i++) {
      expect((await getTask(t, LIVE)).status).toBe(200);
      t.tick(10); // 60 queries spread over 600 ms
    }
    expect(errorOf(await getTask(t, LIVE))).toEqual({ code: 'FlowLimitExceeded', status: 429 });
    t.tick(401); // the first query is now more than a second old
    expect((await getTask(t, LIVE)).status).toBe(200);
    expect(errorOf(await getTask(t, LIVE))?.code).toBe('FlowLimitExceeded');
  });

  it('counts Get separately from the control actions', async () => {
    const t = testSim();
    for (let i = 0; i < 60; i++) await getTask(t, LIVE);
    expect((await postAction(t, 'StopPushStreamToCDN', { AppId: 'demo-app', RoomId: 'r', TaskId: 'none' })).status).toBe(400);
  });
});
