import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACK_PATH, CallbackEventsResponseSchema } from '../../shared/callback-api.ts';
import { ApiErrorBodySchema } from '../../shared/mixscope-api.ts';
import type { TaskRef } from '../../shared/task-ref.ts';
import { callbackSignature } from '../../shared/volc-callback-signature.ts';
import { createApp } from '../app.ts';
import type { ServerConfig } from '../env.ts';
import type { HistoryDatabase } from '../history/history-db.ts';
import { describeEachStore, type FreshStore } from '../history/test-stores.ts';
import { createMetrics } from '../ops/metrics.ts';
import { fakeUpstream, recordingLogger, TEST_NOW, testConfig } from '../test-support.ts';
import { createCallbackMetrics } from './callback-metrics.ts';
import { createCallbackProcessor, type CallbackProcessor } from './callback-processor.ts';
import type { CallbackRateLimit } from './callback-rate-limit.ts';
import { createCallbackStore, type CallbackStore } from './callback-store.ts';

const SECRET = 'cb-secret-0123456789';
const TOKEN = 'dashboard-token-0123456789';

let fresh: FreshStore;
let db: Kysely<HistoryDatabase>;
let store: CallbackStore;

function setup(config: Partial<ServerConfig> = {}, opts: { rate?: CallbackRateLimit; autoApply?: boolean; store?: CallbackStore } = {}) {
  const watched: Array<{ ref: TaskRef; label: string }> = [];
  const logger = recordingLogger();
  const registry = createMetrics();
  const metrics = createCallbackMetrics(registry);
  const processor: CallbackProcessor = createCallbackProcessor({
    store, now: () => TEST_NOW, logger, onApplied: metrics.applied,
    watch: async (ref, o) => { watched.push({ ref, label: o.label }); },
  });
  const app = createApp({
    config: testConfig({ callbackSecret: SECRET, ...config }), upstream: fakeUpstream({ kind: 'network', message: 'unused' } as never), clock: () => TEST_NOW, logger,
    callbacks: { store: opts.store ?? store, stored: () => { if (opts.autoApply !== false) processor.kick(); }, metrics, ...(opts.rate ? { rate: opts.rate } : {}) },
  });
  // Volcengine calls a public domain, sends no Origin and no dashboard token.
  const post = (body: string, headers: Record<string, string> = {}) =>
    app.request(CALLBACK_PATH, { method: 'POST', body, headers: { 'content-type': 'application/json', host: 'mixscope.example.com', ...headers } });
  return { app, post, watched, logger, registry, processor };
}

async function envelope(over: Record<string, string> = {}, eventData: object = { AppId: 'app1', RoomId: 'room1', TaskId: 'task1' }) {
  const base = {
    EventType: 'TranscodeStarted', EventData: JSON.stringify(eventData), EventTime: '2024-01-02T03:04:05.123Z',
    EventId: 'evt-1', AppId: 'app1', Version: '2020-12-01', Nonce: '4821', ...over,
  };
  const signature = await callbackSignature({ ...base, Nonce: base.Nonce ?? '' }, SECRET);
  return { ...base, Signature: signature };
}

const rows = () => db.selectFrom('callback_events').selectAll().execute();

describeEachStore('callbacks', (backend) => {
  beforeEach(async () => {
    fresh = await backend.fresh();
    db = await fresh.open();
    store = createCallbackStore(db);
  });
  afterEach(async () => {
    await db.destroy();
    await fresh.dispose();
  });

  describe('POST /api/volcengine/callback', () => {
    it('stores a signed event, answers 200 ok, then watches the task it names with the label "callback"', async () => {
      const { post, watched, processor, app, registry } = setup();
      const res = await post(JSON.stringify(await envelope()));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('ok');
      expect(await rows()).toHaveLength(1);
      await processor.idle();
      expect(watched).toEqual([{ ref: { version: '2020-12-01', appId: 'app1', roomId: 'room1', taskId: 'task1' }, label: 'callback' }]);
      const list = CallbackEventsResponseSchema.parse(await (await app.request('/api/callback-events?appId=app1&roomId=room1&taskId=task1')).json());
      expect(list.events).toMatchObject([{ eventId: 'evt-1', eventType: 'TranscodeStarted', outcome: 'watched', taskId: 'task1', eventTime: Date.parse('2024-01-02T03:04:05.123Z') }]);
      expect(JSON.parse(list.events[0]?.eventData ?? '')).toEqual({ AppId: 'app1', RoomId: 'room1', TaskId: 'task1' });
      expect(registry.render()).toMatch(/mixscope_callbacks_received_total\{outcome="stored"\} 1/);
      expect(registry.render()).toMatch(/mixscope_callback_events_applied_total\{outcome="watched"\} 1/);
    });

    it('accepts the Noce spelling and an upper-case signature', async () => {
      const { post } = setup();
      const e = await envelope({ EventId: 'evt-noce' });
      const { Nonce, ...rest } = e;
      expect((await post(JSON.stringify({ ...rest, Noce: Nonce, Signature: e.Signature.toUpperCase() }))).status).toBe(200);
    });

    it('answers a redelivery 200 and stores it once', async () => {
      const { post, processor, watched, registry } = setup();
      const body = JSON.stringify(await envelope());
      expect((await post(body)).status).toBe(200);
      expect((await post(body)).status).toBe(200);
      await processor.idle();
      expect(await rows()).toHaveLength(1);
      expect(watched).toHaveLength(1);
      expect(registry.render()).toMatch(/outcome="duplicate"\} 1/);
    });

    it('answers callbacks that arrive together after storing them together, a redelivery among them once', async () => {
      const batches: number[] = [];
      const counting: CallbackStore = { ...store, addMany: (events) => { batches.push(events.length); return store.addMany(events); } };
      const { post, processor, watched, registry } = setup({}, { store: counting });
      const bodies = await Promise.all(['evt-a', 'evt-b', 'evt-a', 'evt-c'].map(async (id, i) => JSON.stringify(await envelope({ EventId: id }, { RoomId: 'room1', TaskId: `task-${i}` }))));
      const statuses = await Promise.all(bodies.map(async (b) => (await post(b)).status));
      expect(statuses).toEqual([200, 200, 200, 200]);
      await processor.idle();
      expect((await rows()).map((r) => r.event_id).sort()).toEqual(['evt-a', 'evt-b', 'evt-c']);
      expect(batches.reduce((a, b) => a + b, 0)).toBe(4);
      expect(watched).toHaveLength(3);
      expect(registry.render()).toMatch(/outcome="duplicate"\} 1/);
      expect(registry.render()).toMatch(/outcome="stored"\} 3/);
    });

    it('answers 503 to every callback of a batch whose write fails, and stores none of them', async () => {
      const failing: CallbackStore = { ...store, addMany: async () => { throw new Error('database is locked'); } };
      const { post, logger, registry } = setup({}, { store: failing });
      const bodies = await Promise.all(['evt-1', 'evt-2', 'evt-3'].map(async (id) => JSON.stringify(await envelope({ EventId: id }))));
      const answers = await Promise.all(bodies.map((b) => post(b)));
      expect(answers.map((r) => r.status)).toEqual([503, 503, 503]);
      for (const r of answers) expect(ApiErrorBodySchema.parse(await r.json()).error.message).toMatch(/send it again/);
      expect(await rows()).toHaveLength(0);
      expect(registry.render()).toMatch(/outcome="failed"\} 3/);
      expect(logger.lines.join('\n')).toMatch(/could not store a callback/);
    });

    it('refuses a forged or missing signature with 401, stores nothing, and logs neither secret nor signature', async () => {
      const { post, logger } = setup();
      const good = await envelope();
      const forged = { ...good, Signature: (await callbackSignature({ ...good }, 'not-the-secret')) };
      const r1 = await post(JSON.stringify(forged));
      expect(r1.status).toBe(401);
      expect(ApiErrorBodySchema.parse(await r1.json()).error.message).toMatch(/MIXSCOPE_CALLBACK_SECRET/);
      const tampered = { ...good, EventData: JSON.stringify({ AppId: 'app1', RoomId: 'room1', TaskId: 'other' }) };
      expect((await post(JSON.stringify(tampered))).status).toBe(401);
      const { Signature: _s, ...unsigned } = good;
      expect((await post(JSON.stringify(unsigned))).status).toBe(401);
      expect(await rows()).toHaveLength(0);
      const log = logger.lines.join('\n');
      expect(log).not.toContain(SECRET);
      expect(log).not.toContain(forged.Signature);
      expect(log).toMatch(/bad-signature/);
    });

    it('is 404 with how to turn it on when no secret is configured', async () => {
      const { post } = setup({ callbackSecret: undefined });
      const res = await post(JSON.stringify(await envelope()));
      expect(res.status).toBe(404);
      expect(ApiErrorBodySchema.parse(await res.json()).error.message).toMatch(/set MIXSCOPE_CALLBACK_SECRET/);
      expect(await rows()).toHaveLength(0);
    });

    it('takes a body over the 16 kB API limit but refuses one over 64 kB with 413', async () => {
      const { post } = setup();
      const big = await envelope({ EventId: 'evt-big' }, { AppId: 'app1', RoomId: 'room1', TaskId: 'task1', Pad: 'x'.repeat(40_000) });
      expect((await post(JSON.stringify(big))).status).toBe(200);
      const huge = await envelope({ EventId: 'evt-huge' }, { AppId: 'app1', RoomId: 'room1', TaskId: 'task1', Pad: 'x'.repeat(70_000) });
      expect((await post(JSON.stringify(huge))).status).toBe(413);
      // Chunked, without Content-Length: the capped read still stops it.
      const stream = new Blob([JSON.stringify(huge)]).stream();
      const res = await setup().app.request(CALLBACK_PATH, { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
      expect(res.status).toBe(413);
      expect((await rows()).map((r) => r.event_id)).toEqual(['evt-big']);
    });

    it('answers malformed JSON and missing fields 400 with what is wrong', async () => {
      const { post } = setup();
      const r1 = await post('{"EventType":');
      expect(r1.status).toBe(400);
      expect(ApiErrorBodySchema.parse(await r1.json()).error.message).toMatch(/not JSON/);
      const { EventId: _e, ...noId } = await envelope();
      const r2 = await post(JSON.stringify(noId));
      expect(r2.status).toBe(400);
      expect(ApiErrorBodySchema.parse(await r2.json()).error.message).toMatch(/EventId/);
      const r3 = await post(JSON.stringify(await envelope({ EventTime: 'yesterday' })));
      expect(r3.status).toBe(400);
      expect(await rows()).toHaveLength(0);
    });

    it('refuses an AppId outside MIXSCOPE_APP_IDS with 403 and stores nothing', async () => {
      const { post } = setup({ appIds: ['someone-else'] });
      expect((await post(JSON.stringify(await envelope()))).status).toBe(403);
      expect(await rows()).toHaveLength(0);
    });

    it('answers 429 with Retry-After beyond its rate', async () => {
      const { post } = setup({}, { rate: { perSecond: 1, burst: 3 } });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(JSON.stringify(await envelope({ EventId: `evt-${i}` })))).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await post('{}');
      expect(res.headers.get('retry-after')).toBe('1');
    });

    it('needs no dashboard token, while the event listing does', async () => {
      const { post, app } = setup({ token: TOKEN });
      expect((await post(JSON.stringify(await envelope()))).status).toBe(200);
      expect((await app.request('/api/callback-events?appId=app1&roomId=room1')).status).toBe(401);
      const ok = await app.request('/api/callback-events?appId=app1&roomId=room1', { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
    });
  });

  describe('applying stored events', () => {
    it('applies in EventTime order whatever the arrival order, and lists newest first', async () => {
      const { post, processor, watched, app } = setup({}, { autoApply: false });
      const late = await envelope({ EventId: 'e-late', EventType: 'TranscodeStopped', EventTime: '2024-01-02T03:10:00Z' }, { RoomId: 'room1', TaskId: 'task-b' });
      const early = await envelope({ EventId: 'e-early', EventTime: '2024-01-02T03:00:00Z' }, { RoomId: 'room1', TaskId: 'task-a' });
      expect((await post(JSON.stringify(late))).status).toBe(200);
      expect((await post(JSON.stringify(early))).status).toBe(200);
      processor.kick();
      await processor.idle();
      expect(watched.map((w) => w.ref.taskId)).toEqual(['task-a', 'task-b']);
      const list = CallbackEventsResponseSchema.parse(await (await app.request('/api/callback-events?appId=app1&roomId=room1')).json());
      expect(list.events.map((e) => e.eventId)).toEqual(['e-late', 'e-early']);
    });

    it('watches a task once for the events of one batch that name it, and marks each of them watched', async () => {
      const { post, processor, watched } = setup({}, { autoApply: false });
      for (const [id, type] of [['s1', 'TranscodeStarted'], ['s2', 'TranscodeUpdated'], ['s3', 'TranscodeStateChanged']] as const) {
        expect((await post(JSON.stringify(await envelope({ EventId: id, EventType: type }))))).toHaveProperty('status', 200);
      }
      processor.kick();
      await processor.idle();
      expect(watched.map((w) => w.ref.taskId)).toEqual(['task1']);
      expect(Object.fromEntries((await rows()).map((r) => [r.event_id, r.outcome]))).toEqual({ s1: 'watched', s2: 'watched', s3: 'watched' });
    });

    it('lists the events applied since a time, for a replica catching up', async () => {
      const { post, processor } = setup({}, { autoApply: false });
      const late = await envelope({ EventId: 'e-late', EventType: 'TranscodeStopped', EventTime: '2024-01-02T03:10:00Z' }, { RoomId: 'room1', TaskId: 'task-b' });
      const early = await envelope({ EventId: 'e-early', EventTime: '2024-01-02T03:00:00Z' }, { RoomId: 'room1', TaskId: 'task-a' });
      expect((await post(JSON.stringify(late))).status).toBe(200);
      expect(await store.appliedSince(TEST_NOW, 10)).toEqual([]);
      expect((await post(JSON.stringify(early))).status).toBe(200);
      processor.kick();
      await processor.idle();
      // Applied in the same millisecond (the test's clock stands still): then in the order they arrived.
      expect((await store.appliedSince(TEST_NOW, 10)).map((e) => [e.eventId, e.taskId])).toEqual([['e-late', 'task-b'], ['e-early', 'task-a']]);
      expect((await store.appliedSince(TEST_NOW, 1)).map((e) => e.eventId)).toEqual(['e-late']);
      expect(await store.appliedSince(TEST_NOW + 1, 10)).toEqual([]);
    });

    it('keeps presence facts and keeps events that name no task', async () => {
      const { post, processor, watched } = setup();
      const leave = await envelope({ EventId: 'e-leave', EventType: 'UserLeaveRoom' }, { RoomId: 'room1', UserId: 'teacher', Reason: 'connectionLost', Timestamp: 1_704_164_645_000, DeviceType: 'web' });
      const orphan = await envelope({ EventId: 'e-orphan' }, { Something: 'else' });
      const bare = await envelope({ EventId: 'e-bare', EventData: 'not json' });
      for (const e of [leave, orphan, bare]) expect((await post(JSON.stringify(e))).status).toBe(200);
      await processor.idle();
      expect(await store.presence('app1', 'room1')).toEqual([{ eventId: 'e-leave', appId: 'app1', roomId: 'room1', userId: 'teacher', kind: 'leave', reason: 'connectionLost', at: 1_704_164_645_000 }]);
      const outcomes = Object.fromEntries((await rows()).map((r) => [r.event_id, r.outcome]));
      expect(outcomes).toEqual({ 'e-leave': 'presence', 'e-orphan': 'unattributed', 'e-bare': 'unattributed' });
      expect(watched).toHaveLength(0);
    });

    it('stores without watching when MIXSCOPE_CALLBACK_WATCH=0', async () => {
      const processor = createCallbackProcessor({ store, now: () => TEST_NOW, logger: recordingLogger(), watch: undefined });
      await store.add({ envelope: { ...(await envelope()) }, rawBody: JSON.stringify(await envelope()), eventTime: 1, receivedAt: 2, roomId: 'room1', taskId: 'task1' });
      processor.kick();
      await processor.idle();
      expect((await rows())[0]?.outcome).toBe('watch-off');
    });
  });
});
