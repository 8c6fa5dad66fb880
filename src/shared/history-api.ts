import * as z from 'zod/mini';
import { API_VERSIONS } from './api-versions.ts';

/**
 * The watch list and observation history, spoken between the browser and the server. Both sides
 * parse with these schemas. Times are Unix milliseconds.
 */

export const historyPaths = {
  watch: '/api/watch',
  history: '/api/history',
} as const;

export const HistoryTaskRefSchema = z.object({
  appId: z.string(),
  roomId: z.string(),
  taskId: z.optional(z.string()),
  userId: z.optional(z.string()),
  version: z.enum(API_VERSIONS),
});

/** Most urgent first: the watch list is sorted in this order. */
export const ATTENTION = ['failed', 'reconnecting', 'starting', 'unknown', 'running', 'ended'] as const;
export type Attention = (typeof ATTENTION)[number];

/** Why mixscope can no longer ask Volcengine about a task (its history stays). */
export const NOT_QUERYABLE_REASONS = ['window', 'not-found'] as const;
export type NotQueryableReason = (typeof NOT_QUERYABLE_REASONS)[number];

/** Failures that become a recorded gap. Same names as ErrorKind in mixscope-api.ts. */
export const GAP_KINDS = ['upstream', 'unreachable', 'bad-upstream-body'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export const GapErrorSchema = z.object({
  kind: z.enum(GAP_KINDS),
  /** Volcengine's Error.Code for upstream errors; for the others a short token such as `timeout`. */
  code: z.string(),
  message: z.string(),
});
export type GapError = z.infer<typeof GapErrorSchema>;

export const WatchedTaskSchema = z.object({
  key: z.string(),
  ref: HistoryTaskRefSchema,
  label: z.nullable(z.string()),
  addedAt: z.number(),
  attention: z.enum(ATTENTION),
  status: z.nullable(z.number()),
  pushStreamState: z.nullable(z.number()),
  stopReason: z.nullable(z.string()),
  startTime: z.nullable(z.number()),
  endedAt: z.nullable(z.number()),
  /** Last successful answer from upstream. */
  lastObservedAt: z.nullable(z.number()),
  lastAttemptAt: z.nullable(z.number()),
  lastError: z.nullable(GapErrorSchema),
  consecutiveFailures: z.number(),
  /** Null: the watcher will not ask again (ended, or no longer queryable). */
  nextPollAt: z.nullable(z.number()),
  queryable: z.boolean(),
  notQueryableReason: z.nullable(z.enum(NOT_QUERYABLE_REASONS)),
  notQueryableSince: z.nullable(z.number()),
  /** How many times the push was observed entering PushStreamState 3 (reconnecting). */
  reconnects: z.number(),
});
export type WatchedTask = z.infer<typeof WatchedTaskSchema>;

export const WatchListResponseSchema = z.object({
  now: z.number(),
  tasks: z.array(WatchedTaskSchema),
  counts: z.record(z.enum(ATTENTION), z.number()),
});
export type WatchListResponse = z.infer<typeof WatchListResponseSchema>;

/** POST /api/watch: the TaskRef fields (validated with validateTaskRef) plus an optional label. */
export const WatchRequestSchema = z.object({
  appId: z.optional(z.string()),
  roomId: z.optional(z.string()),
  taskId: z.optional(z.string()),
  userId: z.optional(z.string()),
  version: z.optional(z.string()),
  label: z.optional(z.string()),
});
export type WatchRequest = z.infer<typeof WatchRequestSchema>;
export const LABEL_MAX_LENGTH = 80;

export const WatchResponseSchema = z.object({ created: z.boolean(), task: WatchedTaskSchema });
export const UnwatchResponseSchema = z.object({ removed: z.boolean(), key: z.string() });

export const OBSERVATION_KINDS = ['change', 'confirm', 'gap'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/**
 * How a row joins the one before it. `continuous`: the watcher kept asking, so the span between
 * the previous row's confirmedUntil and this row's observedAt is at most about one poll interval;
 * between two state rows (change/confirm) the change happened somewhere in it. `resumed`: nothing
 * was asked for a while before this row (server down, budget starved). `first`: no earlier row.
 * For the timeline: a row is known state over [observedAt, confirmedUntil]; a gap row is a known
 * failure to observe; any other span (resumed, or next to a gap) is unknown, never stretched.
 */
export const CONTINUITY = ['first', 'continuous', 'resumed'] as const;
export type Continuity = (typeof CONTINUITY)[number];

/** What a change row changed relative to the previous known state. */
export const CHANGE_FIELDS = [
  'status', 'pushStreamState', 'stopReason', 'startTime', 'endTime',
  'layout', 'encode', 'control', 'streams', 'other',
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export const FingerprintsSchema = z.object({
  task: z.string(),
  layout: z.string(),
  encode: z.string(),
  control: z.string(),
  streams: z.string(),
});
export type Fingerprints = z.infer<typeof FingerprintsSchema>;

export const ObservationSchema = z.object({
  id: z.number(),
  kind: z.enum(OBSERVATION_KINDS),
  /** First time this state (or this error) was seen. */
  observedAt: z.number(),
  /** Last time it was seen again; the row covers [observedAt, confirmedUntil]. */
  confirmedUntil: z.number(),
  continuity: z.enum(CONTINUITY),
  /** Upstream answers folded into this row. */
  attempts: z.number(),
  status: z.nullable(z.number()),
  pushStreamState: z.nullable(z.number()),
  stopReason: z.nullable(z.string()),
  startTime: z.nullable(z.number()),
  endTime: z.nullable(z.number()),
  fingerprints: z.nullable(FingerprintsSchema),
  /** Change rows only; empty for the first row. */
  changed: z.array(z.enum(CHANGE_FIELDS)),
  /** Result.PushMixedStreamToCDNTask as Volcengine sent it; change rows only, else null. */
  payload: z.unknown(),
  requestId: z.nullable(z.string()),
  error: z.nullable(GapErrorSchema),
});
export type Observation = z.infer<typeof ObservationSchema>;

export const HistoryResponseSchema = z.object({
  key: z.string(),
  ref: HistoryTaskRefSchema,
  now: z.number(),
  watched: z.nullable(WatchedTaskSchema),
  /** Oldest first. */
  observations: z.array(ObservationSchema),
  /** The latest change row before the first returned one, so a payload is always at hand. */
  baseline: z.nullable(ObservationSchema),
  /** True when older rows in the range were left out (the newest `limit` are returned). */
  truncated: z.boolean(),
});
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

const STATUS_NOT_STARTED = 1;
const STATUS_RUNNING = 2;
const STATUS_ENDED = 3;
const STATUS_FAILED = 4;
const PUSH_RECONNECTING = 3;
const PUSH_PUSHING = 5;

/** Where a task sorts in the watch list; pure so the browser can reuse it for live updates. */
export function attentionOf(t: {
  status: number | null;
  pushStreamState: number | null;
  endedAt: number | null;
  queryable: boolean;
}): Attention {
  if (t.status === STATUS_FAILED || t.status === 0) return 'failed';
  if (t.status === STATUS_ENDED || t.endedAt !== null) return 'ended';
  // A task we can no longer ask about and never saw end: its state now is unknown.
  if (!t.queryable) return 'unknown';
  if (t.status === STATUS_RUNNING && t.pushStreamState === PUSH_RECONNECTING) return 'reconnecting';
  if (t.status === STATUS_RUNNING && t.pushStreamState === PUSH_PUSHING) return 'running';
  if (t.status === STATUS_NOT_STARTED) return 'starting';
  // 0 state not available yet, 1 not pushing yet, 2 connecting, 4 connected and starting the push.
  if (t.status === STATUS_RUNNING && [0, 1, 2, 4].includes(t.pushStreamState ?? -1)) return 'starting';
  return 'unknown';
}
