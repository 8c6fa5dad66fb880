import * as z from 'zod/mini';
import { ID_PATTERN } from './task-ref.ts';
import { PUSH_STREAM_STATE, TASK_STATUS } from './volc-enums.ts';

/**
 * Volcengine's event callbacks as mixscope receives, stores and shows them: the envelope Volcengine
 * POSTs, what is read out of its EventData (parsed defensively: the Transcode events' fields are
 * not documented), and the listing the server answers with.
 */

export const CALLBACK_PATH = '/api/volcengine/callback';
export const CALLBACK_EVENTS_PATH = '/api/callback-events';
/** The largest callback body accepted. */
export const CALLBACK_MAX_BODY_BYTES = 64 * 1024;

export const TRANSCODE_EVENTS = ['TranscodeStarted', 'TranscodeUpdated', 'TranscodeStateChanged', 'TranscodeStopped'] as const;
export const PRESENCE_EVENTS = ['UserJoinRoom', 'UserLeaveRoom'] as const;

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** The body Volcengine sends. Unknown extra fields are kept (stored raw), never refused. */
export const CallbackEnvelopeSchema = z.looseObject({
  EventType: text(128),
  /** A JSON document encoded as a string. */
  EventData: z.string(),
  /** RFC 3339, maybe with fractional seconds. */
  EventTime: text(64),
  EventId: text(256),
  AppId: text(128),
  Version: z.string().check(z.maxLength(32)),
  Signature: z.string(),
  Nonce: z.optional(z.string().check(z.maxLength(64))),
  /** The spelling of the 2023-07 doc and some official code. */
  Noce: z.optional(z.string().check(z.maxLength(64))),
});
export type CallbackEnvelope = z.infer<typeof CallbackEnvelopeSchema>;

/** The nonce, whichever way it was spelled. */
export const envelopeNonce = (e: Pick<CallbackEnvelope, 'Nonce' | 'Noce'>): string | undefined => e.Nonce ?? e.Noce;

/** What mixscope reads out of EventData; every field may be missing. */
export interface CallbackFacts {
  appId?: string;
  roomId?: string;
  taskId?: string;
  userId?: string;
  reason?: string;
  /** EventData's `Timestamp` (ms), for presence events. */
  timestamp?: number;
  /**
   * A Transcode event's `Status`, `PushStreamState` and `StopReason`, when EventData has them in
   * the shape GetPushMixedStreamToCDNTask uses (a documented enum value; a number or its digits).
   * Not confirmed by any source: read when there, never required.
   */
  status?: number;
  pushStreamState?: number;
  stopReason?: string;
}

const idOf = (v: unknown): string | undefined => (typeof v === 'string' && ID_PATTERN.test(v) ? v : undefined);

/** A documented value of one of the task's enums, given as a number or as its digits. */
function enumValue(v: unknown, table: Readonly<Record<number, unknown>>): number | undefined {
  const n = typeof v === 'string' && /^\d{1,3}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && Object.hasOwn(table, n) ? n : undefined;
}

/**
 * EventData parsed a second time, keeping only values of a usable shape: an id that would not be
 * a valid task id is left out rather than trusted. Never throws; `document` is null when EventData
 * is not a JSON object.
 */
export function parseEventData(raw: string): { document: Record<string, unknown> | null; facts: CallbackFacts } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { document: null, facts: {} };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { document: null, facts: {} };
  const doc = parsed as Record<string, unknown>;
  const facts: CallbackFacts = {};
  const appId = idOf(doc.AppId);
  const roomId = idOf(doc.RoomId);
  const taskId = idOf(doc.TaskId);
  const userId = idOf(doc.UserId);
  if (appId) facts.appId = appId;
  if (roomId) facts.roomId = roomId;
  if (taskId) facts.taskId = taskId;
  if (userId) facts.userId = userId;
  if (typeof doc.Reason === 'string' && doc.Reason.length <= 128) facts.reason = doc.Reason;
  const ts = typeof doc.Timestamp === 'string' && /^\d{1,16}$/.test(doc.Timestamp) ? Number(doc.Timestamp) : doc.Timestamp;
  if (typeof ts === 'number' && Number.isSafeInteger(ts) && ts >= 0) facts.timestamp = ts;
  const status = enumValue(doc.Status, TASK_STATUS);
  const pushStreamState = enumValue(doc.PushStreamState, PUSH_STREAM_STATE);
  if (status !== undefined) facts.status = status;
  if (pushStreamState !== undefined) facts.pushStreamState = pushStreamState;
  if (typeof doc.StopReason === 'string' && doc.StopReason.length <= 128) facts.stopReason = doc.StopReason;
  return { document: doc, facts };
}

/** EventTime in Unix ms; undefined when it is not an RFC 3339 date-time. */
export function parseEventTime(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const ms = Date.parse(value.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(ms) ? ms : undefined;
}

export const CallbackOutcomeSchema = z.enum(['pending', 'watched', 'watch-off', 'presence', 'unattributed', 'stored', 'refused']);
export type CallbackOutcome = z.infer<typeof CallbackOutcomeSchema>;

export const CallbackEventSchema = z.object({
  eventId: z.string(),
  eventType: z.string(),
  /** EventTime, Unix ms. */
  eventTime: z.number(),
  receivedAt: z.number(),
  appId: z.string(),
  roomId: z.nullable(z.string()),
  taskId: z.nullable(z.string()),
  userId: z.nullable(z.string()),
  outcome: CallbackOutcomeSchema,
  /** EventData exactly as received. */
  eventData: z.string(),
});
export type CallbackEvent = z.infer<typeof CallbackEventSchema>;

export const CallbackEventsResponseSchema = z.object({ events: z.array(CallbackEventSchema) });
export type CallbackEventsResponse = z.infer<typeof CallbackEventsResponseSchema>;

export const CallbackEventsQuerySchema = z.object({
  appId: z.string().check(z.regex(ID_PATTERN)),
  roomId: z.string().check(z.regex(ID_PATTERN)),
  taskId: z.optional(z.string().check(z.regex(ID_PATTERN))),
});
