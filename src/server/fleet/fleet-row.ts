import { attentionOf } from '../../shared/history-api.ts';
import { attentionRank, sourceOfLabel, type FleetTask } from '../../shared/fleet-api.ts';
import { maskPushUrl, maskUrlsIn, pushUrlOf } from '../../shared/push-url.ts';
import { layoutWarnings } from '../../shared/layout-warnings.ts';
import { buildTaskModel } from '../../shared/task-model.ts';
import { QUERY_WINDOW_MS } from '../../shared/timeline-lanes.ts';
import { PUSH_STREAM_STATE, TASK_STATUS } from '../../shared/volc-enums.ts';
import type { WatchedTaskRecord } from '../history/history-rows.ts';
import type { ApiVersion } from '../../shared/api-versions.ts';

/** One fleet row from the watch-list record and the facts read beside it: pure. */
export function toFleetTask(
  record: WatchedTaskRecord,
  extra: { reconnects: number; lastReconnectAt: number | null } & PayloadFacts,
  now: number,
): FleetTask {
  const queryable = record.notQueryableSince === null;
  const attention = attentionOf({ status: record.status, pushStreamState: record.pushStreamState, endedAt: record.endedAt, queryable });
  const { startTime, endedAt } = record;
  return {
    key: record.key,
    ref: record.ref,
    label: record.label,
    source: sourceOfLabel(record.label),
    addedAt: record.addedAt,
    attention,
    needsAttention: attentionRank(attention),
    status: record.status,
    statusName: record.status === null ? null : (TASK_STATUS[record.status]?.name ?? null),
    pushStreamState: record.pushStreamState,
    pushStreamStateName: record.pushStreamState === null ? null : (PUSH_STREAM_STATE[record.pushStreamState]?.name ?? null),
    stopReason: record.stopReason,
    startTime,
    endTime: endedAt,
    durationMs: startTime === null ? null : Math.max(0, (endedAt ?? now) - startTime),
    lastObservedAt: record.lastObservedAt,
    lastReconnectAt: extra.lastReconnectAt,
    reconnects: extra.reconnects,
    warnings: extra.warnings,
    queryableUntil: startTime === null ? null : startTime + QUERY_WINDOW_MS,
    queryable,
    pushUrl: extra.pushUrl,
    reportedAt: record.reportedAt,
    // The store keeps what Volcengine said; what leaves the server has every URL in it masked.
    lastError: record.lastError && record.consecutiveFailures > 0 ? { ...record.lastError, message: maskUrlsIn(record.lastError.message) } : null,
  };
}

export interface PayloadFacts {
  warnings: number | null;
  /** Masked here, so the stream key never reaches a row. */
  pushUrl: string | null;
}

/** What the fleet shows of a stored task JSON: its layout-warnings count and its masked PushURL. */
export function factsOfPayload(payload: string | null, version: ApiVersion): PayloadFacts {
  if (payload === null) return { warnings: null, pushUrl: null };
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return { warnings: null, pushUrl: null };
  }
  const url = pushUrlOf(raw);
  return { warnings: layoutWarnings(buildTaskModel(raw, version)).length, pushUrl: url === undefined ? null : maskPushUrl(url) };
}
