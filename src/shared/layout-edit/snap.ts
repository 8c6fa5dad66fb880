import type { Size } from '../layout-geometry.ts';
import type { PixelRect } from '../layout-model.ts';

/**
 * Alignment in output-canvas pixels, as design tools do it: a rectangle's edges and centre line
 * up with other rectangles' edges and centres and with the canvas edges and centre. The editor
 * snaps a dragged region to the nearest of them; the read-only canvas draws the guides of the
 * alignments a layout already has.
 */

/** A vertical line x = at from y = from to y = to (axis 'x'), or a horizontal one y = at (axis 'y'). */
export interface Guide {
  axis: 'x' | 'y';
  at: number;
  from: number;
  to: number;
}

export type SnapHandle = 'move' | 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

type Axis = 'x' | 'y';

/** A line a rectangle offers on one axis: where it is, and the extent of the rectangle across it. */
interface Line {
  at: number;
  lo: number;
  hi: number;
}

/** Two lines this close are the same line (float error after snapping). */
const SAME = 1e-3;

/** Per axis: the rectangle's fields along it and across it, and the resize handles of its start and end edges. */
const AXES = {
  x: { start: 'x', size: 'width', across: 'y', acrossSize: 'height', handles: ['w', 'e'] },
  y: { start: 'y', size: 'height', across: 'x', acrossSize: 'width', handles: ['n', 's'] },
} as const;

function span(rect: PixelRect, axis: Axis): { start: number; size: number; lo: number; hi: number } {
  const a = AXES[axis];
  return { start: rect[a.start], size: rect[a.size], lo: rect[a.across], hi: rect[a.across] + rect[a.acrossSize] };
}

/** Start edge, centre and end edge of a rectangle on one axis. */
function linesOf(rect: PixelRect, axis: Axis): Line[] {
  const { start, size, lo, hi } = span(rect, axis);
  return [start, start + size / 2, start + size].map((at) => ({ at, lo, hi }));
}

function targetLines(others: readonly PixelRect[], canvas: Size, axis: Axis): Line[] {
  const whole = { x: 0, y: 0, width: canvas.width, height: canvas.height };
  return [whole, ...others].flatMap((r) => linesOf(r, axis));
}

/** Guides of one axis in order, those on one line merged into one running over all of them. */
function merged(guides: Guide[]): Guide[] {
  const out: Guide[] = [];
  for (const g of [...guides].sort((a, b) => a.at - b.at)) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.at - g.at) <= SAME) {
      last.from = Math.min(last.from, g.from);
      last.to = Math.max(last.to, g.to);
    } else out.push({ ...g });
  }
  return out;
}

function axisGuides(rect: PixelRect, targets: readonly Line[], axis: Axis, tolerancePx: number, only?: readonly number[]): Guide[] {
  const own = linesOf(rect, axis).filter((_, i) => only === undefined || only.includes(i));
  return own.flatMap((line) =>
    targets
      .filter((t) => Math.abs(t.at - line.at) <= tolerancePx)
      .map((t) => ({ axis, at: t.at, from: Math.min(line.lo, t.lo), to: Math.max(line.hi, t.hi) })));
}

/**
 * Where `rect`'s edges and centre line up, within `tolerancePx`, with the edges and centres of
 * `others` and of the canvas: one guide per line, running across everything aligned on it.
 */
export function alignmentGuides(rect: PixelRect, others: readonly PixelRect[], canvas: Size, tolerancePx: number): Guide[] {
  return [
    ...merged(axisGuides(rect, targetLines(others, canvas, 'x'), 'x', tolerancePx)),
    ...merged(axisGuides(rect, targetLines(others, canvas, 'y'), 'y', tolerancePx)),
  ];
}

/** Which of a rectangle's lines (0 start edge, 1 centre, 2 end edge) a handle moves on an axis. */
function movingLines(handle: SnapHandle, axis: Axis): number[] {
  if (handle === 'move') return [0, 1, 2];
  const [startSide, endSide] = AXES[axis].handles;
  return [0, 2].filter((line) => handle.includes(line === 0 ? startSide : endSide));
}

/** The nearest target within the threshold for one axis, as [start, size] after snapping. */
function snapAxis(rect: PixelRect, targets: readonly Line[], axis: Axis, moving: readonly number[], thresholdPx: number): [number, number] {
  const { start, size } = span(rect, axis);
  const own = linesOf(rect, axis);
  let best: { distance: number; start: number; size: number } | undefined;
  for (const [i, line] of own.entries()) {
    if (!moving.includes(i)) continue;
    for (const t of targets) {
      const d = t.at - line.at;
      const distance = Math.abs(d);
      if (distance > thresholdPx || (best && distance >= best.distance)) continue;
      // A move shifts the whole rectangle; a resize moves only the edge its handle holds.
      const next = moving.length === 3 ? { start: start + d, size } : i === 0 ? { start: start + d, size: size - d } : { start, size: size + d };
      if (next.size > 0) best = { distance, ...next };
    }
  }
  return best ? [best.start, best.size] : [start, size];
}

/**
 * `rect` snapped to the nearest alignment within `thresholdPx` on each axis, and the guides it
 * then lines up on. 'move' keeps the size; a resize handle moves only its own edges, never
 * past the opposite one.
 */
export function snapRect(
  rect: PixelRect,
  others: readonly PixelRect[],
  canvas: Size,
  thresholdPx: number,
  handle: SnapHandle,
): { rect: PixelRect; guides: Guide[] } {
  const xTargets = targetLines(others, canvas, 'x');
  const yTargets = targetLines(others, canvas, 'y');
  const xMoving = movingLines(handle, 'x');
  const yMoving = movingLines(handle, 'y');
  const [x, width] = snapAxis(rect, xTargets, 'x', xMoving, thresholdPx);
  const [y, height] = snapAxis(rect, yTargets, 'y', yMoving, thresholdPx);
  const snapped = { x, y, width, height };
  // Guides only for the lines the gesture moves: an edge a resize leaves alone is no news.
  const guides = [
    ...merged(axisGuides(snapped, xTargets, 'x', SAME, xMoving)),
    ...merged(axisGuides(snapped, yTargets, 'y', SAME, yMoving)),
  ];
  return { rect: snapped, guides };
}
