import type Database from 'better-sqlite3';
import { sql, type Kysely, type Selectable } from 'kysely';
import { CallbackOutcomeSchema, type CallbackEvent, type CallbackEnvelope, type CallbackOutcome } from '../../shared/callback-api.ts';
import type { CallbackEventsTable, HistoryDatabase } from '../history/history-db.ts';
import { sqliteHandleOf } from '../history/open-database.ts';
import { syncWalOf } from '../history/sqlite-sync-wal.ts';

/**
 * The query layer of received callbacks and room presence. Plain Kysely with no SQLite-only SQL,
 * so the same code runs on PostgreSQL.
 */

export interface NewCallbackEvent {
  envelope: CallbackEnvelope;
  /** The request body as received, stored verbatim. */
  rawBody: string;
  eventTime: number;
  receivedAt: number;
  roomId?: string | undefined;
  taskId?: string | undefined;
  userId?: string | undefined;
}

export interface PendingCallbackEvent {
  eventId: string;
  eventType: string;
  eventTime: number;
  appId: string;
  envelope: string;
}

export interface ProcessedMark {
  eventId: string;
  outcome: CallbackOutcome;
  at: number;
  ids?: { roomId?: string; taskId?: string; userId?: string };
}

export interface PresenceFact {
  eventId: string;
  appId: string;
  roomId: string;
  userId: string;
  kind: 'join' | 'leave';
  reason?: string | undefined;
  at: number;
}

export interface CallbackStore {
  /** Stores an event once; false when its EventId was stored before (a redelivery). */
  add(event: NewCallbackEvent): Promise<boolean>;
  /**
   * Stores a batch in one transaction, all or nothing: for each event, false when its EventId
   * was stored before or earlier in the same batch. Durable when it resolves (see addBatch).
   */
  addMany(events: readonly NewCallbackEvent[]): Promise<boolean[]>;
  /** Events not applied yet, oldest EventTime first: late and out-of-order ones take their place. */
  pending(limit: number): Promise<PendingCallbackEvent[]>;
  markProcessed(eventId: string, outcome: CallbackOutcome, at: number, ids?: { roomId?: string; taskId?: string; userId?: string }): Promise<void>;
  /** markProcessed for each, in one transaction. */
  markProcessedMany(marks: readonly ProcessedMark[]): Promise<void>;
  addPresence(fact: PresenceFact): Promise<void>;
  /** Events applied at or after `since` (the applying server's clock), oldest application first, then by arrival. */
  appliedSince(since: number, limit: number): Promise<CallbackEvent[]>;
  /** One room's events (or those naming one of `taskIds` in it), newest EventTime first. */
  list(query: { appId: string; roomId: string; taskId?: string | undefined; taskIds?: readonly string[]; eventTypes?: readonly string[]; limit: number }): Promise<CallbackEvent[]>;
  presence(appId: string, roomId: string): Promise<PresenceFact[]>;
}

function toEvent(row: Selectable<CallbackEventsTable>): CallbackEvent {
  let eventData = '';
  try {
    const env = JSON.parse(row.envelope) as { EventData?: unknown };
    if (typeof env.EventData === 'string') eventData = env.EventData;
  } catch {
    // A stored envelope always parsed once; keep the listing going if one was damaged.
  }
  const outcome = CallbackOutcomeSchema.safeParse(row.outcome);
  return {
    eventId: row.event_id,
    eventType: row.event_type,
    eventTime: Number(row.event_time),
    receivedAt: Number(row.received_at),
    appId: row.app_id,
    roomId: row.room_id,
    taskId: row.task_id,
    userId: row.user_id,
    outcome: outcome.success ? outcome.data : 'stored',
    eventData,
  };
}

const INSERT_COLUMNS = ['event_id', 'event_type', 'event_time', 'received_at', 'app_id', 'room_id', 'task_id', 'user_id', 'envelope', 'processed_at', 'outcome'] as const;

const rowValues = (e: NewCallbackEvent) => [
  e.envelope.EventId, e.envelope.EventType, e.eventTime, e.receivedAt, e.envelope.AppId,
  e.roomId ?? null, e.taskId ?? null, e.userId ?? null, e.rawBody, null, 'pending',
] as const;

const SQLITE_INSERT = `insert into callback_events (${INSERT_COLUMNS.join(', ')}) values (${INSERT_COLUMNS.map(() => '?').join(', ')}) on conflict (event_id) do nothing`;

interface SqliteInsert {
  /** Inserts each event in one transaction; true for each row written. */
  batch: (events: readonly NewCallbackEvent[]) => boolean[];
}

/** The insert prepared once per database, not compiled and prepared again per callback. */
const sqliteInserts = new WeakMap<Database.Database, SqliteInsert>();

function sqliteInsert(sqlite: Database.Database): SqliteInsert {
  let prepared = sqliteInserts.get(sqlite);
  if (prepared === undefined) {
    const insert = sqlite.prepare(SQLITE_INSERT);
    prepared = {
      batch: sqlite.transaction((events: readonly NewCallbackEvent[]) => events.map((e) => insert.run(...rowValues(e)).changes > 0)),
    };
    sqliteInserts.set(sqlite, prepared);
  }
  return prepared;
}

/**
 * The receiver's write. SQLite: the prepared insert once per event in one transaction, taken
 * under Kysely's connection lock so none of its transactions is open on the connection; then the
 * WAL is synced to disk before the batch's waiters hear "stored", so an acknowledged callback
 * survives a power cut too, not only a killed process. The sync is paid once per batch, and the
 * event loop keeps serving meanwhile. PostgreSQL: one multi-row insert, which is its own
 * transaction and synced at commit (synchronous_commit), answering the ids it inserted.
 */
async function addBatch(db: Kysely<HistoryDatabase>, events: readonly NewCallbackEvent[]): Promise<boolean[]> {
  if (events.length === 0) return [];
  const sqlite = sqliteHandleOf(db);
  if (sqlite !== undefined) {
    const created = await db.connection().execute(async () => {
      if (sqlite.inTransaction) throw new Error('the SQLite connection is inside a transaction it should not be in');
      return sqliteInsert(sqlite).batch(events);
    });
    if (!sqlite.memory) await syncWalOf(sqlite);
    return created;
  }
  // In-batch redeliveries: the first copy is written, the later ones are duplicates.
  const firstAt = new Map<string, number>();
  events.forEach((e, i) => { if (!firstAt.has(e.envelope.EventId)) firstAt.set(e.envelope.EventId, i); });
  const unique = events.filter((e, i) => firstAt.get(e.envelope.EventId) === i);
  const inserted = await db
    .insertInto('callback_events')
    .values(unique.map((e) => ({
      event_id: e.envelope.EventId, event_type: e.envelope.EventType, event_time: e.eventTime, received_at: e.receivedAt,
      app_id: e.envelope.AppId, room_id: e.roomId ?? null, task_id: e.taskId ?? null, user_id: e.userId ?? null,
      envelope: e.rawBody, processed_at: null, outcome: 'pending',
    })))
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .execute();
  const created = new Set(inserted.map((r) => r.event_id));
  return events.map((e, i) => firstAt.get(e.envelope.EventId) === i && created.has(e.envelope.EventId));
}

async function markOne(db: Kysely<HistoryDatabase>, { eventId, outcome, at, ids = {} }: ProcessedMark): Promise<void> {
  await db
    .updateTable('callback_events')
    .set({
      processed_at: at,
      outcome,
      ...(ids.roomId !== undefined ? { room_id: ids.roomId } : {}),
      ...(ids.taskId !== undefined ? { task_id: ids.taskId } : {}),
      ...(ids.userId !== undefined ? { user_id: ids.userId } : {}),
    })
    .where('event_id', '=', eventId)
    .execute();
}

export function createCallbackStore(db: Kysely<HistoryDatabase>): CallbackStore {
  return {
    addMany: (events) => addBatch(db, events),

    async add(e) {
      const [created] = await addBatch(db, [e]);
      return created === true;
    },

    async pending(limit) {
      const rows = await db
        .selectFrom('callback_events')
        .select(['event_id', 'event_type', 'event_time', 'app_id', 'envelope'])
        .where('processed_at', 'is', null)
        .orderBy('event_time')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ eventId: r.event_id, eventType: r.event_type, eventTime: Number(r.event_time), appId: r.app_id, envelope: r.envelope }));
    },

    async markProcessed(eventId, outcome, at, ids = {}) {
      await markOne(db, { eventId, outcome, at, ids });
    },

    async markProcessedMany(marks) {
      if (marks.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const mark of marks) await markOne(trx, mark);
      });
    },

    async addPresence(f) {
      await db
        .insertInto('room_presence')
        .values({ event_id: f.eventId, app_id: f.appId, room_id: f.roomId, user_id: f.userId, kind: f.kind, reason: f.reason ?? null, at: f.at })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .execute();
    },

    async appliedSince(since, limit) {
      const rows = await db.selectFrom('callback_events').selectAll().where('processed_at', '>=', since).orderBy('processed_at').orderBy('id').limit(limit).execute();
      return rows.map(toEvent);
    },

    async list({ appId, roomId, taskId, taskIds, eventTypes, limit }) {
      let q = db.selectFrom('callback_events').selectAll().where('app_id', '=', appId).where('room_id', '=', roomId);
      if (taskId !== undefined) q = q.where('task_id', '=', taskId);
      if (taskIds !== undefined) q = taskIds.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('task_id', 'in', [...taskIds]);
      if (eventTypes !== undefined) q = eventTypes.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('event_type', 'in', [...eventTypes]);
      const rows = await q.orderBy('event_time', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toEvent);
    },

    async presence(appId, roomId) {
      const rows = await db.selectFrom('room_presence').selectAll().where('app_id', '=', appId).where('room_id', '=', roomId).orderBy('at').orderBy('id').execute();
      return rows.map((r) => ({ eventId: r.event_id, appId: r.app_id, roomId: r.room_id, userId: r.user_id, kind: r.kind, reason: r.reason ?? undefined, at: Number(r.at) }));
    },
  };
}
