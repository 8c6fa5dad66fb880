import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator/simulator.ts';
import { TEST_CREDENTIALS, TEST_NOW } from './test-support.ts';
import { createUpstreamClient } from './upstream-client.ts';
import { ROOM_ACTIONS, type RoomQuery } from './upstream-room-client.ts';

const ENDPOINT = 'https://rtc.example.test';
const PARAMS = {
  ListRoomInfo: new Set(['Action', 'Version', 'AppId', 'StartTime', 'EndTime', 'RoomId', 'PageNum', 'PageSize']),
  GetRoomOnlineUsers: new Set(['Action', 'Version', 'AppId', 'RoomId']),
};

describe('the room client', () => {
  it('sends only ListRoomInfo or GetRoomOnlineUsers, in their versions, to the endpoint\'s "/" and with their documented params', async () => {
    const seen: Request[] = [];
    const client = createUpstreamClient({
      fetch: async (req) => { seen.push(req); return Response.json({ ResponseMetadata: { RequestId: 'r' }, Result: {} }); },
      endpoint: ENDPOINT, credentials: TEST_CREDENTIALS, region: 'cn-north-1', timeoutMs: 1000, clock: () => TEST_NOW,
    });
    const hostile = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('x&Action=StopPushStreamToCDN', '../../evil', 'https://evil.example/', 'a=b&Version=2022-01-01'));
    const query: fc.Arbitrary<RoomQuery> = fc.oneof(
      fc.record({ action: fc.constant('ListRoomInfo' as const), appId: hostile, roomId: hostile, startTime: fc.integer({ min: 0, max: 4e12 }), endTime: fc.integer({ min: 0, max: 4e12 }), pageNum: fc.nat(), pageSize: fc.nat() }),
      fc.record({ action: fc.constant('GetRoomOnlineUsers' as const), appId: hostile, roomId: hostile }),
    );
    await fc.assert(fc.asyncProperty(query, async (q) => {
      seen.length = 0;
      await client.rooms?.query(q);
      expect(seen).toHaveLength(1);
      const url = new URL(seen[0]?.url ?? '');
      expect(seen[0]?.method).toBe('GET');
      expect(url.origin).toBe(ENDPOINT);
      expect(url.pathname).toBe('/');
      expect(url.searchParams.getAll('Action')).toEqual([q.action]);
      expect(ROOM_ACTIONS[q.action]).toContain(url.searchParams.get('Version'));
      expect(url.searchParams.getAll('Version')).toHaveLength(1);
      for (const key of url.searchParams.keys()) expect(PARAMS[q.action]).toContain(key);
      expect(url.searchParams.get('AppId')).toBe(q.appId);
    }), { numRuns: 100 });
  });

  it('reads the simulator\'s rooms and users through the signed request', async () => {
    const sim = createSimulator({ seed: 1 });
    const client = createUpstreamClient({ fetch: (req) => sim.fetch(req), endpoint: ENDPOINT, credentials: sim.credentials, region: sim.region, timeoutMs: 5000, clock: Date.now });
    const now = sim.clock.taskNow();
    const rooms = await client.rooms?.query({ action: 'ListRoomInfo', appId: 'demo-app', startTime: now - 3_600_000, endTime: now, pageNum: 1, pageSize: 100 });
    expect(rooms?.kind).toBe('ok');
    const users = await client.rooms?.query({ action: 'GetRoomOnlineUsers', appId: 'demo-app', roomId: 'room-client' });
    expect(users).toMatchObject({ kind: 'ok', result: { RoomExists: true, VisibleUserList: ['lily'] } });
    const refused = await client.rooms?.query({ action: 'ListRoomInfo', appId: 'demo-app', startTime: now - 48 * 3_600_000, endTime: now, pageNum: 1, pageSize: 100 });
    expect(refused).toMatchObject({ kind: 'upstream-error', error: { code: 'InvalidParameter' } });
  });
});
