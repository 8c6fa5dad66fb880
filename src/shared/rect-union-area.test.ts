import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unionArea } from './rect-union-area.ts';
import type { PixelRect } from './layout-model.ts';

const rect = (x: number, y: number, width: number, height: number): PixelRect => ({ x, y, width, height });

/** Counts unit cells one by one: slow, obviously right, for small integer rectangles. */
function bruteForce(rects: PixelRect[]): number {
  let cells = 0;
  for (let x = -5; x < 30; x++) {
    for (let y = -5; y < 30; y++) {
      if (rects.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)) cells++;
    }
  }
  return cells;
}

describe('unionArea', () => {
  it('is 0 for no rectangles and the area for one', () => {
    expect(unionArea([])).toBe(0);
    expect(unionArea([rect(3, 4, 10, 20)])).toBe(200);
  });
  it('counts an overlap once', () => expect(unionArea([rect(0, 0, 10, 10), rect(5, 5, 10, 10)])).toBe(175)); // 100 + 100 - 25
  it('ignores rectangles with no area', () => expect(unionArea([rect(0, 0, 10, 10), rect(2, 2, 0, 50), rect(2, 2, -4, 5)])).toBe(100));
  it('adds disjoint rectangles and swallows contained ones', () => {
    expect(unionArea([rect(0, 0, 10, 10), rect(20, 20, 5, 5), rect(2, 2, 3, 3)])).toBe(125);
  });
  it('handles a plus shape and a frame', () => {
    expect(unionArea([rect(0, 32, 100, 68), rect(32, 0, 68, 100)])).toBe(8976); // 100² − 32²
    expect(unionArea([rect(0, 0, 10, 1), rect(0, 9, 10, 1), rect(0, 0, 1, 10), rect(9, 0, 1, 10)])).toBe(36);
  });
  it('matches counting cells one by one (property)', () => {
    const r = fc.record({ x: fc.integer({ min: -5, max: 25 }), y: fc.integer({ min: -5, max: 25 }), width: fc.integer({ min: -2, max: 10 }), height: fc.integer({ min: -2, max: 10 }) });
    fc.assert(fc.property(fc.array(r, { maxLength: 10 }), (rects) => {
      const clipped = rects.map((b) => ({ ...b, width: Math.min(b.width, 30 - b.x), height: Math.min(b.height, 30 - b.y) }));
      expect(unionArea(clipped)).toBe(bruteForce(clipped));
    }), { numRuns: 300 });
  });
});
