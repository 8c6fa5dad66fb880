import type { PixelRect } from './layout-model.ts';
import { clampToCanvas, type Point, type Size } from './layout-geometry.ts';

/**
 * Figma-style measuring in output-canvas pixels: from a region to its nearest neighbour on each
 * side, or to the canvas edge where no neighbour is on that side. Pure, so the figures on the
 * canvas can be tested without one.
 */

export type SpacingSide = 'left' | 'right' | 'top' | 'bottom';
export const SPACING_SIDES: readonly SpacingSide[] = ['left', 'right', 'top', 'bottom'];

export interface SpacingLine {
  side: SpacingSide;
  /** The neighbour's id, or undefined for the canvas edge. */
  targetId: string | undefined;
  from: Point;
  to: Point;
  /** Output pixels between the two edges; 0 when they touch. */
  length: number;
}

export interface SpacedRect {
  id: string;
  rect: PixelRect;
}

/** The empty space between two rectangles along each axis: 0 where they overlap or touch on that axis. */
export function axisGaps(a: PixelRect, b: PixelRect): { x: number; y: number } {
  return {
    x: Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width)),
    y: Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height)),
  };
}

const horizontal = (side: SpacingSide) => side === 'left' || side === 'right';

/** How far `b` lies beyond `a`'s `side`, if wholly beyond it and sharing some of its extent across. */
function beyond(a: PixelRect, b: PixelRect, side: SpacingSide): { gap: number; lo: number; hi: number } | undefined {
  const across = horizontal(side) ? [Math.max(a.y, b.y), Math.min(a.y + a.height, b.y + b.height)] : [Math.max(a.x, b.x), Math.min(a.x + a.width, b.x + b.width)];
  const [lo = 0, hi = 0] = across;
  if (!(hi > lo)) return undefined;
  const gap = side === 'left' ? a.x - (b.x + b.width)
    : side === 'right' ? b.x - (a.x + a.width)
      : side === 'top' ? a.y - (b.y + b.height)
        : b.y - (a.y + a.height);
  return gap >= 0 ? { gap, lo, hi } : undefined;
}

function line(a: PixelRect, side: SpacingSide, gap: number, at: number, targetId: string | undefined): SpacingLine {
  const edge = { left: a.x, right: a.x + a.width, top: a.y, bottom: a.y + a.height }[side];
  const sign = side === 'left' || side === 'top' ? -1 : 1;
  const from = horizontal(side) ? { x: edge, y: at } : { x: at, y: edge };
  const to = horizontal(side) ? { x: edge + sign * gap, y: at } : { x: at, y: edge + sign * gap };
  return { side, targetId, from, to, length: gap };
}

/**
 * One line per side of `selected`'s part on the canvas: to the nearest region wholly beyond that
 * side and level with it (drawn across the middle of what they share), else to the canvas edge.
 * Regions overlapping it or off to a diagonal are not its neighbours on any side.
 */
export function spacingLines(selected: PixelRect, others: readonly SpacedRect[], canvas: Size): SpacingLine[] {
  const a = clampToCanvas(selected, canvas);
  if (!a) return [];
  const lines: SpacingLine[] = [];
  for (const side of SPACING_SIDES) {
    let best: { id: string; gap: number; lo: number; hi: number } | undefined;
    for (const o of others) {
      const b = clampToCanvas(o.rect, canvas);
      const found = b && beyond(a, b, side);
      if (found && (!best || found.gap < best.gap)) best = { id: o.id, ...found };
    }
    if (best) {
      lines.push(line(a, side, best.gap, (best.lo + best.hi) / 2, best.id));
      continue;
    }
    const toEdge = { left: a.x, right: canvas.width - (a.x + a.width), top: a.y, bottom: canvas.height - (a.y + a.height) }[side];
    const middle = horizontal(side) ? a.y + a.height / 2 : a.x + a.width / 2;
    lines.push(line(a, side, toEdge, middle, undefined));
  }
  return lines;
}

/** A figure as shown beside a line: whole pixels, or one decimal where the layout is fractional. */
export function spacingFigure(length: number): string {
  return String(Math.round(length * 10) / 10);
}
