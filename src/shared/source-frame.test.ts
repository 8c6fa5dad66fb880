import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import example from './fixtures/doc-example-2020-12-01.json' with { type: 'json' };
import { checkSourceCrop, regionSourceFrame, sourceFrame } from './source-frame.ts';
import { buildTaskModel } from './task-model.ts';

const fullCrop = { x: 0, y: 0, width: 1, height: 1 };
const square = { x: 0, y: 0, width: 640, height: 640 };

describe('checkSourceCrop', () => {
  it('keeps a window inside the frame', () => {
    const crop = { x: 0.5, y: 0.5, width: 0.4, height: 0.4 };
    expect(checkSourceCrop(crop)).toEqual({ requested: crop, window: crop, problems: [], empty: false });
  });
  it('resets an out-of-range field to its default, as Volcengine does with optional fields', () => {
    const result = checkSourceCrop({ x: 1.2, y: -0.1, width: 1.5, height: 0.5 });
    expect(result.window).toEqual({ x: 0, y: 0, width: 1, height: 0.5 });
    expect(result.problems).toEqual([
      { field: 'LocationX', value: 1.2, problem: 'outOfRange', used: 0 },
      { field: 'LocationY', value: -0.1, problem: 'outOfRange', used: 0 },
      { field: 'WidthProportion', value: 1.5, problem: 'outOfRange', used: 1 },
    ]);
  });
  it('cuts a window that runs past the edge', () => {
    const result = checkSourceCrop({ x: 0.75, y: 0.5, width: 0.5, height: 0.75 });
    expect(result.window).toEqual({ x: 0.75, y: 0.5, width: 0.25, height: 0.5 });
    expect(result.problems.map((p) => [p.field, p.problem, p.used])).toEqual([['WidthProportion', 'overflow', 0.25], ['HeightProportion', 'overflow', 0.5]]);
  });
  it('flags an empty window and uses the whole frame', () => {
    const result = checkSourceCrop({ x: 0, y: 0, width: 0, height: 1 });
    expect(result.empty).toBe(true);
    expect(result.window).toEqual(fullCrop);
  });
  it('does not count float rounding as running past the edge', () => {
    // Fractions computed from other fractions: x + width and y + height land just past 1.
    const x = 0.34 + 0.56;
    const y = 0.33 + 0.56;
    expect(x + 0.1).toBeGreaterThan(1);
    expect(y + 0.11).toBeGreaterThan(1);
    expect(checkSourceCrop({ x, y, width: 0.1, height: 0.11 }).problems).toEqual([]);
  });
  it('always returns a non-empty window inside the frame (property)', () => {
    const n = fc.double({ min: -2, max: 2, noNaN: true });
    fc.assert(fc.property(n, n, n, n, (x, y, width, height) => {
      const { window } = checkSourceCrop({ x, y, width, height });
      expect(window.x).toBeGreaterThanOrEqual(0);
      expect(window.width).toBeGreaterThan(0);
      expect(window.x + window.width).toBeLessThanOrEqual(1 + 1e-6);
      expect(window.y + window.height).toBeLessThanOrEqual(1 + 1e-6);
    }));
  });
});

describe('checkSourceCrop at the documented edges', () => {
  it('resets LocationX or LocationY of exactly 1: the range is [0, 1), and a window there would be empty', () => {
    const result = checkSourceCrop({ x: 1, y: 1, width: 0.5, height: 0.5 });
    expect(result.window).toEqual({ x: 0, y: 0, width: 0.5, height: 0.5 });
    expect(result.problems).toEqual([
      { field: 'LocationX', value: 1, problem: 'outOfRange', used: 0 },
      { field: 'LocationY', value: 1, problem: 'outOfRange', used: 0 },
    ]);
  });
  it('keeps a whole-frame window: 0 and 1 are inside their ranges', () => {
    expect(checkSourceCrop(fullCrop)).toEqual({ requested: fullCrop, window: fullCrop, problems: [], empty: false });
  });
  it('keeps Float32 halves whose sum lands just under 1, and cuts a sum past the tolerance', () => {
    // As Volcengine's Float32 fields arrive: 0.35 + 0.65 sums to 0.99999997, not 1.
    const x = Math.fround(0.35);
    const width = Math.fround(0.65);
    expect(x + width).toBeLessThan(1);
    expect(checkSourceCrop({ x, y: x, width, height: width }).problems).toEqual([]);
    const cut = checkSourceCrop({ x: 0.5, y: 0.5, width: 0.50001, height: 0.50001 });
    expect(cut.problems.map((p) => [p.field, p.problem, p.used])).toEqual([['WidthProportion', 'overflow', 0.5], ['HeightProportion', 'overflow', 0.5]]);
    expect(cut.window).toEqual({ x: 0.5, y: 0.5, width: 0.5, height: 0.5 });
  });
  it('calls a window empty when either size is 0 or less, or not a number', () => {
    expect(checkSourceCrop({ x: 0, y: 0, width: 1, height: 0 }).empty).toBe(true);
    expect(checkSourceCrop({ x: 0, y: 0, width: -0.5, height: 1 }).empty).toBe(true);
    expect(checkSourceCrop({ x: 0, y: 0, width: Number.NaN, height: 1 }).empty).toBe(true);
    expect(checkSourceCrop({ x: 0, y: 0, width: 0.01, height: 0.01 }).empty).toBe(false);
  });
});

describe('checkSourceCrop: HeightProportion', () => {
  it('resets a HeightProportion outside (0, 1] to the whole height', () => {
    for (const height of [1.5, 0, -0.25]) {
      const result = checkSourceCrop({ x: 0, y: 0.5, width: 0.5, height });
      expect(result.window).toEqual({ x: 0, y: 0.5, width: 0.5, height: 0.5 }); // 1, then cut at the bottom edge
      expect(result.problems[0]).toEqual({ field: 'HeightProportion', value: height, problem: 'outOfRange', used: 1 });
    }
    expect(checkSourceCrop({ x: 0, y: 0, width: 1, height: 1 }).problems).toEqual([]);
  });
});

describe('sourceFrame draws bars only when fitting', () => {
  it('has no bars when stretching or cropping to fill', () => {
    const region = { x: 0, y: 0, width: 640, height: 640 };
    expect(sourceFrame({ crop: fullCrop, region, renderMode: 0 }).bars).toEqual([]);
    expect(sourceFrame({ crop: fullCrop, region, renderMode: 1 }).bars).toEqual([]);
  });
});

describe('sourceFrame, RenderMode 0 and 3 (stretch)', () => {
  it('fills the region and reports the distortion', () => {
    const frame = sourceFrame({ crop: fullCrop, region: { x: 0, y: 0, width: 640, height: 480 }, renderMode: 3 });
    expect(frame.kind).toBe('stretch');
    expect(frame.content).toEqual({ x: 0, y: 0, width: 640, height: 480 });
    expect(frame.distortion).toBe(0.75); // (640 / 16) / (480 / 9): a 16:9 camera squeezed into 4:3
  });
  it('does not distort when the aspects match', () => {
    expect(sourceFrame({ crop: fullCrop, region: { x: 0, y: 0, width: 1280, height: 720 }, renderMode: 0 }).distortion).toBe(1);
  });
  it('renders an unknown RenderMode as 0, the default', () => {
    const frame = sourceFrame({ crop: fullCrop, region: square, renderMode: 7 });
    expect([frame.renderMode, frame.renderModeReset, frame.kind]).toEqual([0, true, 'stretch']);
  });
});

describe('sourceFrame, RenderMode 1 (crop to fill)', () => {
  it('crops the sides of a wide source for a square region, centred', () => {
    const frame = sourceFrame({ crop: fullCrop, region: square, renderMode: 1 });
    expect(frame.visible).toEqual({ x: 0.21875, y: 0, width: 0.5625, height: 1 }); // 9/16 of the width kept
    expect(frame.content).toEqual(square);
    expect(frame.distortion).toBe(1);
  });
  it('crops top and bottom for a region wider than the source', () => {
    const frame = sourceFrame({ crop: fullCrop, region: { x: 0, y: 0, width: 1280, height: 360 }, renderMode: 1 });
    expect(frame.visible).toEqual({ x: 0, y: 0.25, width: 1, height: 0.5 });
  });
  it('crops inside the SourceCrop window, in pre-crop coordinates', () => {
    const frame = sourceFrame({ crop: { x: 0.25, y: 0.25, width: 0.5, height: 0.5 }, region: square, renderMode: 1 });
    expect(frame.visible).toEqual({ x: 0.359375, y: 0.25, width: 0.28125, height: 0.5 }); // 0.25 + 0.5 × 0.21875
  });
  it('follows the assumed source aspect', () => {
    const frame = sourceFrame({ crop: fullCrop, region: square, renderMode: 1, source: { width: 4, height: 3 } });
    expect(frame.visible).toEqual({ x: 0.125, y: 0, width: 0.75, height: 1 });
  });
});

describe('sourceFrame, RenderMode 2 (fit with bars)', () => {
  it('letterboxes a wide source, centred, in the region coordinates', () => {
    const frame = sourceFrame({ crop: fullCrop, region: { x: 100, y: 50, width: 640, height: 640 }, renderMode: 2 });
    expect(frame.content).toEqual({ x: 100, y: 190, width: 640, height: 360 }); // 640 × 9 / 16 = 360, gap 140
    expect(frame.bars).toEqual([{ x: 100, y: 50, width: 640, height: 140 }, { x: 100, y: 550, width: 640, height: 140 }]);
    expect(frame.visible).toEqual(fullCrop);
  });
  it('pillarboxes a 4:3 source in a 16:9 region', () => {
    const frame = sourceFrame({ crop: fullCrop, region: { x: 0, y: 0, width: 1280, height: 720 }, renderMode: 2, source: { width: 4, height: 3 } });
    expect(frame.content).toEqual({ x: 160, y: 0, width: 960, height: 720 });
    expect(frame.bars).toEqual([{ x: 0, y: 0, width: 160, height: 720 }, { x: 1120, y: 0, width: 160, height: 720 }]);
  });
  it('draws no bars when the aspects match', () => {
    expect(sourceFrame({ crop: fullCrop, region: { x: 0, y: 0, width: 320, height: 180 }, renderMode: 2 }).bars).toEqual([]);
  });
});

describe('sourceFrame, degenerate input', () => {
  it('puts nothing in a region with no height, nor from a source of no width', () => {
    for (const frame of [
      sourceFrame({ crop: fullCrop, region: { x: 5, y: 6, width: 100, height: 0 }, renderMode: 2 }),
      sourceFrame({ crop: fullCrop, region: { x: 5, y: 6, width: 100, height: 100 }, renderMode: 2, source: { width: 0, height: 9 } }),
      sourceFrame({ crop: fullCrop, region: { x: 5, y: 6, width: 100, height: 100 }, renderMode: 0, source: { width: 16, height: 0 } }),
    ]) {
      expect(frame.content).toEqual({ x: 5, y: 6, width: 0, height: 0 });
      expect(frame.bars).toEqual([]);
      expect(frame.distortion).toBe(1);
    }
  });
  it('puts nothing in a region with no area', () => {
    const frame = sourceFrame({ crop: fullCrop, region: { x: 5, y: 6, width: 0, height: 100 }, renderMode: 2 });
    expect(frame.content).toEqual({ x: 5, y: 6, width: 0, height: 0 });
    expect(frame.bars).toEqual([]);
    expect(frame.distortion).toBe(1);
  });
});

describe('regionSourceFrame', () => {
  it('reads the documented example: a 16:9 crop stretched into a 20:9 region', () => {
    const region = buildTaskModel(example.Result.PushMixedStreamToCDNTask, '2020-12-01').layout.regions[0]!;
    const frame = regionSourceFrame(region);
    expect(frame.crop.window).toEqual({ x: 0.5, y: 0.5, width: 0.4, height: 0.4 });
    expect(frame.crop.problems).toEqual([]);
    expect(frame.distortion).toBeCloseTo(1.25, 12); // (640 / 6.4) / (288 / 3.6): faces a quarter wider
  });
});
