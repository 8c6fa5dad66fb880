import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PixelRect } from '../layout-model.ts';
import { alignmentGuides, snapRect, type Guide, type SnapHandle } from './snap.ts';

const CANVAS = { width: 1280, height: 720 };
const LEFT: PixelRect = { x: 0, y: 0, width: 640, height: 720 };

describe('alignmentGuides', () => {
  it('finds edges and centres aligned with other rectangles and the canvas', () => {
    const rect = { x: 640, y: 100, width: 320, height: 200 };
    // x = 640: its left edge on LEFT's right edge and on the canvas centre; nothing on y.
    expect(alignmentGuides(rect, [LEFT], CANVAS, 0.5)).toEqual([{ axis: 'x', at: 640, from: 0, to: 720 }]);
    expect(alignmentGuides({ ...rect, y: 260 }, [LEFT], CANVAS, 0.5)).toEqual([
      { axis: 'x', at: 640, from: 0, to: 720 },
      { axis: 'y', at: 360, from: 0, to: 1280 },
    ]);
  });

  it('merges alignments on one line and spans everything on it', () => {
    const a = { x: 100, y: 50, width: 100, height: 100 };
    const b = { x: 100, y: 400, width: 50, height: 50 };
    const c = { x: 150, y: 600, width: 100, height: 20 };
    const guides = alignmentGuides({ x: 100, y: 250, width: 100, height: 50 }, [a, b, c], CANVAS, 0);
    expect(guides.filter((g) => g.axis === 'x')).toEqual([
      { axis: 'x', at: 100, from: 50, to: 450 },
      { axis: 'x', at: 150, from: 50, to: 620 },
      { axis: 'x', at: 200, from: 50, to: 620 },
    ]);
    expect(guides.filter((g) => g.axis === 'y')).toEqual([]);
  });

  it('lists guides by axis, then by position, and never merges an x line with a y line', () => {
    const square = { width: 720, height: 720 };
    const rect = { x: 100, y: 300, width: 120, height: 120 };
    const guides = alignmentGuides(rect, [{ x: 105, y: 0, width: 10, height: 10 }, { x: 95, y: 600, width: 10, height: 10 }], square, 10);
    expect(guides.map((g) => [g.axis, g.at])).toEqual([['x', 95], ['x', 100], ['x', 105], ['x', 110], ['y', 360]]);
    const centred = alignmentGuides({ x: 300, y: 300, width: 120, height: 120 }, [], square, 0);
    expect(centred).toEqual([{ axis: 'x', at: 360, from: 0, to: 720 }, { axis: 'y', at: 360, from: 0, to: 720 }]);
  });

  it('uses the tolerance, and nothing aligns beyond it', () => {
    const rect = { x: 643, y: 365, width: 10, height: 10 };
    expect(alignmentGuides(rect, [LEFT], CANVAS, 2)).toEqual([]);
    expect(alignmentGuides(rect, [LEFT], CANVAS, 3)).toEqual([{ axis: 'x', at: 640, from: 0, to: 720 }]);
    expect(alignmentGuides({ ...rect, y: 355 }, [], CANVAS, 0)).toEqual([{ axis: 'y', at: 360, from: 0, to: 1280 }]);
  });
});

describe('snapRect', () => {
  it('moves a region onto the nearest alignment on each axis, keeping its size', () => {
    const { rect, guides } = snapRect({ x: 645, y: 3, width: 320, height: 200 }, [LEFT], CANVAS, 8, 'move');
    expect(rect).toEqual({ x: 640, y: 0, width: 320, height: 200 });
    expect(guides).toEqual([
      { axis: 'x', at: 640, from: 0, to: 720 },
      { axis: 'y', at: 0, from: 0, to: 1280 },
    ]);
  });

  it('centres on the canvas centre', () => {
    expect(snapRect({ x: 478, y: 262, width: 320, height: 200 }, [], CANVAS, 5, 'move').rect).toEqual({ x: 480, y: 260, width: 320, height: 200 });
  });

  it('leaves a rectangle alone with nothing within the threshold', () => {
    const rect = { x: 300, y: 300, width: 101, height: 51 };
    expect(snapRect(rect, [LEFT], CANVAS, 4, 'move')).toEqual({ rect, guides: [] });
  });

  it('moves only the edges a resize handle holds', () => {
    const start = { x: 700, y: 100, width: 300, height: 300 };
    expect(snapRect(start, [LEFT], CANVAS, 6, 'w').rect).toEqual(start);
    expect(snapRect({ ...start, x: 644 }, [LEFT], CANVAS, 6, 'w').rect).toEqual({ x: 640, y: 100, width: 304, height: 300 });
    expect(snapRect({ ...start, x: 645 }, [LEFT], CANVAS, 6, 'e').rect).toEqual({ x: 645, y: 100, width: 300, height: 300 });
    expect(snapRect({ ...start, width: 577 }, [LEFT], CANVAS, 6, 'e').rect).toEqual({ x: 700, y: 100, width: 580, height: 300 });
    expect(snapRect({ ...start, height: 617 }, [LEFT], CANVAS, 6, 'se').rect).toEqual({ x: 700, y: 100, width: 300, height: 620 });
    expect(snapRect({ ...start, y: 3 }, [LEFT], CANVAS, 6, 'n').rect).toEqual({ x: 700, y: 0, width: 300, height: 303 });
  });

  it('takes the nearest target, the first listed on a tie, and one exactly at the threshold', () => {
    // Wide targets: their centre and right edge are far from the edges compared.
    const at = (x: number) => ({ x, y: 300, width: 400, height: 10 });
    const rect = { x: 202, y: 100, width: 50, height: 50 };
    expect(snapRect(rect, [at(190), at(200), at(195)], CANVAS, 10, 'w').rect.x).toBe(200);
    expect(snapRect(rect, [at(198), at(196)], CANVAS, 10, 'w').rect.x).toBe(198);
    expect(snapRect(rect, [at(196), at(201)], CANVAS, 10, 'w').rect.x).toBe(201);
    expect(snapRect({ ...rect, x: 205 }, [at(200), at(200)], CANVAS, 10, 'w').rect.x).toBe(200);
    expect(snapRect({ ...rect, x: 205 }, [at(200), at(210)], CANVAS, 10, 'w').rect.x).toBe(200);
    expect(snapRect({ ...rect, x: 205 }, [at(210), at(200)], CANVAS, 10, 'w').rect.x).toBe(210);
    expect(snapRect(rect, [at(196)], CANVAS, 6, 'w').rect.x).toBe(196);
  });

  it('draws guides only for the edges a resize moves', () => {
    // The left edge sits on LEFT's right edge; dragging the right edge onto the canvas centre line… of nothing.
    const { rect, guides } = snapRect({ x: 640, y: 100, width: 637, height: 100 }, [LEFT], CANVAS, 5, 'e');
    expect(rect.width).toBe(640);
    expect(guides).toEqual([{ axis: 'x', at: 1280, from: 0, to: 720 }]);
  });

  it('never resizes through the opposite edge', () => {
    expect(snapRect({ x: 640, y: 0, width: 2, height: 10 }, [], CANVAS, 10, 'e').rect.width).toBeGreaterThan(0);
    expect(snapRect({ x: 1, y: 0, width: 2, height: 10 }, [], CANVAS, 10, 'w').rect).toEqual({ x: 0, y: 0, width: 3, height: 10 });
  });

  const rectArb = fc.record({
    x: fc.double({ min: -200, max: 1400, noNaN: true }),
    y: fc.double({ min: -200, max: 900, noNaN: true }),
    width: fc.double({ min: 1, max: 800, noNaN: true }),
    height: fc.double({ min: 1, max: 600, noNaN: true }),
  });
  const handleArb = fc.constantFrom<SnapHandle>('move', 'n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw');
  const linesOf = (r: PixelRect, axis: 'x' | 'y') => (axis === 'x' ? [r.x, r.x + r.width / 2, r.x + r.width] : [r.y, r.y + r.height / 2, r.y + r.height]);
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-3;

  it('stays within the threshold, keeps what the handle does not move, and draws only real alignments', () => {
    fc.assert(fc.property(rectArb, fc.array(rectArb, { maxLength: 10 }), fc.double({ min: 0, max: 20, noNaN: true }), handleArb, (input, others, threshold, handle) => {
      const { rect, guides } = snapRect(input, others, CANVAS, threshold, handle);
      const left = input.x;
      const right = input.x + input.width;
      const top = input.y;
      const bottom = input.y + input.height;
      const eps = 1e-6;
      expect(Math.abs(rect.x - left)).toBeLessThanOrEqual(threshold + eps);
      expect(Math.abs(rect.x + rect.width - right)).toBeLessThanOrEqual(threshold + eps);
      expect(Math.abs(rect.y - top)).toBeLessThanOrEqual(threshold + eps);
      expect(Math.abs(rect.y + rect.height - bottom)).toBeLessThanOrEqual(threshold + eps);
      expect(rect.width).toBeGreaterThan(0);
      expect(rect.height).toBeGreaterThan(0);
      if (handle === 'move') {
        expect([rect.width, rect.height]).toEqual([input.width, input.height]);
      } else {
        if (!handle.includes('w')) expect(rect.x).toBe(left);
        if (!handle.includes('e')) expect(rect.x + rect.width).toBeCloseTo(right, 9);
        if (!handle.includes('n')) expect(rect.y).toBe(top);
        if (!handle.includes('s')) expect(rect.y + rect.height).toBeCloseTo(bottom, 9);
      }
      const targets = [{ x: 0, y: 0, ...CANVAS }, ...others];
      for (const g of guides as Guide[]) {
        expect(linesOf(rect, g.axis).some((v) => near(v, g.at))).toBe(true);
        expect(targets.some((t) => linesOf(t, g.axis).some((v) => near(v, g.at)))).toBe(true);
        expect(g.from).toBeLessThan(g.to);
      }
      // Every alignment of a moved line within reach of the result is drawn.
      if (handle === 'move') {
        const drawn = alignmentGuides(rect, others, CANVAS, 1e-3);
        expect(drawn.map((g) => [g.axis, g.at])).toEqual(guides.map((g) => [g.axis, g.at]));
      }
    }));
  });

  it('snaps whenever a target lies within the threshold of a moving line', () => {
    fc.assert(fc.property(rectArb, rectArb, fc.double({ min: 1, max: 20, noNaN: true }), (input, other, threshold) => {
      const { guides } = snapRect(input, [other], CANVAS, threshold, 'move');
      const targets = [...linesOf(other, 'x'), 0, 640, 1280];
      const reachable = linesOf(input, 'x').some((v) => targets.some((t) => Math.abs(t - v) <= threshold));
      expect(guides.some((g) => g.axis === 'x')).toBe(reachable);
    }));
  });
});
