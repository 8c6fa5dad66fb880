import { ATTENTION, type WatchedTask } from '../../../shared/history-api.ts';

/** The watch list's orders. Attention is the default: what needs someone first. */
export const WATCH_SORTS = ['attention', 'name', 'lastObserved', 'added'] as const;
export type WatchSort = (typeof WATCH_SORTS)[number];

/** The words a person reads for a task: its label, else its IDs. */
export function watchedName(t: Pick<WatchedTask, 'label' | 'ref'>): string {
  return t.label ?? [t.ref.roomId, t.ref.taskId ?? t.ref.userId].join(' / ');
}

const rank = (t: WatchedTask) => ATTENTION.indexOf(t.attention);
/** Never observed sorts last when newest first is asked for. */
const observed = (t: WatchedTask) => t.lastObservedAt ?? -Infinity;

type Compare = (a: WatchedTask, b: WatchedTask) => number;

const ORDERS: Record<WatchSort, Compare> = {
  // Within one state, the most recently added first, so a new entry is easy to find.
  attention: (a, b) => rank(a) - rank(b) || b.addedAt - a.addedAt,
  name: (a, b) => watchedName(a).localeCompare(watchedName(b)),
  lastObserved: (a, b) => observed(b) - observed(a),
  added: (a, b) => b.addedAt - a.addedAt,
};

/** A sorted copy; `reverse` flips the primary order only, ties stay stable by key. */
export function sortWatched(tasks: readonly WatchedTask[], by: WatchSort = 'attention', reverse = false): WatchedTask[] {
  const order = ORDERS[by];
  return [...tasks].sort((a, b) => (reverse ? -order(a, b) : order(a, b)) || a.key.localeCompare(b.key));
}
