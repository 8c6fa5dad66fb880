import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PixelRect } from '../../../../shared/layout-model.ts';
import { placeLabels, type LabelAsk } from './label-placement.ts';

const INSET = 4;
const rect = (x: number, y: number, width: number, height: number): PixelRect => ({ x, y, width, height });
const within = (outer: PixelRect, r: PixelRect, eps = 1e-9) =>
  r.x >= outer.x - eps && r.y >= outer.y - eps && r.x + r.width <= outer.x + outer.width + eps && r.y + r.height <= outer.y + outer.height + eps;
const overlaps = (a: PixelRect, b: PixelRect) => Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);

const stageArb = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }), width: fc.integer({ min: 40, max: 1600 }), height: fc.integer({ min: 20, max: 1000 }) });
const askArb = (i: number) => fc.record({
  anchor: fc.record({ x: fc.integer({ min: -800, max: 2000 }), y: fc.integer({ min: -800, max: 1400 }), width: fc.integer({ min: 1, max: 1600 }), height: fc.integer({ min: 1, max: 1000 }) }),
  covers: fc.array(fc.record({ x: fc.integer({ min: -800, max: 2000 }), y: fc.integer({ min: -800, max: 1400 }), width: fc.integer({ min: 1, max: 900 }), height: fc.integer({ min: 1, max: 600 }) }), { maxLength: 3 }),
  width: fc.integer({ min: 20, max: 400 }),
  height: fc.constantFrom(18, 24),
}).map((a): LabelAsk => ({ id: `r${i}`, ...a }));
const asksArb = fc.integer({ min: 0, max: 14 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => askArb(i))));

describe('placeLabels', () => {
  it('keeps every label whole on the stage, at most once per region, only for regions in view', () => {
    fc.assert(fc.property(asksArb, stageArb, (asks, stage) => {
      const placed = placeLabels(asks, stage, INSET);
      expect(new Set(placed.map((p) => p.id)).size).toBe(placed.length);
      for (const p of placed) {
        expect(within(stage, p.rect)).toBe(true);
        const ask = asks.find((a) => a.id === p.id);
        expect(p.rect.width).toBe(Math.min(ask?.width ?? NaN, stage.width));
      }
      // Only regions with a part on the stage are named.
      for (const p of placed) expect(asks.some((a) => a.id === p.id && overlaps(a.anchor, stage))).toBe(true);
    }));
  });

  it('puts a label beside its region only where it lies on no other label and none of what it keeps clear of', () => {
    fc.assert(fc.property(asksArb, stageArb, fc.array(fc.record({ x: fc.integer({ min: -200, max: 1200 }), y: fc.integer({ min: -200, max: 800 }), width: fc.integer({ min: 1, max: 200 }), height: fc.integer({ min: 1, max: 60 }) }), { maxLength: 3 }), (asks, stage, keep) => {
      const placed = placeLabels(asks, stage, INSET, keep);
      for (const p of placed.filter((x) => !x.inside)) {
        for (const q of placed) if (q !== p) expect(overlaps(p.rect, q.rect), `${p.id} on ${q.id}`).toBe(false);
        for (const k of keep) expect(overlaps(p.rect, k)).toBe(false);
      }
    }));
  });

  it('keeps a label inside its region when it fits there, clear of the regions over it', () => {
    fc.assert(fc.property(asksArb, stageArb, (asks, stage) => {
      const placed = new Map(placeLabels(asks, stage, INSET).map((p) => [p.id, p]));
      for (const ask of asks) {
        const p = placed.get(ask.id);
        if (p?.inside) {
          expect(within(ask.anchor, p.rect)).toBe(true);
          for (const c of ask.covers) expect(overlaps(c, p.rect)).toBe(false);
        }
        // Room at its visible top-left and nothing over it: it must be inside.
        const x = Math.max(ask.anchor.x, stage.x);
        const y = Math.max(ask.anchor.y, stage.y);
        const w = Math.min(ask.anchor.x + ask.anchor.width, stage.x + stage.width) - x;
        const h = Math.min(ask.anchor.y + ask.anchor.height, stage.y + stage.height) - y;
        if (ask.covers.length === 0 && w >= ask.width + 2 * INSET && h >= ask.height + 2 * INSET) expect(p?.inside).toBe(true);
      }
    }));
  });

  it('names every region, none on another, where each can have a place of its own', () => {
    // Small regions on a sparse grid: room around each for its label, so none need share.
    const cell = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
    fc.assert(fc.property(fc.uniqueArray(cell, { selector: ([c, r]) => `${c},${r}`, maxLength: 25 }), fc.integer({ min: 2, max: 30 }), (cells, size) => {
      const asks = cells.map(([c, r], i): LabelAsk => ({ id: `r${i}`, anchor: rect(40 + c * 260, 40 + r * 120, size, size), covers: [], width: 120, height: 18 }));
      const placed = placeLabels(asks, rect(0, 0, 1400, 700), INSET);
      expect(placed).toHaveLength(asks.length);
      for (const [i, a] of placed.entries()) for (const b of placed.slice(i + 1)) expect(overlaps(a.rect, b.rect)).toBe(false);
    }));
  });

  it('names two small neighbours below and then above, or beside, not on each other', () => {
    const asks: LabelAsk[] = [
      { id: 'a', anchor: rect(100, 300, 20, 20), covers: [], width: 90, height: 18 },
      { id: 'b', anchor: rect(124, 300, 20, 20), covers: [], width: 90, height: 18 },
    ];
    const [a, b] = placeLabels(asks, rect(0, 0, 640, 360), INSET);
    expect(a).toEqual({ id: 'a', rect: rect(100, 324, 90, 18), inside: false });
    expect(b).toEqual({ id: 'b', rect: rect(124, 278, 90, 18), inside: false });
  });

  it('puts a label where it stays on the stage beside its region, and goes beside a region covered at every corner', () => {
    const stage = rect(0, 0, 640, 360);
    const [edge] = placeLabels([{ id: 'e', anchor: rect(600, 340, 40, 20), covers: [], width: 120, height: 18 }], stage, INSET);
    expect(edge).toEqual({ id: 'e', rect: rect(476, 340, 120, 18), inside: false });
    const big = rect(100, 100, 300, 200);
    const covers = [rect(100, 100, 300, 40), rect(100, 260, 300, 40)];
    const [covered] = placeLabels([{ id: 'c', anchor: big, covers, width: 120, height: 18 }], stage, INSET);
    expect(covered?.inside).toBe(false);
    const [free] = placeLabels([{ id: 'c', anchor: big, covers: [covers[0] ?? big], width: 120, height: 18 }], stage, INSET);
    expect(free).toEqual({ id: 'c', rect: rect(104, 278, 120, 18), inside: true });
  });

  it('keeps labels off the figures it is told to keep clear, inside and beside', () => {
    const stage = rect(0, 0, 640, 360);
    const figure = rect(100, 100, 40, 18);
    const [inside] = placeLabels([{ id: 'a', anchor: rect(96, 96, 300, 200), covers: [], width: 120, height: 18 }], stage, INSET, [figure]);
    expect(inside).toEqual({ id: 'a', rect: rect(272, 100, 120, 18), inside: true });
    const [beside] = placeLabels([{ id: 'b', anchor: rect(100, 60, 20, 20), covers: [], width: 90, height: 18 }], stage, INSET, [rect(90, 80, 60, 30)]);
    expect(beside).toEqual({ id: 'b', rect: rect(100, 38, 90, 18), inside: false });
  });
});
