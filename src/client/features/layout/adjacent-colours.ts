import type { PixelRect } from '../../../shared/layout-model.ts';
import { axisGaps } from '../../../shared/region-spacing.ts';
import { STREAM_PALETTE } from '../../design-system/stream-colours.ts';

export interface ColouredRegion {
  /** The stream's colour key: regions of one stream share a colour on purpose. */
  key: string;
  rect: PixelRect;
}

const touches = (a: PixelRect, b: PixelRect) => {
  const gaps = axisGaps(a, b);
  return gaps.x === 0 && gaps.y === 0;
};

/**
 * Pure: the streams' colours, changed where two streams whose regions touch or overlap would
 * share one (past ten streams the palette repeats). Streams are visited in sorted order; each keeps
 * its own colour unless an earlier neighbour has it, and then takes the palette colour none of its
 * earlier neighbours has, the least used first. Only a stream with ten or more neighbours can
 * still match one.
 */
export function separateAdjacent(regions: readonly ColouredRegion[], preferred: ReadonlyMap<string, string>): Map<string, string> {
  const neighbours = new Map<string, Set<string>>();
  for (const r of regions) if (!neighbours.has(r.key)) neighbours.set(r.key, new Set());
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      const a = regions[i];
      const b = regions[j];
      if (!a || !b || a.key === b.key || !touches(a.rect, b.rect)) continue;
      neighbours.get(a.key)?.add(b.key);
      neighbours.get(b.key)?.add(a.key);
    }
  }
  const out = new Map<string, string>();
  const uses = new Map<string, number>();
  for (const key of [...neighbours.keys()].sort()) {
    const near = new Set([...(neighbours.get(key) ?? [])].map((k) => out.get(k)).filter((c) => c !== undefined));
    const own = preferred.get(key) ?? STREAM_PALETTE[0] ?? '#999999';
    const free = STREAM_PALETTE.filter((c) => !near.has(c)).sort((a, b) => (uses.get(a) ?? 0) - (uses.get(b) ?? 0));
    const colour = !near.has(own) || free.length === 0 ? own : (free[0] ?? own);
    out.set(key, colour);
    uses.set(colour, (uses.get(colour) ?? 0) + 1);
  }
  return out;
}
