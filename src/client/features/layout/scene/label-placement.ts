import { intersectionArea as overlap, rectIntersection as intersect } from '../../../../shared/layout-geometry.ts';
import type { PixelRect } from '../../../../shared/layout-model.ts';

/**
 * Where region labels go, whole: inside their region when the plate fits there, clear of regions
 * drawn over it; otherwise beside it, clear of the labels already placed. Every plate stays on the
 * stage (the part of the picture on the screen). Pure, in screen pixels.
 */
export interface LabelAsk {
  id: string;
  /** The part of the region the label names: on the canvas, or its outline where it lies off the canvas. */
  anchor: PixelRect;
  /** Regions drawn opaquely over it: a label on them would seem to name them. */
  covers: readonly PixelRect[];
  /** The plate's size: the whole label, cut only where it is wider than the stage. */
  width: number;
  height: number;
}

export interface PlacedLabel {
  id: string;
  rect: PixelRect;
  inside: boolean;
}

const right = (r: PixelRect) => r.x + r.width;
const bottom = (r: PixelRect) => r.y + r.height;

const contains = (outer: PixelRect, r: PixelRect) => r.x >= outer.x && r.y >= outer.y && right(r) <= right(outer) && bottom(r) <= bottom(outer);

/** Moved the least distance that puts it on the stage (it is never larger than the stage). */
function onStage(r: PixelRect, stage: PixelRect): PixelRect {
  const x = Math.min(Math.max(r.x, stage.x), right(stage) - r.width);
  const y = Math.min(Math.max(r.y, stage.y), bottom(stage) - r.height);
  return { ...r, x, y };
}

/** The four inner corners, top-left first (where a reader looks for a name), `inset` from the edges. */
function insideSpots(area: PixelRect, w: number, h: number, inset: number): PixelRect[] {
  const l = area.x + inset;
  const t = area.y + inset;
  const r = right(area) - inset - w;
  const b = bottom(area) - inset - h;
  return [[l, t], [r, t], [l, b], [r, b]].map(([x = 0, y = 0]) => ({ x, y, width: w, height: h }));
}

/** Below, above, right, left of the region, then the far corners: the nearer the region the better. */
function outsideSpots(area: PixelRect, w: number, h: number, gap: number): PixelRect[] {
  const below = bottom(area) + gap;
  const above = area.y - gap - h;
  return [
    [area.x, below], [area.x, above], [right(area) + gap, area.y], [area.x - gap - w, area.y],
    [right(area) - w, below], [right(area) - w, above], [right(area) + gap, bottom(area) - h], [area.x - gap - w, bottom(area) - h],
  ].map(([x = 0, y = 0]) => ({ x, y, width: w, height: h }));
}

/** Inside a region too small for the usual inset: one pixel from its edges. */
const TIGHT_INSET = 1;

/** Screen pixels per cell of the index of what is taken: about a label's width. */
const CELL = 128;

/** Plates placed and figures kept clear, by grid cell, so a spot is checked only against its neighbours. */
class Taken {
  private readonly cells = new Map<string, PixelRect[]>();

  private *keys(r: PixelRect): Generator<string> {
    for (let cx = Math.floor(r.x / CELL); cx <= Math.floor(right(r) / CELL); cx++) {
      for (let cy = Math.floor(r.y / CELL); cy <= Math.floor(bottom(r) / CELL); cy++) yield `${cx},${cy}`;
    }
  }

  add(r: PixelRect): void {
    for (const key of this.keys(r)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(r);
      else this.cells.set(key, [r]);
    }
  }

  /** The area of `r` on what is taken. */
  cost(r: PixelRect): number {
    const seen = new Set<PixelRect>();
    let cost = 0;
    for (const key of this.keys(r)) {
      for (const t of this.cells.get(key) ?? []) {
        if (seen.has(t)) continue;
        seen.add(t);
        cost += overlap(r, t);
      }
    }
    return cost;
  }
}

/** The first spot that meets nothing taken, else the one that meets the least of it. */
function leastCrowded(spots: readonly PixelRect[], taken: Taken): PixelRect | undefined {
  let best: PixelRect | undefined;
  let bestCost = Infinity;
  for (const spot of spots) {
    const cost = taken.cost(spot);
    if (cost === 0) return spot;
    if (cost < bestCost) {
      best = spot;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * Labels in `asks` order (the first has first choice): first every label that fits inside its
 * region (clear of the others and of `keepClear`, the picture's other figures, where it can be),
 * then the rest beside theirs where a spot is clear of all of them. A label that has no clear spot
 * beside its region is left out: in a layout too dense for its labels at this zoom, plates piled
 * on each other would hide the picture and name nothing legibly (the region pointed at or picked
 * is named over everything, build-scene.ts). A region wholly off the stage has no label; a plate
 * taller than the stage has none either.
 */
export function placeLabels(asks: readonly LabelAsk[], stage: PixelRect, inset: number, keepClear: readonly PixelRect[] = []): PlacedLabel[] {
  // What must stay readable is avoided as the labels already placed are.
  const taken = new Taken();
  for (const r of keepClear) taken.add(r);
  const placed: PlacedLabel[] = [];
  const outside: { ask: LabelAsk; area: PixelRect; width: number }[] = [];
  for (const ask of asks) {
    const area = intersect(ask.anchor, stage);
    const width = Math.min(ask.width, stage.width);
    if (!area || ask.height > stage.height || !(width > 0)) continue;
    // A label a few pixels too wide for the usual inset still fits closer to the region's edges.
    const spots = [...insideSpots(area, width, ask.height, inset), ...insideSpots(area, width, ask.height, TIGHT_INSET)];
    const fits = spots.filter((s) => contains(area, s) && ask.covers.every((c) => overlap(c, s) === 0));
    const spot = leastCrowded(fits, taken);
    if (spot) {
      placed.push({ id: ask.id, rect: spot, inside: true });
      taken.add(spot);
    } else outside.push({ ask, area, width });
  }
  for (const { ask, area, width } of outside) {
    // Spots wholly on the stage first; moved onto it, a spot may cover its own region.
    const spots = outsideSpots(area, width, ask.height, inset);
    const spot = [...spots.filter((s) => contains(stage, s)), ...spots.map((s) => onStage(s, stage))].find((s) => taken.cost(s) === 0);
    if (!spot) continue;
    placed.push({ id: ask.id, rect: spot, inside: false });
    taken.add(spot);
  }
  return placed;
}
