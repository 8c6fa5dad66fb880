import { afterEach, describe, expect, it } from 'vitest';
import { CallbackNoticeSchema, FleetChangeSchema } from '../../shared/fleet-api.ts';
import { ApiErrorBodySchema } from '../../shared/mixscope-api.ts';
import { createFleetKit, type FleetKit } from './fleet-test-kit.ts';
import { sseReader, type SseReader } from './sse-test-reader.ts';

const RUNNING = { Status: 2, PushStreamState: 5, StartTime: 1 };
const RECONNECTING = { Status: 2, PushStreamState: 3, StartTime: 1 };
const REF = { version: '2020-12-01', appId: 'app', roomId: 'room', taskId: 'task' } as const;
const KEY = 'app|room|task|';

let kit: FleetKit;
const readers: SseReader[] = [];
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.cancel().catch(() => undefined)));
  await kit.dispose();
});

async function connect(query: string, headers: Record<string, string> = {}) {
  const res = await kit.app.request(`/api/events${query}`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  // Through nginx the events would wait in its buffer otherwise.
  expect(res.headers.get('x-accel-buffering')).toBe('no');
  const reader = sseReader(res);
  readers.push(reader);
  return reader;
}

/** Streams open and close as the request runs: wait until the hub has the count asked for. */
const streamsAre = async (n: number) => {
  while (kit.hub.streams() !== n) await new Promise((resolve) => setImmediate(resolve));
};
const opened = streamsAre;

/** Adding a task is two changes (added, then observed): read until the row says what is asked. */
async function nextWhere(reader: SseReader, attention: string) {
  for (;;) {
    const event = await reader.next();
    if (FleetChangeSchema.parse(JSON.parse(event.data)).task?.attention === attention) return event;
  }
}

describe('GET /api/events', () => {
  it('pushes a recorded change to a fleet stream and to a stream naming that task', async () => {
    kit = await createFleetKit();
    const fleet = await connect('?fleet=1');
    const one = await connect(`?tasks=${encodeURIComponent(KEY)}`);
    const other = await connect(`?tasks=${encodeURIComponent('app|room|another|')}`);
    await opened(3);
    await kit.add(REF, RUNNING);
    const added = await nextWhere(fleet, 'running');
    expect(added.event).toBe('fleet');
    expect(FleetChangeSchema.parse(JSON.parse(added.data)).task).toMatchObject({ key: KEY, source: 'manual' });
    const forTask = await nextWhere(one, 'running');
    expect(forTask.event).toBe('task');
    expect(forTask.id).toBe(added.id);
    // The stream of another task gets nothing of it: its next event is its own.
    await kit.store.watch({ ...REF, taskId: 'another' });
    expect(FleetChangeSchema.parse(JSON.parse((await other.next()).data)).key).toBe('app|room|another|');
  });

  it('pushes a stored callback to the streams that show its task', async () => {
    kit = await createFleetKit();
    const one = await connect(`?tasks=${encodeURIComponent(KEY)}`);
    await opened(1);
    kit.bus.publish({ type: 'callback', notice: { key: KEY, eventId: 'e1', eventType: 'TranscodeStopped', eventTime: 5, appId: 'app', roomId: 'room', taskId: 'task' } });
    const event = await one.next();
    expect(event.event).toBe('callback');
    expect(CallbackNoticeSchema.parse(JSON.parse(event.data))).toMatchObject({ eventId: 'e1', eventType: 'TranscodeStopped' });
  });

  it('pushes a join or leave to the streams that name its room, and to no other', async () => {
    kit = await createFleetKit();
    const here = await connect(`?rooms=${encodeURIComponent('app|room')}`);
    const elsewhere = await connect(`?rooms=${encodeURIComponent('app|other')}`);
    await opened(2);
    const leave = (eventId: string, roomId: string) => kit.bus.publish({ type: 'callback', notice: { key: null, eventId, eventType: 'UserLeaveRoom', eventTime: 5, appId: 'app', roomId, taskId: null } });
    leave('e1', 'room');
    leave('e2', 'other');
    expect(CallbackNoticeSchema.parse(JSON.parse((await here.next()).data))).toMatchObject({ eventId: 'e1', roomId: 'room' });
    // The other room's stream gets its own leave first: nothing of this room came before it.
    expect(CallbackNoticeSchema.parse(JSON.parse((await elsewhere.next()).data))).toMatchObject({ eventId: 'e2', roomId: 'other' });
    // Resuming with the room replays it; a room that is not appId|roomId is refused.
    const resumed = await connect(`?rooms=${encodeURIComponent('app|room')}&lastEventId=999`);
    expect((await resumed.next()).event).toBe('callback');
    expect((await kit.app.request(`/api/events?rooms=${encodeURIComponent('app|room|task')}`)).status).toBe(400);
  });

  it('resumes after Last-Event-ID with what was missed, in order', async () => {
    kit = await createFleetKit();
    const first = await connect('?fleet=1');
    await opened(1);
    await kit.add(REF, RUNNING);
    const seen = await nextWhere(first, 'running');
    await first.cancel();
    await kit.store.record(REF, { ok: true, requestId: 'r', task: RECONNECTING, fetchedAt: 2 }, 2);
    await kit.store.watch({ ...REF, taskId: 'second' });
    await kit.hub.settled();
    const resumed = await connect('?fleet=1', { 'Last-Event-ID': seen.id ?? '' });
    const a = await resumed.next();
    const b = await resumed.next();
    expect(FleetChangeSchema.parse(JSON.parse(a.data)).task?.attention).toBe('reconnecting');
    expect(FleetChangeSchema.parse(JSON.parse(b.data)).key).toBe('app|room|second|');
    expect(Number(b.id)).toBeGreaterThan(Number(a.id));
    expect(Number(a.id)).toBeGreaterThan(Number(seen.id));
  });

  it('sends reset when the id is older than the ring holds, or was never issued here', async () => {
    kit = await createFleetKit({ hub: { ringSize: 2 } });
    for (const taskId of ['a', 'b', 'c', 'd']) await kit.store.watch({ ...REF, taskId });
    await kit.hub.settled();
    // Issued here (ids 1000 to 1003), but the ring of two no longer holds what followed 1000.
    const old = await connect('?fleet=1', { 'Last-Event-ID': '1000' });
    expect(await old.next()).toMatchObject({ event: 'reset', data: JSON.stringify({ reason: 'too-old' }) });
    // Below this process's first id, as another replica's or an earlier process's would be.
    const elsewhere = await connect('?fleet=1', { 'Last-Event-ID': '999' });
    expect(await elsewhere.next()).toMatchObject({ event: 'reset', data: JSON.stringify({ reason: 'unknown-id' }) });
    const future = await connect('?fleet=1', { 'Last-Event-ID': '99999' });
    expect(await future.next()).toMatchObject({ event: 'reset', data: JSON.stringify({ reason: 'unknown-id' }) });
    // Within the ring: the last two, no reset.
    const recent = await connect('?fleet=1', { 'Last-Event-ID': '1002' });
    expect((await recent.next()).id).toBe('1003');
  });

  it('frees the subscriber when the browser goes away', async () => {
    kit = await createFleetKit();
    const reader = await connect('?fleet=1');
    await opened(1);
    expect(kit.hub.streams()).toBe(1);
    await reader.cancel();
    await streamsAre(0);
    // A change after that reaches nobody and breaks nothing.
    await kit.add(REF, RUNNING);
    await kit.hub.settled();
    expect(kit.hub.streams()).toBe(0);
  });

  it('caps streams per client and overall with 429 and a reason', async () => {
    kit = await createFleetKit({ hub: { maxPerClient: 2, maxTotal: 3 } });
    await connect('?fleet=1');
    await connect('?fleet=1');
    await opened(2);
    const third = await kit.app.request('/api/events?fleet=1');
    expect(third.status).toBe(429);
    expect(ApiErrorBodySchema.parse(await third.json()).error.message).toContain('close a few mixscope tabs');
    await kit.dispose();
    kit = await createFleetKit({ hub: { maxPerClient: 5, maxTotal: 1 } });
    await connect('?fleet=1');
    await opened(1);
    const over = await kit.app.request('/api/events?fleet=1');
    expect(over.status).toBe(429);
    expect(ApiErrorBodySchema.parse(await over.json()).error.message).toContain('falls back to polling');
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    kit = await createFleetKit({ routes: { heartbeatMs: 5 } });
    const reader = await connect('?fleet=1');
    expect(await reader.nextComment()).toBe(': heartbeat');
  });

  it('refuses a stream that names nothing, a bad key or too many keys', async () => {
    kit = await createFleetKit({ appIds: ['app'] });
    const status = async (q: string) => (await kit.app.request(`/api/events${q}`)).status;
    expect(await status('')).toBe(400);
    expect(await status('?tasks=nonsense')).toBe(400);
    expect(await status(`?tasks=${Array.from({ length: 51 }, (_, i) => `app|r|t${i}|`).join(',')}`)).toBe(400);
    expect(await status(`?tasks=${encodeURIComponent('other|r|t|')}`)).toBe(403);
    expect(await status('?fleet=1&lastEventId=abc')).toBe(400);
  });
});
