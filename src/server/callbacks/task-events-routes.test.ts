import type { Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CALLBACK_PATH } from '../../shared/callback-api.ts';
import { ApiErrorBodySchema } from '../../shared/mixscope-api.ts';
import { TASK_EVENTS_PATH, TaskEventsResponseSchema } from '../../shared/task-events-api.ts';
import { callbackSignature } from '../../shared/volc-callback-signature.ts';
import { createApp } from '../app.ts';
import type { ServerConfig } from '../env.ts';
import type { HistoryDatabase } from '../history/history-db.ts';
import { describeEachStore, type FreshStore } from '../history/test-stores.ts';
import { fakeUpstream, recordingLogger, TEST_NOW, testConfig } from '../test-support.ts';
import { createCallbackProcessor } from './callback-processor.ts';
import { createCallbackStore, type CallbackStore } from './callback-store.ts';

const SECRET = 'cb-secret-0123456789';
let fresh: FreshStore;
let db: Kysely<HistoryDatabase>;
let store: CallbackStore;

function setup(config: Partial<ServerConfig> = {}) {
  const logger = recordingLogger();
  const processor = createCallbackProcessor({ store, now: () => TEST_NOW, logger, watch: undefined });
  const app = createApp({
    config: testConfig({ callbackSecret: SECRET, ...config }), upstream: fakeUpstream({ kind: 'network', message: 'unused' } as never), clock: () => TEST_NOW, logger,
    callbacks: { store, stored: () => processor.kick() },
  });
  /** Volcengine's delivery: a signed envelope POSTed to the receiver. */
  const deliver = async (eventId: string, eventType: string, at: number, data: object) => {
    const base = { EventType: eventType, EventData: JSON.stringify(data), EventTime: new Date(at).toISOString(), EventId: eventId, AppId: 'app1', Version: '2020-12-01', Nonce: '1234' };
    const body = JSON.stringify({ ...base, Signature: await callbackSignature(base, SECRET) });
    const res = await app.request(CALLBACK_PATH, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
  };
  const events = async (query: string) => {
    await processor.idle();
    return app.request(`${TASK_EVENTS_PATH}?${query}`);
  };
  return { deliver, events };
}

const T = Date.UTC(2026, 0, 2, 10, 0, 0);
const MIN = 60_000;

describeEachStore('GET /api/task/events', (backend) => {
  beforeEach(async () => {
    fresh = await backend.fresh();
    db = await fresh.open();
    store = createCallbackStore(db);
  });
  afterEach(async () => {
    await db.destroy();
    await fresh.dispose();
  });

  it('answers the task\'s Transcode callbacks oldest first and its room\'s presence, however they arrived', async () => {
    const { deliver, events } = setup();
    await deliver('stop', 'TranscodeStopped', T + 30 * MIN, { AppId: 'app1', RoomId: 'class', TaskId: 'mix', Status: 3 });
    await deliver('start', 'TranscodeStarted', T, { AppId: 'app1', RoomId: 'class', TaskId: 'mix' });
    await deliver('other', 'TranscodeStarted', T, { AppId: 'app1', RoomId: 'class', TaskId: 'another-mix' });
    // Left before the join arrived, and the leave came twice.
    await deliver('leave', 'UserLeaveRoom', T + 2 * MIN, { RoomId: 'class', UserId: 'teacher-ming', DeviceType: 'web', Reason: 'connectionLost', Timestamp: T + 2 * MIN });
    await deliver('join', 'UserJoinRoom', T, { RoomId: 'class', UserId: 'teacher-ming', Timestamp: T });
    await deliver('leave', 'UserLeaveRoom', T + 2 * MIN, { RoomId: 'class', UserId: 'teacher-ming', DeviceType: 'web', Reason: 'connectionLost', Timestamp: T + 2 * MIN });
    await deliver('stu', 'UserJoinRoom', T + MIN, { RoomId: 'class', UserId: 'stu-li', Timestamp: T + MIN });
    const res = await events('appId=app1&roomId=class&taskId=mix&version=2020-12-01');
    expect(res.status).toBe(200);
    const body = TaskEventsResponseSchema.parse(await res.json());
    expect(body.events.map((e) => [e.eventType, e.eventTime])).toEqual([['TranscodeStarted', T], ['TranscodeStopped', T + 30 * MIN]]);
    expect(JSON.parse(body.events[1]?.eventData ?? '')).toMatchObject({ Status: 3 });
    expect(body.presence).toEqual([
      { userId: 'stu-li', spans: [{ joinedAt: T + MIN, leftAt: null, reason: null }] },
      { userId: 'teacher-ming', spans: [{ joinedAt: T, leftAt: T + 2 * MIN, reason: 'connectionLost' }] },
    ]);
    expect(body.truncated).toBe(false);
    expect(body.now).toBe(TEST_NOW);
  });

  it('finds a client task by the TaskId Volcengine stores for it', async () => {
    const { deliver, events } = setup();
    await deliver('first', 'TranscodeStarted', T, { RoomId: 'r', TaskId: 'lily' });
    await deliver('second', 'TranscodeStarted', T + MIN, { RoomId: 'r', TaskId: 'lily@@cam' });
    const first = TaskEventsResponseSchema.parse(await (await events('appId=app1&roomId=r&userId=lily&version=2020-12-01')).json());
    expect(first.events.map((e) => e.eventId)).toEqual(['first']);
    const second = TaskEventsResponseSchema.parse(await (await events('appId=app1&roomId=r&userId=lily&taskId=cam&version=2020-12-01')).json());
    expect(second.events.map((e) => e.eventId)).toEqual(['second']);
  });

  it('refuses a bad reference with what to fix, and an AppId outside MIXSCOPE_APP_IDS', async () => {
    const bad = await setup().events('appId=app1&version=2020-12-01');
    expect(bad.status).toBe(400);
    expect(ApiErrorBodySchema.parse(await bad.json()).error.message).toMatch(/RoomId/i);
    const refused = await setup({ appIds: ['other-app'] }).events('appId=app1&roomId=r&taskId=t&version=2020-12-01');
    expect(refused.status).toBe(403);
  });
});
