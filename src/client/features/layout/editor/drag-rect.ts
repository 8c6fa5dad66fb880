import type { Point } from '../../../../shared/layout-geometry.ts';
import type { PixelRect } from '../../../../shared/layout-model.ts';

/**
 * The geometry of a pointer on the editor's canvas: which handle of the selected region is
 * under it, and the rectangle a move or a resize makes. Pure, in canvas pixels unless named
 * screen; snapping and writing the result into the task are the shared core's.
 */

/** A resize handle, by the compass point of the side or corner it moves. */
export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
/** What a drag does: move the whole region, or move the sides a handle names. */
export type DragKind = 'move' | Handle;

export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** The CSS cursor of each handle, and of a move. */
export const DRAG_CURSOR: Readonly<Record<DragKind, string>> = {
  move: 'move', n: 'ns-resize', s: 'ns-resize', e: 'ew-resize', w: 'ew-resize', ne: 'nesw-resize', sw: 'nesw-resize', nw: 'nwse-resize', se: 'nwse-resize',
};

/** The point of `rect` a handle sits on: a corner, or the middle of a side. */
export function handlePoint(rect: PixelRect, handle: Handle): Point {
  const x = handle.includes('w') ? rect.x : handle.includes('e') ? rect.x + rect.width : rect.x + rect.width / 2;
  const y = handle.includes('n') ? rect.y : handle.includes('s') ? rect.y + rect.height : rect.y + rect.height / 2;
  return { x, y };
}

/**
 * The handle within `radius` of `point` (both in the same units, screen pixels on the canvas),
 * the nearest when several are (a tiny region's handles overlap); corners win ties, as they
 * move two sides.
 */
export function handleAt(rect: PixelRect, point: Point, radius: number): Handle | undefined {
  let best: Handle | undefined;
  let bestDistance = Infinity;
  for (const handle of HANDLES) {
    const p = handlePoint(rect, handle);
    const d = Math.max(Math.abs(p.x - point.x), Math.abs(p.y - point.y));
    if (d <= radius && (d < bestDistance || (d === bestDistance && handle.length === 2))) {
      best = handle;
      bestDistance = d;
    }
  }
  return best;
}

/** A region is never dragged smaller than this, in canvas pixels (Volcengine's sizes start above 0). */
export const MIN_SIZE = 1;

/**
 * The rectangle after dragging `kind` by (dx, dy) from `start`. A move keeps the size; a resize
 * moves only the sides its handle names and stops one pixel before a side would pass the
 * opposite one (no flipping).
 */
export function dragRect(start: PixelRect, kind: DragKind, dx: number, dy: number): PixelRect {
  if (kind === 'move') return { ...start, x: start.x + dx, y: start.y + dy };
  let left = start.x;
  let top = start.y;
  let right = start.x + start.width;
  let bottom = start.y + start.height;
  if (kind.includes('w')) left = Math.min(left + dx, right - MIN_SIZE);
  if (kind.includes('e')) right = Math.max(right + dx, left + MIN_SIZE);
  if (kind.includes('n')) top = Math.min(top + dy, bottom - MIN_SIZE);
  if (kind.includes('s')) bottom = Math.max(bottom + dy, top + MIN_SIZE);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const NUDGE: Readonly<Record<string, Point>> = {
  ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 }, ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 },
};

/** The rectangle an arrow key moves it to, `step` pixels (1, or 10 with Shift); undefined for any other key. */
export function nudgeRect(rect: PixelRect, key: string, step: number): PixelRect | undefined {
  const d = NUDGE[key];
  return d ? { ...rect, x: rect.x + d.x * step, y: rect.y + d.y * step } : undefined;
}
