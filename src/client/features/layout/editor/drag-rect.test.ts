import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dragRect, handleAt, handlePoint, HANDLES, MIN_SIZE, nudgeRect, type Handle } from './drag-rect.ts';

const R = { x: 100, y: 50, width: 200, height: 100 };

const rect = fc.record({
  x: fc.integer({ min: -2000, max: 2000 }),
  y: fc.integer({ min: -2000, max: 2000 }),
  width: fc.integer({ min: 1, max: 2000 }),
  height: fc.integer({ min: 1, max: 2000 }),
});
const delta = fc.integer({ min: -5000, max: 5000 });
const handle = fc.constantFrom(...HANDLES);

describe('handlePoint', () => {
  it('puts corners on corners and side handles at the middle of their side', () => {
    expect(handlePoint(R, 'nw')).toEqual({ x: 100, y: 50 });
    expect(handlePoint(R, 'se')).toEqual({ x: 300, y: 150 });
    expect(handlePoint(R, 'n')).toEqual({ x: 200, y: 50 });
    expect(handlePoint(R, 'e')).toEqual({ x: 300, y: 100 });
    expect(handlePoint(R, 's')).toEqual({ x: 200, y: 150 });
    expect(handlePoint(R, 'w')).toEqual({ x: 100, y: 100 });
  });
});

describe('handleAt', () => {
  it('finds the handle within the radius and nothing farther', () => {
    expect(handleAt(R, { x: 303, y: 148 }, 5)).toBe('se');
    expect(handleAt(R, { x: 200, y: 46 }, 5)).toBe('n');
    expect(handleAt(R, { x: 200, y: 100 }, 5)).toBeUndefined();
    expect(handleAt(R, { x: 306, y: 150 }, 5)).toBeUndefined();
  });
  it('prefers the nearest handle, and a corner over a side at the same distance', () => {
    const tiny = { x: 0, y: 0, width: 4, height: 4 };
    expect(handleAt(tiny, { x: 4, y: 4 }, 5)).toBe('se');
    expect(handleAt(tiny, { x: 2, y: 0 }, 5)).toBe('n');
    expect(handleAt(tiny, { x: 1, y: 0 }, 5)).toBe('nw');
  });
  it('returns a handle whose point is within the radius, for every rectangle', () => {
    fc.assert(fc.property(rect, handle, (r, h) => {
      const found = handleAt(r, handlePoint(r, h), 3);
      expect(found).toBeDefined();
      const p = handlePoint(r, found as Handle);
      const q = handlePoint(r, h);
      expect(Math.max(Math.abs(p.x - q.x), Math.abs(p.y - q.y))).toBeLessThanOrEqual(0);
    }));
  });
});

describe('dragRect', () => {
  it('moves without resizing', () => {
    fc.assert(fc.property(rect, delta, delta, (r, dx, dy) => {
      expect(dragRect(r, 'move', dx, dy)).toEqual({ x: r.x + dx, y: r.y + dy, width: r.width, height: r.height });
    }));
  });
  it('moves only the sides the handle names', () => {
    expect(dragRect(R, 'e', 30, 999)).toEqual({ x: 100, y: 50, width: 230, height: 100 });
    expect(dragRect(R, 'nw', 10, 20)).toEqual({ x: 110, y: 70, width: 190, height: 80 });
    expect(dragRect(R, 's', 999, -40)).toEqual({ x: 100, y: 50, width: 200, height: 60 });
  });
  it('keeps the opposite sides where they are and never goes below the minimum size', () => {
    fc.assert(fc.property(rect, handle, delta, delta, (r, h, dx, dy) => {
      const out = dragRect(r, h, dx, dy);
      expect(out.width).toBeGreaterThanOrEqual(MIN_SIZE);
      expect(out.height).toBeGreaterThanOrEqual(MIN_SIZE);
      if (!h.includes('w')) expect(out.x).toBe(r.x);
      if (!h.includes('e')) expect(out.x + out.width).toBe(r.x + r.width);
      if (!h.includes('n')) expect(out.y).toBe(r.y);
      if (!h.includes('s')) expect(out.y + out.height).toBe(r.y + r.height);
    }));
  });
  it('follows the pointer exactly while the size stays above the minimum', () => {
    fc.assert(fc.property(rect, handle, delta, delta, (r, h, dx, dy) => {
      const out = dragRect(r, h, dx, dy);
      if (h.includes('e') && r.width + dx >= MIN_SIZE) expect(out.x + out.width).toBe(r.x + r.width + dx);
      if (h.includes('w') && r.width - dx >= MIN_SIZE) expect(out.x).toBe(r.x + dx);
      if (h.includes('s') && r.height + dy >= MIN_SIZE) expect(out.y + out.height).toBe(r.y + r.height + dy);
      if (h.includes('n') && r.height - dy >= MIN_SIZE) expect(out.y).toBe(r.y + dy);
    }));
  });
});

describe('nudgeRect', () => {
  it('moves by the step in the arrow direction and ignores other keys', () => {
    expect(nudgeRect(R, 'ArrowLeft', 1)).toEqual({ ...R, x: 99 });
    expect(nudgeRect(R, 'ArrowDown', 10)).toEqual({ ...R, y: 60 });
    expect(nudgeRect(R, 'ArrowUp', 10)).toEqual({ ...R, y: 40 });
    expect(nudgeRect(R, 'ArrowRight', 1)).toEqual({ ...R, x: 101 });
    expect(nudgeRect(R, 'a', 1)).toBeUndefined();
  });
});
