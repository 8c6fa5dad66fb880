import { describe, expect, it } from 'vitest';
import { captureRect } from './export-geometry.ts';

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
