import type { Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HistoryDatabase } from '../history/history-db.ts';
import { describeEachStore, type FreshStore } from '../history/test-stores.ts';
import { createCallbackStore, type CallbackStore, type NewCallbackEvent } from './callback-store.ts';

let fresh: FreshStore;
let db: Kysely<HistoryDatabase>;
let store: CallbackStore;

function event(eventId: string, eventTime: number, over: Partial<NewCallbackEvent> = {}): NewCallbackEvent {
  const envelope = {
    EventType: 'TranscodeUpdated', EventData: JSON.stringify({ RoomId: 'room1', TaskId: `task-${eventId}` }), EventTime: new Date(eventTime).toISOString(),
    EventId: eventId, AppId: 'app1', Version: '2020-12-01', Nonce: '1', Signature: 'ab',
  };
  return { envelope, rawBody: JSON.stringify(envelope), eventTime, receivedAt: 5, roomId: 'room1', taskId: `task-${eventId}`, ...over };
}

const storedIds = async () => (await db.selectFrom('callback_events').select('event_id').orderBy('id').execute()).map((r) => r.event_id);

describeEachStore('callback store batches', (backend) => {
  beforeEach(async () => {
    fresh = await backend.fresh();
    db = await fresh.open();
    store = createCallbackStore(db);
  });
  afterEach(async () => {
    await db.destroy();
    await fresh.dispose();
  });

  it('stores a batch once per EventId: a duplicate in the batch or of an earlier row is false and not stored again', async () => {
    expect(await store.add(event('e0', 1_000))).toBe(true);
    const copy = event('e1', 2_000, { rawBody: 'the second copy' });
    expect(await store.addMany([event('e1', 2_000), event('e0', 1_000), copy, event('e2', 3_000)])).toEqual([true, false, false, true]);
    expect(await storedIds()).toEqual(['e0', 'e1', 'e2']);
    const row = await db.selectFrom('callback_events').select('envelope').where('event_id', '=', 'e1').executeTakeFirstOrThrow();
    expect(row.envelope).not.toBe('the second copy');
    expect(await store.addMany([])).toEqual([]);
  });

  it('stores nothing of a batch whose write fails, and takes the next batch', async () => {
    // A NOT NULL column left null: the fourth row fails after three were written inside the transaction.
    const broken = event('bad', 4_000, { envelope: { ...event('bad', 4_000).envelope, EventType: null as unknown as string } });
    await expect(store.addMany([event('a', 1_000), event('b', 2_000), event('c', 3_000), broken])).rejects.toThrow();
    expect(await storedIds()).toEqual([]);
    expect(await store.addMany([event('a', 1_000)])).toEqual([true]);
    expect(await storedIds()).toEqual(['a']);
  });

  it('hands a batch that arrived out of order to the processor by EventTime', async () => {
    await store.addMany([event('late', 3_000), event('early', 1_000), event('middle', 2_000)]);
    await store.addMany([event('earliest', 500)]);
    expect((await store.pending(10)).map((p) => p.eventId)).toEqual(['earliest', 'early', 'middle', 'late']);
  });

  it('marks a batch processed in one call, each with its outcome and the ids it names', async () => {
    await store.addMany([event('a', 1_000, { taskId: undefined }), event('b', 2_000)]);
    await store.markProcessedMany([
      { eventId: 'a', outcome: 'watched', at: 9, ids: { taskId: 'found-later' } },
      { eventId: 'b', outcome: 'unattributed', at: 10 },
    ]);
    const rows = await db.selectFrom('callback_events').select(['event_id', 'outcome', 'processed_at', 'task_id']).orderBy('id').execute();
    expect(rows.map((r) => ({ ...r, processed_at: Number(r.processed_at) }))).toEqual([
      { event_id: 'a', outcome: 'watched', processed_at: 9, task_id: 'found-later' },
      { event_id: 'b', outcome: 'unattributed', processed_at: 10, task_id: 'task-b' },
    ]);
    expect(await store.pending(10)).toEqual([]);
  });
});
