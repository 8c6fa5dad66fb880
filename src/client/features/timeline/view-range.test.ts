import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampView, fitView, focusView, isWholeLife, MIN_VIEW_MS, panView, zoomView, type ViewRange } from './view-range.ts';

const life = { from: 1_000_000, to: 1_000_000 + 3_600_000 };

describe('zoomView', () => {
  it('halves the span around the middle, and back', () => {
    const half = zoomView(fitView(life), life, 0.5);
    expect(half).toEqual({ from: life.from + 900_000, to: life.from + 2_700_000 });
    expect(zoomView(half, life, 2)).toEqual(life);
  });

  it('keeps the anchor where it is on screen', () => {
    const v = zoomView(life, life, 0.5, life.from + 360_000);
    expect((life.from + 360_000 - v.from) / (v.to - v.from)).toBeCloseTo(0.1);
  });

  it('never zooms closer than the minimum nor out past the life', () => {
    expect(zoomView(life, life, 1e-9).to - zoomView(life, life, 1e-9).from).toBe(MIN_VIEW_MS);
    expect(zoomView(life, life, 10)).toEqual(life);
  });
});

describe('panView', () => {
  it('moves by a share of the span and stops at the edges', () => {
    const v = { from: life.from + 1_000_000, to: life.from + 2_000_000 };
    expect(panView(v, life, -0.5)).toEqual({ from: life.from + 500_000, to: life.from + 1_500_000 });
    expect(panView(v, life, -5)).toEqual({ from: life.from, to: life.from + 1_000_000 });
    expect(panView(v, life, 5)).toEqual({ from: life.to - 1_000_000, to: life.to });
  });
});

describe('fitView and focusView', () => {
  it('gives a just-started task room to be drawn', () => {
    expect(fitView({ from: 5, to: 5 })).toEqual({ from: 5, to: 5 + MIN_VIEW_MS });
    expect(isWholeLife(fitView(life), life)).toBe(true);
  });

  it('frames a moment with room around it', () => {
    expect(focusView(life, life.from + 10_000, life.from + 12_000)).toEqual({ from: life.from + 9_000, to: life.from + 13_000 });
  });
});

describe('clampView, properties', () => {
  const arb = fc.record({ a: fc.integer({ min: -1e7, max: 1e7 }), b: fc.integer({ min: -1e7, max: 1e7 }), f: fc.double({ min: 0.01, max: 100, noNaN: true }), p: fc.double({ min: -3, max: 3, noNaN: true }) });
  it('always stays inside the life, at least the minimum wide (or the whole life)', () => {
    fc.assert(fc.property(arb, ({ a, b, f, p }) => {
      const views: ViewRange[] = [clampView({ from: a, to: b }, life), zoomView(life, life, f, life.from + Math.abs(a)), panView(zoomView(life, life, f), life, p)];
      for (const v of views) {
        expect(v.from).toBeGreaterThanOrEqual(life.from);
        expect(v.to).toBeLessThanOrEqual(life.to + 1e-6);
        expect(v.to - v.from).toBeGreaterThanOrEqual(MIN_VIEW_MS - 1e-6);
      }
    }));
  });
});
