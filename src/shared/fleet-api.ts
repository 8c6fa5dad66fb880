import * as z from 'zod/mini';
import { ATTENTION, GapErrorSchema, HistoryTaskRefSchema, type Attention } from './history-api.ts';
import { ID_PATTERN } from './task-ref.ts';

/**
 * The fleet: every task the server knows (watched by hand, discovered by a callback, swept), as
 * GET /api/tasks answers it and GET /api/events pushes it. Both sides parse with these schemas.
 * Times are Unix milliseconds.
 */

export const fleetPaths = {
  tasks: '/api/tasks',
  events: '/api/events',
} as const;

/** Where a task came from: a Volcengine callback, a room sweep, or someone adding it by hand. */
export const FLEET_SOURCES = ['callback', 'manual', 'sweep'] as const;
export type FleetSource = (typeof FLEET_SOURCES)[number];

/** The watch-list labels that discovery writes; any other label (or none) is a person's. */
export const SOURCE_LABELS: Readonly<Record<Exclude<FleetSource, 'manual'>, string>> = { callback: 'callback', sweep: 'sweep' };

export function sourceOfLabel(label: string | null): FleetSource {
  if (label === SOURCE_LABELS.callback) return 'callback';
  if (label === SOURCE_LABELS.sweep) return 'sweep';
  return 'manual';
}

export const FleetTaskSchema = z.object({
  key: z.string(),
  ref: HistoryTaskRefSchema,
  label: z.nullable(z.string()),
  source: z.enum(FLEET_SOURCES),
  addedAt: z.number(),
  attention: z.enum(ATTENTION),
  /** 0 is the most urgent; the default sort is by this rank, then the newest first. */
  needsAttention: z.number(),
  status: z.nullable(z.number()),
  /** The enum name (volc-enums.ts), null when not observed or not documented. */
  statusName: z.nullable(z.string()),
  pushStreamState: z.nullable(z.number()),
  pushStreamStateName: z.nullable(z.string()),
  stopReason: z.nullable(z.string()),
  startTime: z.nullable(z.number()),
  endTime: z.nullable(z.number()),
  /** End (or now, while it runs) minus start; null before the start is known. */
  durationMs: z.nullable(z.number()),
  lastObservedAt: z.nullable(z.number()),
  lastReconnectAt: z.nullable(z.number()),
  reconnects: z.number(),
  /** Layout warnings of the last observed task; null before any layout was observed. */
  warnings: z.nullable(z.number()),
  /** After this, Volcengine no longer answers for the task (72 hours after its start). */
  queryableUntil: z.nullable(z.number()),
  queryable: z.boolean(),
  /** The PushURL of the last observed task, stream key and query masked. */
  pushUrl: z.nullable(z.string()),
  /**
   * The status and push state shown are what a Volcengine callback reported at this time (its
   * EventTime), and no poll has confirmed them yet; null when they come from a poll.
   */
  reportedAt: z.nullable(z.number()),
  /** The last poll's failure while it keeps failing (URLs in its message masked). */
  lastError: z.nullable(GapErrorSchema),
});
export type FleetTask = z.infer<typeof FleetTaskSchema>;

export const FLEET_SORTS = ['attention', 'started', 'ended', 'lastObserved', 'reconnects', 'warnings', 'room'] as const;
export type FleetSort = (typeof FLEET_SORTS)[number];

export const FleetResponseSchema = z.object({
  now: z.number(),
  /** Rows after every filter, sorted. */
  tasks: z.array(FleetTaskSchema),
  /** Per state, after every filter except `state`: the counters that filter when clicked. */
  counts: z.record(z.enum(ATTENTION), z.number()),
  /** Every task the server knows (that this server may show), before filters. */
  total: z.number(),
  /** The AppIds and stop reasons present, for the filter menus. */
  appIds: z.array(z.string()),
  stopReasons: z.array(z.string()),
});
export type FleetResponse = z.infer<typeof FleetResponseSchema>;

const optionalId = z.optional(z.string().check(z.regex(ID_PATTERN)));

/** GET /api/tasks query; `state` is a comma list of attention groups. */
export const FleetQuerySchema = z.object({
  appId: optionalId,
  roomId: optionalId,
  state: z.optional(z.array(z.enum(ATTENTION))),
  stopReason: z.optional(z.string().check(z.maxLength(64))),
  q: z.optional(z.string().check(z.maxLength(128))),
  sort: z.optional(z.enum(FLEET_SORTS)),
});
export type FleetQuery = z.infer<typeof FleetQuerySchema>;

/** Server-Sent Event names of GET /api/events. */
export const FLEET_EVENTS = ['task', 'fleet', 'callback', 'reset'] as const;
export type FleetEventName = (typeof FLEET_EVENTS)[number];

/** `task` and `fleet` carry the row; `task: null` when it left the list. */
export const FleetChangeSchema = z.object({ key: z.string(), task: z.nullable(FleetTaskSchema) });
export type FleetChange = z.infer<typeof FleetChangeSchema>;

export const CallbackNoticeSchema = z.object({
  key: z.nullable(z.string()),
  eventId: z.string(),
  eventType: z.string(),
  eventTime: z.number(),
  appId: z.string(),
  roomId: z.nullable(z.string()),
  taskId: z.nullable(z.string()),
});
export type CallbackNotice = z.infer<typeof CallbackNoticeSchema>;

export const ResetNoticeSchema = z.object({ reason: z.enum(['too-old', 'unknown-id']) });

/**
 * A room as an event stream names it, `appId|roomId`: a task page hears its room's presence
 * callbacks (UserJoinRoom / UserLeaveRoom name a room, not a task).
 */
export const roomKey = (appId: string, roomId: string): string => `${appId}|${roomId}`;

/** The most task keys (and, separately, rooms) one stream may name. */
export const MAX_STREAM_KEYS = 50;

export const attentionRank = (a: Attention): number => ATTENTION.indexOf(a);
