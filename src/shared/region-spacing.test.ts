import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisGaps, spacingFigure, spacingLines, type SpacedRect } from './region-spacing.ts';

const CANVAS = { width: 1280, height: 720 };
const rect = fc.record({
  x: fc.integer({ min: -200, max: 1400 }),
  y: fc.integer({ min: -200, max: 800 }),
  width: fc.integer({ min: 1, max: 800 }),
  height: fc.integer({ min: 1, max: 600 }),
});
const inside = fc.record({ x: fc.integer({ min: 0, max: 1000 }), y: fc.integer({ min: 0, max: 500 }), width: fc.integer({ min: 1, max: 280 }), height: fc.integer({ min: 1, max: 220 }) });
const others = fc.array(rect, { maxLength: 8 }).map((rs) => rs.map((r, i): SpacedRect => ({ id: `r${i}`, rect: r })));

describe('axisGaps', () => {
  it('is non-negative and symmetric', () => {
    fc.assert(fc.property(rect, rect, (a, b) => {
      const ab = axisGaps(a, b);
      expect(ab.x).toBeGreaterThanOrEqual(0);
      expect(ab.y).toBeGreaterThanOrEqual(0);
      expect(axisGaps(b, a)).toEqual(ab);
    }));
  });

  it('is zero on an axis where the rectangles touch or overlap', () => {
    fc.assert(fc.property(rect, fc.integer({ min: 1, max: 300 }), fc.integer({ min: -50, max: 50 }), (a, width, dy) => {
      const touching = { x: a.x + a.width, y: a.y + dy, width, height: a.height };
      expect(axisGaps(a, touching).x).toBe(0);
      expect(axisGaps(a, { ...touching, x: a.x }).x).toBe(0);
    }));
  });

  it('is the empty space between them, moved apart along an axis', () => {
    fc.assert(fc.property(rect, fc.integer({ min: 0, max: 500 }), (a, gap) => {
      expect(axisGaps(a, { ...a, y: a.y + a.height + gap }).y).toBe(gap);
      expect(axisGaps(a, { ...a, x: a.x - a.width - gap }).x).toBe(gap);
    }));
  });
});

describe('spacingLines', () => {
  it('draws one line per side of a region on the canvas, each non-negative and as long as it says', () => {
    fc.assert(fc.property(inside, others, (a, os) => {
      const lines = spacingLines(a, os, CANVAS);
      expect(lines.map((l) => l.side).sort()).toEqual(['bottom', 'left', 'right', 'top']);
      for (const l of lines) {
        expect(l.length).toBeGreaterThanOrEqual(0);
        expect(Math.abs(l.to.x - l.from.x) + Math.abs(l.to.y - l.from.y)).toBeCloseTo(l.length, 9);
        for (const p of [l.from, l.to]) {
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.x).toBeLessThanOrEqual(CANVAS.width);
          expect(p.y).toBeGreaterThanOrEqual(0);
          expect(p.y).toBeLessThanOrEqual(CANVAS.height);
        }
      }
    }));
  });

  it('measures to a neighbour the gap between the two, and to no farther one than the nearest', () => {
    fc.assert(fc.property(inside, others, (a, os) => {
      for (const l of spacingLines(a, os, CANVAS)) {
        const target = os.find((o) => o.id === l.targetId);
        if (!target) continue;
        const gaps = axisGaps(a, target.rect);
        expect(l.length).toBe(l.side === 'left' || l.side === 'right' ? gaps.x : gaps.y);
        // The far end lies on the neighbour's near edge.
        const edge = { left: target.rect.x + target.rect.width, right: target.rect.x, top: target.rect.y + target.rect.height, bottom: target.rect.y }[l.side];
        expect(l.side === 'left' || l.side === 'right' ? l.to.x : l.to.y).toBe(edge);
      }
    }));
  });

  it('measures to the canvas edge when nothing is on that side', () => {
    fc.assert(fc.property(inside, (a) => {
      const lines = new Map(spacingLines(a, [], CANVAS).map((l) => [l.side, l]));
      expect(lines.get('left')?.length).toBe(a.x);
      expect(lines.get('top')?.length).toBe(a.y);
      expect(lines.get('right')?.length).toBe(CANVAS.width - a.x - a.width);
      expect(lines.get('bottom')?.length).toBe(CANVAS.height - a.y - a.height);
    }));
  });

  it('reads 0 for a neighbour that touches, and ignores one that overlaps', () => {
    const a = { x: 100, y: 100, width: 200, height: 100 };
    const lines = spacingLines(a, [{ id: 'touch', rect: { x: 300, y: 150, width: 50, height: 50 } }, { id: 'over', rect: { x: 50, y: 120, width: 100, height: 20 } }], CANVAS);
    expect(lines.find((l) => l.side === 'right')).toMatchObject({ targetId: 'touch', length: 0 });
    expect(lines.find((l) => l.side === 'left')).toMatchObject({ targetId: undefined, length: 100 });
  });

  it('draws nothing for a region wholly off the canvas', () => {
    expect(spacingLines({ x: 2000, y: 0, width: 10, height: 10 }, [], CANVAS)).toEqual([]);
  });

  it('writes figures in whole pixels, or one decimal', () => {
    expect(spacingFigure(60)).toBe('60');
    expect(spacingFigure(12.345)).toBe('12.3');
  });
});
