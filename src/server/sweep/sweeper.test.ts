import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import type { RoomClient, RoomQuery } from '../upstream-room-client.ts';
import type { GovernedOutcome } from '../governor/governor-types.ts';
import type { TaskRef } from '../../shared/task-ref.ts';
import { createSweeper, type SweeperDeps } from './sweeper.ts';

const NOW = Date.UTC(2025, 0, 2, 10);

function fakeRooms(roomCount: number, users: Record<string, string[]>): { client: RoomClient; queries: RoomQuery[] } {
  const queries: RoomQuery[] = [];
  const all = Array.from({ length: roomCount }, (_, i) => ({ RoomId: `room-${i}`, IsFinished: i % 7 === 6 }));
  return {
    queries,
    client: {
      query: async (q) => {
        queries.push(q);
        if (q.action === 'ListRoomInfo') {
          const page = all.slice((q.pageNum - 1) * q.pageSize, q.pageNum * q.pageSize);
          return { kind: 'ok', result: { Total: all.length, HasMore: q.pageNum * q.pageSize < all.length, RoomList: page } };
        }
        const list = users[q.roomId] ?? [];
        return { kind: 'ok', result: { RoomExists: true, TotalUser: list.length, VisibleUserList: list } };
      },
    },
  };
}

function sweeper(client: RoomClient, getTask: (ref: TaskRef) => Promise<GovernedOutcome>, extra: Partial<SweeperDeps> = {}) {
  const watched: Array<{ ref: TaskRef; label: string }> = [];
  const s = createSweeper({
    appIds: ['demo-app'], rooms: client, getTask, now: () => NOW, periodMs: 60_000, logger: silentLogger,
    watch: async (ref, opts) => { watched.push({ ref, label: opts.label }); },
    sleep: async () => undefined, ...extra,
  });
  return { s, watched };
}

const found = (taskId: string): GovernedOutcome => ({ kind: 'ok', requestId: 'r', task: { TaskId: taskId }, fetchedAt: NOW });
const notFound: GovernedOutcome = { kind: 'upstream-error', error: { code: 'InvalidParameter.ErrorActiveTaskNotFound', message: 'no task', httpStatus: 400 }, fetchedAt: NOW };

describe('the room sweep', () => {
  it('pages ListRoomInfo 100 at a time over at most the last 24 hours, and skips finished rooms', async () => {
    const { client, queries } = fakeRooms(250, {});
    const { s } = sweeper(client, async () => notFound);
    const report = await s.sweepOnce();
    const lists = queries.filter((q) => q.action === 'ListRoomInfo');
    expect(lists.map((q) => q.action === 'ListRoomInfo' && q.pageNum)).toEqual([1, 2, 3]);
    for (const q of lists) {
      if (q.action !== 'ListRoomInfo') continue;
      expect(q.pageSize).toBe(100);
      expect(q.endTime).toBe(NOW);
      expect(q.endTime - q.startTime).toBeLessThanOrEqual(24 * 3_600_000);
    }
    expect(report.rooms).toBe(250 - Math.floor(250 / 7));
  });

  it('asks each online user\'s first task and watches what it finds with the label sweep', async () => {
    const { client } = fakeRooms(2, { 'room-0': ['lily', 'fan-joe'], 'room-1': ['ming'] });
    const asked: TaskRef[] = [];
    const { s, watched } = sweeper(client, async (ref) => { asked.push(ref); return ref.userId === 'lily' ? found('lily') : notFound; });
    const report = await s.sweepOnce();
    expect(asked.map((r) => [r.roomId, r.userId, r.taskId])).toEqual([['room-0', 'lily', undefined], ['room-0', 'fan-joe', undefined], ['room-1', 'ming', undefined]]);
    expect(watched).toEqual([{ ref: { version: '2020-12-01', appId: 'demo-app', roomId: 'room-0', taskId: 'lily' }, label: 'sweep' }]);
    expect(report).toMatchObject({ users: 3, found: 1, failed: false });
  });

  it('ends the round when the governor throttles it, so people come first', async () => {
    const { client } = fakeRooms(1, { 'room-0': ['a', 'b', 'c'] });
    let calls = 0;
    const { s } = sweeper(client, async () => { calls += 1; return { kind: 'throttled', retryAfterMs: 100, reason: 'deadline' }; });
    expect((await s.sweepOnce()).failed).toBe(true);
    expect(calls).toBe(1);
  });

  it('reports a ListRoomInfo error and sends nothing more for that app', async () => {
    const queries: RoomQuery[] = [];
    const errors: string[] = [];
    const client: RoomClient = { query: async (q) => { queries.push(q); return { kind: 'upstream-error', error: { code: 'FlowLimitExceeded', message: 'slow down', httpStatus: 429 } }; } };
    const { s } = sweeper(client, async () => notFound, { onError: (stage) => errors.push(stage) });
    expect((await s.sweepOnce()).failed).toBe(true);
    expect(queries).toHaveLength(1);
    expect(errors).toEqual(['rooms']);
  });
});
