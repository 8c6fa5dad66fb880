import type { Selectable } from 'kysely';
import { isApiVersion, DEFAULT_API_VERSION } from '../../shared/api-versions.ts';
import {
  CHANGE_FIELDS, CONTINUITY, GAP_KINDS, NOT_QUERYABLE_REASONS, OBSERVATION_KINDS,
  type ChangeField, type GapError, type NotQueryableReason, type Observation,
} from '../../shared/history-api.ts';
import type { TaskRef } from '../../shared/task-ref.ts';
import type { RowHead } from './compress.ts';
import type { Snapshot } from './fingerprint.ts';
import type { ObservationsTable, WatchedTasksTable } from './history-db.ts';

/** Rows to domain objects. Enum columns are read defensively: the file may outlive this code. */

export type ObservationRow = Selectable<ObservationsTable>;
export type WatchedRow = Selectable<WatchedTasksTable>;

/** One watched task as the store keeps it. */
export interface WatchedTaskRecord {
  key: string;
  ref: TaskRef;
  label: string | null;
  addedAt: number;
  startTime: number | null;
  endedAt: number | null;
  lastObservedAt: number | null;
  lastAttemptAt: number | null;
  status: number | null;
  pushStreamState: number | null;
  stopReason: string | null;
  lastError: GapError | null;
  consecutiveFailures: number;
  nextPollAt: number | null;
  notQueryableSince: number | null;
  notQueryableReason: NotQueryableReason | null;
  /** The state shown is what a Volcengine callback reported, applied at this time; no poll since. */
  reportedAt: number | null;
}

const oneOf = <T extends string>(values: readonly T[], v: string | null, fallback: T): T =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : fallback;

function gapError(kind: string | null, code: string | null, message: string | null): GapError | null {
  if (kind === null) return null;
  return { kind: oneOf(GAP_KINDS, kind, 'unreachable'), code: code ?? '', message: message ?? '' };
}

export function toWatchedRecord(row: WatchedRow): WatchedTaskRecord {
  const ref: TaskRef = {
    appId: row.app_id,
    roomId: row.room_id,
    version: isApiVersion(row.version) ? row.version : DEFAULT_API_VERSION,
  };
  if (row.task_id !== null) ref.taskId = row.task_id;
  if (row.user_id !== null) ref.userId = row.user_id;
  return {
    key: row.task_key,
    ref,
    label: row.added_by,
    addedAt: row.added_at,
    startTime: row.start_time,
    endedAt: row.ended_at,
    lastObservedAt: row.last_observed_at,
    lastAttemptAt: row.last_attempt_at,
    status: row.last_status,
    pushStreamState: row.last_push_state,
    stopReason: row.last_stop_reason,
    lastError: gapError(row.last_error_kind, row.last_error_code, row.last_error_message),
    consecutiveFailures: row.consecutive_failures,
    nextPollAt: row.next_poll_at,
    notQueryableSince: row.not_queryable_since,
    notQueryableReason: row.not_queryable_reason === null ? null : oneOf(NOT_QUERYABLE_REASONS, row.not_queryable_reason, 'window'),
    reportedAt: row.report_applied_at !== null && row.report_applied_at > (row.last_observed_at ?? -Infinity) ? row.report_applied_at : null,
  };
}

function snapshotOfRow(row: ObservationRow): Snapshot | null {
  if (row.task_fp === null) return null;
  return {
    status: row.status,
    pushStreamState: row.push_stream_state,
    stopReason: row.stop_reason,
    startTime: row.start_time,
    endTime: row.end_time,
    fingerprints: {
      task: row.task_fp,
      layout: row.layout_fp ?? '',
      encode: row.encode_fp ?? '',
      control: row.control_fp ?? '',
      streams: row.streams_fp ?? '',
    },
  };
}

export function toRowHead(row: ObservationRow): RowHead {
  return {
    id: row.id,
    kind: oneOf(OBSERVATION_KINDS, row.kind, 'gap'),
    observedAt: row.observed_at,
    confirmedUntil: row.confirmed_until,
    snapshot: snapshotOfRow(row),
    error: gapError(row.error_kind, row.error_code, row.error_message),
  };
}

function parsePayload(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null; // written by JSON.stringify, so only a hand-edited file gets here
  }
}

export function toObservation(row: ObservationRow): Observation {
  const head = toRowHead(row);
  const changed = (row.changed ?? '')
    .split(',')
    .filter((c): c is ChangeField => (CHANGE_FIELDS as readonly string[]).includes(c));
  return {
    id: row.id,
    kind: head.kind,
    observedAt: row.observed_at,
    confirmedUntil: row.confirmed_until,
    continuity: oneOf(CONTINUITY, row.continuity, 'resumed'),
    attempts: row.attempts,
    status: row.status,
    pushStreamState: row.push_stream_state,
    stopReason: row.stop_reason,
    startTime: row.start_time,
    endTime: row.end_time,
    fingerprints: head.snapshot?.fingerprints ?? null,
    changed,
    payload: parsePayload(row.payload),
    requestId: row.request_id,
    error: head.error,
  };
}
