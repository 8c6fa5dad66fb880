import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULER_MIN_GAP_PX, rulerFigure, rulerStep, rulerTicks } from './scene-rulers.ts';

describe('rulers', () => {
  it('pick a round step whose figures have room, and no coarser than needed', () => {
    fc.assert(fc.property(fc.double({ min: 0.05, max: 8, noNaN: true }), (scale) => {
      const step = rulerStep(scale);
      expect(step * scale).toBeGreaterThanOrEqual(RULER_MIN_GAP_PX - 1e-9);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContain(Math.round(mantissa));
      expect((step / 2.5) * scale).toBeLessThan(RULER_MIN_GAP_PX); // the next step down has no room
    }));
  });

  it('put each tick where its output pixel is on the screen, within the canvas and the ruler', () => {
    fc.assert(fc.property(fc.double({ min: 0.05, max: 8, noNaN: true }), fc.integer({ min: -3000, max: 800 }), fc.integer({ min: 100, max: 1400 }), fc.integer({ min: 16, max: 1920 }), (scale, offset, length, extent) => {
      const ticks = rulerTicks(scale, offset, length, extent);
      for (const t of ticks) {
        expect(t.at).toBeCloseTo(offset + t.value * scale, 6);
        expect(t.value).toBeGreaterThanOrEqual(0);
        expect(t.value).toBeLessThanOrEqual(extent);
        expect(t.at).toBeLessThanOrEqual(length + 1e-6);
      }
      const majors = ticks.filter((t) => t.major);
      for (let i = 1; i < majors.length; i++) expect((majors[i]?.at ?? 0) - (majors[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(RULER_MIN_GAP_PX - 1e-6);
    }));
  });

  it('marks 0, 200, 400 … on a 1280 px canvas at half size', () => {
    const majors = rulerTicks(0.5, 10, 700, 1280).filter((t) => t.major).map((t) => [t.value, t.at]);
    expect(majors.slice(0, 3)).toEqual([[0, 10], [200, 110], [400, 210]]);
    expect(majors.at(-1)).toEqual([1200, 610]);
  });

  it('keep every figure on the ruler, beside its tick and clear of the next one', () => {
    // A figure is at most four digits of a 10 px font (canvases are under 10 000 px): about 24 px,
    // so two figures facing each other still fit between majors.
    fc.assert(fc.property(fc.double({ min: 0.05, max: 8, noNaN: true }), fc.integer({ min: -3000, max: 800 }), fc.integer({ min: 100, max: 1400 }), fc.integer({ min: 16, max: 1920 }), fc.integer({ min: 6, max: (RULER_MIN_GAP_PX - 4) / 2 }), (scale, offset, length, extent, width) => {
      const majors = rulerTicks(scale, offset, length, extent).filter((t) => t.major && t.at >= 0);
      const spans = majors.map((t) => {
        const f = rulerFigure(t.at, width, length);
        const span: [number, number] = f.anchor === 'start' ? [f.at, f.at + width] : [f.at - width, f.at];
        expect(Math.abs(f.at - t.at)).toBeLessThanOrEqual(2 + 1e-9);
        expect(span[0]).toBeGreaterThanOrEqual(0);
        expect(span[1]).toBeLessThanOrEqual(length + 1e-9);
        return span;
      });
      for (const [i, span] of spans.entries()) {
        const next = spans[i + 1];
        if (next) expect(span[1]).toBeLessThanOrEqual(next[0] + 1e-9);
      }
    }));
  });

  it('turn the last figure back before its tick at the ruler\'s end', () => {
    expect(rulerFigure(600, 24, 610)).toEqual({ at: 598, anchor: 'end' });
    expect(rulerFigure(10, 24, 610)).toEqual({ at: 12, anchor: 'start' });
  });
});
