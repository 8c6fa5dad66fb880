import type { Generated } from 'kysely';

/**
 * Table shapes for Kysely. Times are Unix milliseconds in BIGINT columns (they overflow a 32-bit
 * INTEGER on PostgreSQL). No booleans: a nullable timestamp says both "whether" and "since when",
 * and reads the same on SQLite and PostgreSQL.
 */

export interface WatchedTasksTable {
  task_key: string;
  app_id: string;
  room_id: string;
  task_id: string | null;
  user_id: string | null;
  version: string;
  added_at: number;
  added_by: string | null;
  /** The task's own StartTime, once seen: the 72-hour window counts from it. */
  start_time: number | null;
  /** The task's EndTime, or the time it was first seen finished when Volcengine sent none. */
  ended_at: number | null;
  last_observed_at: number | null;
  last_attempt_at: number | null;
  last_status: number | null;
  last_push_state: number | null;
  last_stop_reason: string | null;
  last_error_kind: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  consecutive_failures: number;
  /** Null: never poll again. */
  next_poll_at: number | null;
  not_queryable_since: number | null;
  not_queryable_reason: string | null;
  /** The newest EventTime of a callback whose state was applied to the row. */
  reported_at: number | null;
  /** When that was applied (this server's clock); a poll recorded later supersedes it. */
  report_applied_at: number | null;
}

export interface ObservationsTable {
  id: Generated<number>;
  task_key: string;
  kind: string;
  observed_at: number;
  confirmed_until: number;
  continuity: string;
  attempts: number;
  status: number | null;
  push_stream_state: number | null;
  stop_reason: string | null;
  start_time: number | null;
  end_time: number | null;
  task_fp: string | null;
  layout_fp: string | null;
  encode_fp: string | null;
  control_fp: string | null;
  streams_fp: string | null;
  /** Comma-separated ChangeField names; change rows only. */
  changed: string | null;
  /** JSON text of the raw task; change rows only. */
  payload: string | null;
  request_id: string | null;
  error_kind: string | null;
  error_code: string | null;
  error_message: string | null;
}

/** A Volcengine event callback as received (envelope verbatim), and what applying it did. */
export interface CallbackEventsTable {
  id: Generated<number>;
  event_id: string;
  event_type: string;
  event_time: number;
  received_at: number;
  app_id: string;
  room_id: string | null;
  task_id: string | null;
  user_id: string | null;
  /** The request body exactly as received. */
  envelope: string;
  /** Null until applied. */
  processed_at: number | null;
  outcome: string;
}

/** One UserJoinRoom / UserLeaveRoom fact. */
export interface RoomPresenceTable {
  id: Generated<number>;
  event_id: string;
  app_id: string;
  room_id: string;
  user_id: string;
  kind: 'join' | 'leave';
  reason: string | null;
  at: number;
}

/** One row per lease name ('watcher'): who polls, until when, and the fencing epoch. */
export interface WatcherLeaseTable {
  name: string;
  holder: string;
  epoch: number;
  /** Database time, Unix ms. */
  expires_at: number;
}

/** One row per replica sharing the upstream budget: its heartbeat and whom it counted. */
export interface ReplicasTable {
  id: string;
  /** Database time, Unix ms. */
  last_seen: number;
  /** JSON array of replica ids. */
  sees: string;
}

export interface HistoryDatabase {
  watched_tasks: WatchedTasksTable;
  observations: ObservationsTable;
  callback_events: CallbackEventsTable;
  room_presence: RoomPresenceTable;
  watcher_lease: WatcherLeaseTable;
  replicas: ReplicasTable;
}
