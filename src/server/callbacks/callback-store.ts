import { sql, type Kysely, type Selectable } from 'kysely';
import { CallbackOutcomeSchema, type CallbackEvent, type CallbackEnvelope, type CallbackOutcome } from '../../shared/callback-api.ts';
import type { CallbackEventsTable, HistoryDatabase } from '../history/history-db.ts';

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
  /** Events not applied yet, oldest EventTime first: late and out-of-order ones take their place. */
  pending(limit: number): Promise<PendingCallbackEvent[]>;
  markProcessed(eventId: string, outcome: CallbackOutcome, at: number, ids?: { roomId?: string; taskId?: string; userId?: string }): Promise<void>;
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

export function createCallbackStore(db: Kysely<HistoryDatabase>): CallbackStore {
  return {
    async add(e) {
      const result = await db
        .insertInto('callback_events')
        .values({
          event_id: e.envelope.EventId,
          event_type: e.envelope.EventType,
          event_time: e.eventTime,
          received_at: e.receivedAt,
          app_id: e.envelope.AppId,
          room_id: e.roomId ?? null,
          task_id: e.taskId ?? null,
          user_id: e.userId ?? null,
          envelope: e.rawBody,
          processed_at: null,
          outcome: 'pending',
        })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
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
