import { SOURCE_LABELS } from '../../shared/fleet-api.ts';
import { taskIdentityKey } from '../../shared/task-ref.ts';
import type { WatchedRow } from './history-rows.ts';

/** The identity key a stored watch-list row belongs under. */
export function identityOfRow(row: Pick<WatchedRow, 'app_id' | 'room_id' | 'task_id' | 'user_id'>): string {
  return taskIdentityKey({
    appId: row.app_id, roomId: row.room_id,
    ...(row.task_id !== null ? { taskId: row.task_id } : {}),
    ...(row.user_id !== null ? { userId: row.user_id } : {}),
  });
}

const known = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
const minOf = (values: (number | null)[]) => (known(values).length === 0 ? null : Math.min(...known(values)));
const maxOf = (values: (number | null)[]) => (known(values).length === 0 ? null : Math.max(...known(values)));

/**
 * One watch-list row out of several that name the same task (filed under different API versions
 * before the key dropped the version): pure, for the migration that merges them.
 * - the state columns come from the row observed last: it holds the newest truth;
 * - it was added when the first of them was, by whoever added that one (where it came from);
 * - the version is one a person chose when any did (discovery only guesses it), else the first's;
 * - it keeps being polled, at the soonest time asked, unless the newest row had stopped.
 */
export function mergeWatchedRows(rows: readonly WatchedRow[]): WatchedRow {
  const first = rows[0];
  if (first === undefined) throw new Error('mergeWatchedRows needs at least one row');
  const byAdded = [...rows].sort((a, b) => a.added_at - b.added_at);
  const earliest = byAdded[0] ?? first;
  const newest = [...rows].sort((a, b) =>
    (b.last_observed_at ?? -Infinity) - (a.last_observed_at ?? -Infinity)
    || (b.last_attempt_at ?? -Infinity) - (a.last_attempt_at ?? -Infinity)
    || a.added_at - b.added_at)[0] ?? first;
  const discovery = new Set<string>(Object.values(SOURCE_LABELS));
  const chosen = byAdded.find((r) => r.added_by === null || !discovery.has(r.added_by)) ?? earliest;
  const polled = rows.filter((r) => r.not_queryable_since === null);
  return {
    ...newest,
    task_key: identityOfRow(first),
    version: chosen.version,
    added_at: earliest.added_at,
    added_by: earliest.added_by,
    start_time: minOf(rows.map((r) => r.start_time)),
    last_attempt_at: maxOf(rows.map((r) => r.last_attempt_at)),
    next_poll_at: newest.not_queryable_since === null ? minOf(polled.map((r) => r.next_poll_at)) : null,
  };
}
