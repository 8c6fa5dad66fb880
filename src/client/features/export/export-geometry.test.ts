import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { besideLayout, captureRect } from './export-geometry.ts';

describe('captureRect', () => {
  it('captures the whole canvas at its true size when the view fits it', () => {
    const r = captureRect([0.5, 0, 0, 0.5, 0, 20], { width: 1280, height: 720 });
    expect(r).toEqual({ x: 0, y: 20, width: 640, height: 360, pixelRatio: 2 });
    expect(r.width * r.pixelRatio).toBe(1280);
  });

  it('follows zoom and pan, including parts scrolled out of view', () => {
    const r = captureRect([4, 0, 0, 4, -900, -300], { width: 640, height: 480 });
    expect(r).toEqual({ x: -900, y: -300, width: 2560, height: 1920, pixelRatio: 0.25 });
  });

  it('treats a degenerate transform as 1:1', () => {
    expect(captureRect([0, 0, 0, 0, 0, 0], { width: 2, height: 2 })).toMatchObject({ width: 2, pixelRatio: 1 });
    expect(captureRect([], { width: 2, height: 2 })).toEqual({ x: 0, y: 0, width: 2, height: 2, pixelRatio: 1 });
  });
});

describe('a frozen frame beside the layout', () => {
  it('keeps the layout at its true size and the frame at its aspect, as tall as the layout', () => {
    fc.assert(fc.property(fc.integer({ min: 16, max: 4000 }), fc.integer({ min: 16, max: 4000 }), fc.integer({ min: 16, max: 4000 }), fc.integer({ min: 16, max: 4000 }), (cw, ch, fw, fh) => {
      const out = besideLayout({ width: cw, height: ch }, { width: fw, height: fh });
      expect(out.height).toBe(ch);
      expect(out.frame.height).toBe(ch);
      expect(out.frame.x).toBeGreaterThan(cw);
      expect(out.frame.x + out.frame.width).toBe(out.width);
      // Whole pixels, at least one: the aspect within a pixel.
      expect(Math.abs(out.frame.width - fw * ch / fh)).toBeLessThanOrEqual(1);
    }));
  });

  it('adds nothing for a frame with no height', () => {
    expect(besideLayout({ width: 640, height: 360 }, { width: 100, height: 0 }).width).toBe(640);
  });
});
