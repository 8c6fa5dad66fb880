import { describe, expect, it } from 'vitest';
import {
  actualSize, canvasToScreen, clampScale, fitView, MAX_SCALE, MAX_VIEWPORT_HEIGHT, MIN_SCALE, panBy, screenToCanvas,
  viewportFor, wheelFactor, ZOOM_STEP, zoomBy, zoomTo,
} from './canvas-view.ts';

const HD = { width: 1280, height: 720 };

describe('viewportFor', () => {
  it('keeps the canvas aspect ratio', () => {
    expect(viewportFor(640, HD)).toEqual({ width: 640, height: 360 });
  });
  it('caps tall canvases', () => {
    expect(viewportFor(800, { width: 720, height: 1280 }).height).toBe(MAX_VIEWPORT_HEIGHT);
  });
  it('is empty before the width is known', () => {
    expect(viewportFor(0, HD)).toEqual({ width: 0, height: 0 });
  });
  it('takes a taller cap where the screen is the canvas (presentation view)', () => {
    expect(viewportFor(1800, HD, 900)).toEqual({ width: 1800, height: 900 });
    expect(viewportFor(1200, HD, 900)).toEqual({ width: 1200, height: 675 });
  });
});

describe('fitView', () => {
  it('fills the width of a same-ratio viewport', () => {
    expect(fitView({ width: 640, height: 360 }, HD)).toEqual({ scale: 0.5, x: 0, y: 0 });
  });
  it('centres a canvas narrower than the viewport', () => {
    const v = fitView({ width: 800, height: 640 }, { width: 720, height: 1280 });
    expect(v.scale).toBe(0.5);
    expect(v.x).toBe(220); // (800 - 360) / 2
    expect(v.y).toBe(0);
  });
  it('gives a usable view for an empty viewport', () => {
    expect(fitView({ width: 0, height: 0 }, HD)).toEqual({ scale: 1, x: 0, y: 0 });
  });
});

describe('screenToCanvas and canvasToScreen', () => {
  it('are inverse', () => {
    const view = { scale: 0.4, x: 12, y: -30 };
    const p = { x: 640, y: 360 };
    expect(screenToCanvas(view, canvasToScreen(view, p))).toEqual(p);
  });
  it('map the top-left of the canvas to the view offset', () => {
    expect(canvasToScreen({ scale: 2, x: 5, y: 7 }, { x: 0, y: 0 })).toEqual({ x: 5, y: 7 });
  });
});

describe('zoomTo', () => {
  it('keeps the canvas point under the anchor still', () => {
    const view = { scale: 0.5, x: 10, y: 20 };
    const anchor = { x: 200, y: 100 };
    const before = screenToCanvas(view, anchor);
    const after = screenToCanvas(zoomTo(view, 1.5, anchor), anchor);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });
  it('clamps the scale', () => {
    expect(zoomTo({ scale: 1, x: 0, y: 0 }, 1000, { x: 0, y: 0 }).scale).toBe(MAX_SCALE);
    expect(clampScale(0)).toBe(MIN_SCALE);
  });
  it('lands on whole pixels at 1:1', () => {
    const v = zoomTo({ scale: 0.37, x: 3.3, y: 1.7 }, 1, { x: 101.5, y: 55.25 });
    expect(Number.isInteger(v.x) && Number.isInteger(v.y)).toBe(true);
  });
});

describe('zoomBy', () => {
  it('multiplies the scale', () => {
    expect(zoomBy({ scale: 1, x: 0, y: 0 }, ZOOM_STEP, { x: 0, y: 0 }).scale).toBe(ZOOM_STEP);
  });
});

describe('actualSize', () => {
  it('is scale 1 around the viewport centre', () => {
    const viewport = { width: 640, height: 360 };
    const fit = fitView(viewport, HD);
    const one = actualSize(fit, viewport);
    expect(one.scale).toBe(1);
    // The canvas centre stays at the viewport centre: 640 × 1 + x = 320.
    expect(one).toEqual({ scale: 1, x: -320, y: -180 });
  });
});

describe('panBy', () => {
  const viewport = { width: 640, height: 360 };
  it('moves the view', () => {
    expect(panBy({ scale: 1, x: -320, y: -180 }, 10, -5, viewport, HD)).toEqual({ scale: 1, x: -310, y: -185 });
  });
  it('keeps some of the canvas in view', () => {
    const v = panBy({ scale: 1, x: 0, y: 0 }, 5000, 5000, viewport, HD, 48);
    expect(v.x).toBe(640 - 48);
    expect(v.y).toBe(360 - 48);
    const w = panBy({ scale: 1, x: 0, y: 0 }, -5000, -5000, viewport, HD, 48);
    expect(w.x).toBe(48 - 1280);
    expect(w.y).toBe(48 - 720);
  });
});

describe('wheelFactor', () => {
  it('zooms in when the wheel turns up, out when down', () => {
    expect(wheelFactor(-100, 0)).toBeCloseTo(ZOOM_STEP, 9);
    expect(wheelFactor(100, 0)).toBeCloseTo(1 / ZOOM_STEP, 9);
  });
  it('reads line and page deltas as pixels and bounds a flung wheel', () => {
    expect(wheelFactor(-3, 1)).toBeCloseTo(Math.pow(ZOOM_STEP, 0.48), 9);
    expect(wheelFactor(-10, 2)).toBeCloseTo(Math.pow(ZOOM_STEP, 3), 9);
  });
});
