import { describe, expect, it } from 'vitest';
import { callOfficial } from './official-signer.ts';
import { interpretEnvelope } from '../shared/volc-envelope.ts';
import { testSim, type TestSim } from './sim-test-kit.ts';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function call(t: TestSim, Action: string, query: Record<string, string>, Version = '2023-11-01') {
  const res = await callOfficial(t.sim.fetch, { params: { Action, Version, ...query }, credentials: t.sim.credentials, date: new Date(t.wall()) });
  const outcome = interpretEnvelope(res.status, res.body);
  return { status: res.status, outcome, result: outcome.kind === 'ok' ? outcome.result as Record<string, unknown> : undefined, code: outcome.kind === 'error' ? outcome.error.code : undefined, message: outcome.kind === 'error' ? outcome.error.message : '' };
}

const lastDay = (t: TestSim) => ({ AppId: 'demo-app', StartTime: iso(t.sim.clock.taskNow() - 24 * 60 * MINUTE + 1000), EndTime: iso(t.sim.clock.taskNow()) });

describe('ListRoomInfo', () => {
  it('lists the active rooms of the scenarios, paged, with Total and HasMore', async () => {
    const t = testSim();
    const all = await call(t, 'ListRoomInfo', { ...lastDay(t), PageSize: '100' });
    expect(all.status).toBe(200);
    const rooms = all.result?.['RoomList'] as Array<Record<string, unknown>>;
    expect(all.result?.['Total']).toBe(rooms.length);
    expect(all.result?.['HasMore']).toBe(false);
    const client = rooms.find((r) => r['RoomId'] === 'room-client');
    expect(client).toMatchObject({ IsFinished: false, ActiveUserNum: 1, DestroyTime: '' });
    expect(typeof client?.['CallId']).toBe('string');

    const first = await call(t, 'ListRoomInfo', { ...lastDay(t), PageSize: '2', PageNum: '1' });
    const second = await call(t, 'ListRoomInfo', { ...lastDay(t), PageSize: '2', PageNum: '2' });
    expect(first.result?.['HasMore']).toBe(true);
    const ids = (r: typeof first) => (r.result?.['RoomList'] as Array<Record<string, unknown>>).map((x) => x['RoomId']);
    expect([...ids(first), ...ids(second)]).toEqual(rooms.slice(0, 4).map((r) => r['RoomId']));
  });

  it('answers in 2020-12-01 too, filters by RoomId, and refuses other versions', async () => {
    const t = testSim();
    const one = await call(t, 'ListRoomInfo', { ...lastDay(t), RoomId: 'room-client' }, '2020-12-01');
    expect((one.result?.['RoomList'] as unknown[]).length).toBe(1);
    expect((await call(t, 'ListRoomInfo', lastDay(t), '2023-06-01')).code).toBe('InvalidActionOrVersion');
  });

  it.each([
    ['PageSize above 100', { PageSize: '101' }, /PageSize/],
    ['PageNum 0', { PageNum: '0' }, /PageNum/],
    ['a time that is not RFC 3339', { StartTime: '2025-01-02 10:00' }, /RFC 3339/],
  ])('refuses %s', async (_name, extra, message) => {
    const t = testSim();
    const answer = await call(t, 'ListRoomInfo', { ...lastDay(t), ...extra });
    expect(answer.status).toBe(400);
    expect(answer.code).toBe('InvalidParameter');
    expect(answer.message).toMatch(message);
  });

  it('refuses more than 24 hours per query and more than 14 days back', async () => {
    const t = testSim();
    const now = t.sim.clock.taskNow();
    const wide = await call(t, 'ListRoomInfo', { AppId: 'demo-app', StartTime: iso(now - 25 * 60 * MINUTE), EndTime: iso(now) });
    expect(wide.message).toMatch(/24 hours/);
    const old = await call(t, 'ListRoomInfo', { AppId: 'demo-app', StartTime: iso(now - 15 * 24 * 60 * MINUTE), EndTime: iso(now - 15 * 24 * 60 * MINUTE + MINUTE) });
    expect(old.message).toMatch(/14 days/);
    expect((await call(t, 'ListRoomInfo', { AppId: 'demo-app' })).code).toBe('MissingParameter');
  });

  it('allows 10 calls per second, then FlowLimitExceeded', async () => {
    const t = testSim();
    const codes = [];
    for (let i = 0; i < 11; i += 1) codes.push((await call(t, 'ListRoomInfo', lastDay(t))).status);
    expect(codes.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(codes[10]).toBe(429);
    t.tick(1000);
    expect((await call(t, 'ListRoomInfo', lastDay(t))).status).toBe(200);
  });
});

describe('GetRoomOnlineUsers', () => {
  it('shows who is in the room now: fan-joe lost his connection five minutes into lily\'s task', async () => {
    const t = testSim({ speed: 1 });
    // lily's second task started ten minutes before T0; fan-joe left five minutes in.
    const now = await call(t, 'GetRoomOnlineUsers', { AppId: 'demo-app', RoomId: 'room-client' }, '2023-08-01');
    expect(now.result).toEqual({ RoomExists: true, TotalUser: 1, TotalInvisibleUser: 0, VisibleUserList: ['lily'], InvisibleUserList: [] });
  });

  it('says RoomExists false for a room with nobody in it, and allows 40 calls per second', async () => {
    const t = testSim();
    const none = await call(t, 'GetRoomOnlineUsers', { AppId: 'demo-app', RoomId: 'no-such-room' });
    expect(none.result).toMatchObject({ RoomExists: false, TotalUser: 0, VisibleUserList: [] });
    const statuses = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await call(t, 'GetRoomOnlineUsers', { AppId: 'demo-app', RoomId: 'room-client' })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(39);
    expect(statuses.at(-1)).toBe(429);
    t.tick(1000);
    expect((await call(t, 'GetRoomOnlineUsers', { AppId: 'demo-app' })).code).toBe('MissingParameter');
  });
});
