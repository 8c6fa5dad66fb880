import { ATTENTION, attentionOf, type Attention, type WatchedTask } from '../../shared/history-api.ts';
import type { WatchedTaskRecord } from './history-rows.ts';

/** The watch list as the browser sees it: derived fields added, sorted by what needs attention. */

export function toWatchedTask(record: WatchedTaskRecord, reconnects: number): WatchedTask {
  const queryable = record.notQueryableSince === null;
  return {
    key: record.key,
    ref: record.ref,
    label: record.label,
    addedAt: record.addedAt,
    attention: attentionOf({ status: record.status, pushStreamState: record.pushStreamState, endedAt: record.endedAt, queryable }),
    status: record.status,
    pushStreamState: record.pushStreamState,
    stopReason: record.stopReason,
    startTime: record.startTime,
    endedAt: record.endedAt,
    lastObservedAt: record.lastObservedAt,
    lastAttemptAt: record.lastAttemptAt,
    lastError: record.lastError,
    consecutiveFailures: record.consecutiveFailures,
    nextPollAt: record.nextPollAt,
    queryable,
    notQueryableReason: record.notQueryableReason,
    notQueryableSince: record.notQueryableSince,
    reconnects,
  };
}

/** Most urgent first; within a group the most recently added first, so a new entry is easy to find. */
export function sortByAttention(tasks: readonly WatchedTask[]): WatchedTask[] {
  const rank = (a: Attention) => ATTENTION.indexOf(a);
  return [...tasks].sort(
    (a, b) => rank(a.attention) - rank(b.attention) || b.addedAt - a.addedAt || a.key.localeCompare(b.key),
  );
}

export function countByAttention(tasks: readonly WatchedTask[]): Record<Attention, number> {
  const counts = Object.fromEntries(ATTENTION.map((a) => [a, 0])) as Record<Attention, number>;
  for (const t of tasks) counts[t.attention] += 1;
  return counts;
}
