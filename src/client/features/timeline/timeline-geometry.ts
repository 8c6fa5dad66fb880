/** Where each row of the chart sits, and which drawn item is under a point. Pure. */

export const ROWS = ['status', 'push', 'markers'] as const;
export type RowId = (typeof ROWS)[number];

export interface ActiveItem {
  row: RowId;
  index: number;
}

export const GUTTER = 108;
export const AXIS_H = 24;
export const LANE_H = 30;
const GAP = 6;
export const MARKER_H = 24;

export const ROW_Y: Record<RowId, number> = {
  status: AXIS_H + 4,
  push: AXIS_H + 4 + LANE_H + GAP,
  markers: AXIS_H + 4 + 2 * (LANE_H + GAP),
};
export const ROW_H: Record<RowId, number> = { status: LANE_H, push: LANE_H, markers: MARKER_H };
/** Room at the bottom for the labels of the now edge, the end and the 72-hour limit. */
export const CHART_H = ROW_Y.markers + MARKER_H + 22;

export function rowAt(y: number): RowId | undefined {
  return ROWS.find((r) => y >= ROW_Y[r] - GAP / 2 && y < ROW_Y[r] + ROW_H[r] + GAP / 2);
}

/** The item whose [from, to] holds t, else the nearest one within `slack` (markers are points). */
export function indexAt(items: readonly { from: number; to: number }[], t: number, slack = 0, instantSlack = slack): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  items.forEach((it, i) => {
    // An instant (a state seen by one answer) is drawn a few pixels wide: near it, it wins.
    if (it.from === it.to && Math.abs(t - it.from) <= instantSlack) {
      if (bestDistance >= 0) {
        best = i;
        bestDistance = -1;
      }
      return;
    }
    const d = t < it.from ? it.from - t : t > it.to ? t - it.to : 0;
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return bestDistance <= slack ? best : undefined;
}

/** Arrow-key moves: along a row, or to the item at the same time in the next row. */
export function moveActive(
  active: ActiveItem | null,
  key: 'left' | 'right' | 'up' | 'down' | 'home' | 'end',
  rows: Record<RowId, readonly { from: number; to: number }[]>,
): ActiveItem | null {
  const current = active ?? { row: 'status', index: 0 };
  const items = rows[current.row];
  const last = items.length - 1;
  const here = Math.min(Math.max(current.index, 0), Math.max(last, 0));
  if (active === null && (key === 'left' || key === 'right')) return items.length > 0 ? { row: current.row, index: key === 'left' ? last : 0 } : null;
  if (key === 'left') return { row: current.row, index: Math.max(0, here - 1) };
  if (key === 'right') return { row: current.row, index: Math.min(last, here + 1) };
  if (key === 'home') return { row: current.row, index: 0 };
  if (key === 'end') return { row: current.row, index: Math.max(0, last) };
  const order = ROWS.filter((r) => rows[r].length > 0);
  const at = order.indexOf(current.row);
  const nextRow = order[key === 'up' ? Math.max(0, at - 1) : Math.min(order.length - 1, at + 1)];
  if (nextRow === undefined) return null;
  const item = items[here];
  const middle = item ? (item.from + item.to) / 2 : 0;
  return { row: nextRow, index: indexAt(rows[nextRow], middle, Infinity, 0) ?? 0 };
}
