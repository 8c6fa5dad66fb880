import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisGaps } from '../../../shared/region-spacing.ts';
import { assignStreamColours, PALETTE_SIZE } from '../../design-system/stream-colours.ts';
import { separateAdjacent, type ColouredRegion } from './adjacent-colours.ts';

const region = (streams: number) => fc.record({
  key: fc.integer({ min: 0, max: streams - 1 }).map((i) => `user-${i}/0`),
  rect: fc.record({ x: fc.integer({ min: 0, max: 1200 }), y: fc.integer({ min: 0, max: 700 }), width: fc.integer({ min: 1, max: 400 }), height: fc.integer({ min: 1, max: 300 }) }),
});
/** A grid of cells that touch their neighbours edge to edge, one stream each, like the 30-person gallery. */
const grid = fc.record({ cols: fc.integer({ min: 2, max: 8 }), rows: fc.integer({ min: 2, max: 6 }), seed: fc.integer() }).map(({ cols, rows, seed }) =>
  Array.from({ length: cols * rows }, (_, i): ColouredRegion => ({ key: `s${(i * 7919 + seed) >>> 0}/0`, rect: { x: (i % cols) * 100, y: Math.floor(i / cols) * 100, width: 100, height: 100 } })));

const touching = (a: ColouredRegion, b: ColouredRegion) => {
  const g = axisGaps(a.rect, b.rect);
  return g.x === 0 && g.y === 0;
};

function neighbourCount(regions: readonly ColouredRegion[], key: string): number {
  const mine = regions.filter((r) => r.key === key);
  return new Set(regions.filter((o) => o.key !== key && mine.some((m) => touching(m, o))).map((o) => o.key)).size;
}

function colour(regions: readonly ColouredRegion[]) {
  return separateAdjacent(regions, assignStreamColours(regions.map((r) => r.key)));
}

describe('separateAdjacent', () => {
  it('gives touching or overlapping regions of different streams different colours', () => {
    fc.assert(fc.property(fc.oneof(fc.array(region(30), { maxLength: 40 }), grid), (regions) => {
      const colours = colour(regions);
      for (const a of regions) {
        for (const b of regions) {
          if (a.key === b.key || !touching(a, b)) continue;
          if (neighbourCount(regions, a.key) >= PALETTE_SIZE || neighbourCount(regions, b.key) >= PALETTE_SIZE) continue;
          expect(colours.get(a.key), `${a.key} beside ${b.key}`).not.toBe(colours.get(b.key));
        }
      }
    }));
  });

  it('keeps every stream its own colour while the palette has one for each', () => {
    fc.assert(fc.property(fc.array(region(PALETTE_SIZE), { maxLength: 20 }), (regions) => {
      const preferred = assignStreamColours(regions.map((r) => r.key));
      expect(separateAdjacent(regions, preferred)).toEqual(preferred);
    }));
  });

  it('colours a touching grid of more streams than colours without two neighbours alike', () => {
    const regions = Array.from({ length: 30 }, (_, i): ColouredRegion => ({ key: `guest-${i}/0`, rect: { x: (i % 6) * 320, y: Math.floor(i / 6) * 216, width: 320, height: 216 } }));
    const colours = colour(regions);
    const sameBeside = regions.flatMap((a) => regions.filter((b) => a.key < b.key && touching(a, b) && colours.get(a.key) === colours.get(b.key)));
    expect(sameBeside).toEqual([]);
  });
});
