import { describe, expect, it } from 'vitest';
import { presenceByUser, absentAt } from '../shared/room-presence.ts';
import { interpretEnvelope } from '../shared/volc-envelope.ts';
import { eventsBetween, NOTHING_SEEN, type SeenWorld, type SimCallbackEvent } from './callback-events.ts';
import { callOfficial } from './official-signer.ts';
import { T0, testSim, type TestSim } from './sim-test-kit.ts';

const MINUTE = 60_000;

/** Looks at the simulator every `stepMs` of its time for `forMs`, as the senders do, gathering what they would send. */
function lookEvery(t: TestSim, stepMs: number, forMs: number): SimCallbackEvent[] {
  let seen: SeenWorld = NOTHING_SEEN;
  const all: SimCallbackEvent[] = [];
  for (let elapsed = 0; ; elapsed += stepMs) {
    const { events, next } = eventsBetween(seen, t.sim.snapshots(), t.sim.clock.taskNow());
    seen = next;
    all.push(...events);
    if (elapsed >= forMs) return all;
    t.tick(stepMs);
  }
}

const inRoom = (events: SimCallbackEvent[], roomId: string) => events.filter((e) => e.data['RoomId'] === roomId && e.EventType.startsWith('User'));
const asPresence = (events: SimCallbackEvent[]) => events.map((e, i) => ({
  eventId: String(i), userId: String(e.data['UserId']), kind: e.EventType === 'UserJoinRoom' ? 'join' as const : 'leave' as const,
  reason: typeof e.data['Reason'] === 'string' ? e.data['Reason'] : undefined, at: e.at,
}));

async function onlineUsers(t: TestSim, roomId: string): Promise<string[]> {
  const res = await callOfficial(t.sim.fetch, { params: { Action: 'GetRoomOnlineUsers', Version: '2023-11-01', AppId: 'demo-app', RoomId: roomId }, credentials: t.sim.credentials, date: new Date(t.wall()) });
  const outcome = interpretEnvelope(res.status, res.body);
  if (outcome.kind !== 'ok') throw new Error(`GetRoomOnlineUsers failed: ${JSON.stringify(outcome)}`);
  return (outcome.result as { VisibleUserList: string[] }).VisibleUserList;
}

describe('presence callbacks', () => {
  it('report fan-joe leaving lily\'s running task with connectionLost, at the moment he left, with the documented fields', () => {
    const t = testSim({ speed: 1 });
    const events = inRoom(lookEvery(t, 1000, 0), 'room-client');
    const camStart = T0 - 10 * MINUTE;
    const leave = events.find((e) => e.EventType === 'UserLeaveRoom' && e.data['UserId'] === 'fan-joe' && e.at > camStart);
    expect(leave?.at).toBe(camStart + 5 * MINUTE);
    expect(leave?.data).toEqual({ RoomId: 'room-client', UserId: 'fan-joe', DeviceType: 'web', Reason: 'connectionLost', Timestamp: camStart + 5 * MINUTE });
    const joins = events.filter((e) => e.EventType === 'UserJoinRoom' && e.at === camStart).map((e) => e.data);
    expect(joins).toEqual([{ RoomId: 'room-client', UserId: 'fan-joe', Timestamp: camStart }, { RoomId: 'room-client', UserId: 'lily', Timestamp: camStart }]);
    // lily's first task ended 50 minutes before T0: both left the room then, as users do.
    expect(events.filter((e) => e.EventType === 'UserLeaveRoom' && e.at === T0 - 50 * MINUTE).map((e) => [e.data['UserId'], e.data['Reason']]))
      .toEqual([['fan-joe', 'userLeave'], ['lily', 'userLeave']]);
  });

  it('say the same users are in each room as GetRoomOnlineUsers, as the tasks live on', async () => {
    const t = testSim({ speed: 1 });
    let seen: SeenWorld = NOTHING_SEEN;
    const all: SimCallbackEvent[] = [];
    for (const step of [0, 3 * MINUTE, 50 * MINUTE, 2 * 60 * MINUTE]) {
      t.tick(step);
      const look = eventsBetween(seen, t.sim.snapshots(), t.sim.clock.taskNow());
      seen = look.next;
      all.push(...look.events);
      for (const roomId of ['room-client', 'webinar-q3', 'class-math-101', 'pk-arena-7', 'room-waiting', 'room-lost']) {
        const said = presenceByUser(asPresence(inRoom(all, roomId)))
          .filter((u) => u.spans.length > 0 && absentAt(u, t.sim.clock.taskNow() + 1) === undefined)
          .map((u) => u.userId);
        expect({ roomId, step, users: said }).toEqual({ roomId, step, users: await onlineUsers(t, roomId) });
      }
      t.tick(1000); // GetRoomOnlineUsers allows 40 calls a second
    }
  });

  it('are the same joins and leaves at the same moments however often the simulator is looked at', () => {
    const often = lookEvery(testSim({ speed: 1 }), 30_000, 3 * 60 * MINUTE).filter((e) => e.EventType.startsWith('User'));
    const rarely = lookEvery(testSim({ speed: 1 }), 3 * 60 * MINUTE, 3 * 60 * MINUTE).filter((e) => e.EventType.startsWith('User'));
    const key = (e: SimCallbackEvent) => `${e.at} ${e.EventType} ${JSON.stringify(e.data)}`;
    expect(often.map(key).sort()).toEqual(rarely.map(key).sort());
    expect(often.length).toBeGreaterThan(10);
  });
});

describe('task callbacks carry the moment of the change', () => {
  it('a task found running started at its StartTime; a state change is dated to the ms it happened, not to the look', () => {
    const t = testSim({ speed: 1 });
    const first = lookEvery(t, 1000, 0).filter((e) => e.data['TaskId'] === 'waiting-mix');
    expect(first.map((e) => [e.EventType, e.at])).toEqual([['TranscodeStarted', T0 - 30_000]]);
    // starting-soon: Status 1 for 3.5 minutes, then Status 2; looked at a minute apart.
    let seen: SeenWorld = eventsBetween(NOTHING_SEEN, t.sim.snapshots(), t.sim.clock.taskNow()).next;
    const changes: SimCallbackEvent[] = [];
    for (let i = 0; i < 5; i++) {
      t.tick(MINUTE);
      const look = eventsBetween(seen, t.sim.snapshots(), t.sim.clock.taskNow());
      seen = look.next;
      changes.push(...look.events.filter((e) => e.data['TaskId'] === 'waiting-mix'));
    }
    const running = changes.find((e) => e.EventType === 'TranscodeStateChanged' && e.data['Status'] === 2);
    expect(running?.at).toBe(T0 - 30_000 + 3 * MINUTE + 30_000);
  });

  it('a task that ended before the first look reports its stop at its EndTime', () => {
    const lost = lookEvery(testSim({ speed: 1 }), 1000, 0).filter((e) => e.data['TaskId'] === 'ended-mix');
    expect(lost.map((e) => [e.EventType, e.at - lost[0]!.at])).toEqual([['TranscodeStarted', 0], ['TranscodeStopped', 1_504_000]]);
  });
});
