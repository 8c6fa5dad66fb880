import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { occlusion, visibleFraction, visibleShare } from './layout-geometry.ts';
import { pixelLayout, type TestBox } from './layout-test-tasks.ts';
import { buildTaskModel } from './task-model.ts';

const canvas = { width: 1280, height: 720 };
const full: TestBox = { x: 0, y: 0, w: 1280, h: 720 };

const arbBox = fc.record({
  x: fc.integer({ min: -300, max: 1400 }), y: fc.integer({ min: -300, max: 800 }),
  w: fc.integer({ min: 0, max: 1300 }), h: fc.integer({ min: 0, max: 800 }),
  z: fc.integer({ min: 0, max: 3 }),
  alpha: fc.constantFrom(1, 1, 0.5, 0.999),
  radius: fc.constantFrom(0, 0, 0.01, 0.2),
  mediaType: fc.constantFrom(0, 0, 1, 2),
});

describe('occlusion', () => {
  it('measures a picture-in-picture exactly', () => {
    const result = occlusion(pixelLayout([full, { x: 960, y: 540, w: 320, h: 180, z: 1 }]));
    expect(result.get('r0')).toEqual({ onCanvas: 1, uncovered: 0.9375, visible: 0.9375, coveredBy: ['r1'] }); // 1 − 320 × 180 / (1280 × 720)
    expect(result.get('r1')).toEqual({ onCanvas: 1, uncovered: 1, visible: 1, coveredBy: [] });
  });

  it('separates the off-canvas share from the covered share', () => {
    const result = occlusion(pixelLayout([{ x: -640, y: 0, w: 1280, h: 720 }, { x: 0, y: 0, w: 320, h: 720, z: 1 }]));
    expect(result.get('r0')).toEqual({ onCanvas: 0.5, uncovered: 0.5, visible: 0.25, coveredBy: ['r1'] });
  });

  it('counts the union of covering regions once', () => {
    const result = occlusion(pixelLayout([
      { x: 0, y: 0, w: 100, h: 100 },
      { x: 0, y: 0, w: 60, h: 100, z: 1 },
      { x: 40, y: 0, w: 60, h: 100, z: 2 },
    ]));
    expect(result.get('r0')?.uncovered).toBe(0);
    expect(result.get('r0')?.coveredBy).toEqual(['r1', 'r2']);
  });

  it('lets translucent and audio-only regions show what is below', () => {
    const result = occlusion(pixelLayout([full, { ...full, z: 1, alpha: 0.5 }, { ...full, z: 2, mediaType: 1 }]));
    expect(result.get('r0')?.visible).toBe(1);
  });

  it('leaves the corners of a rounded region uncovered', () => {
    // A 400 × 300 region rounded by 0.025 × 1280 = 32 px over a 100 × 100 region at its corner:
    // only the 32 × 32 corner square stays counted as visible (1024 / 10000).
    const result = occlusion(pixelLayout([{ x: 0, y: 0, w: 100, h: 100 }, { x: 0, y: 0, w: 400, h: 300, z: 1, radius: 0.025 }]));
    expect(result.get('r0')?.uncovered).toBe(0.1024);
  });

  it('says a fully off-canvas or empty region is not covered and not visible', () => {
    const result = occlusion(pixelLayout([{ x: 1300, y: 0, w: 100, h: 100 }, { x: 0, y: 0, w: 0, h: 100 }, { ...full, z: 1 }]));
    expect(result.get('r0')).toEqual({ onCanvas: 0, uncovered: 1, visible: 0, coveredBy: [] });
    expect(result.get('r1')?.visible).toBe(0);
  });
});

describe('occlusion with overflowed 2020 ratios', () => {
  it('gives numbers, not NaN, for regions of ±Infinity pixels', () => {
    const layout = buildTaskModel({ Layout: { LayoutMode: 2, CustomLayout: { Regions: [
      { StreamIndex: 0, LocationX: -1e308, WidthProportion: 1e308, HeightProportion: 0.5 }, // x −∞, width ∞
      { StreamIndex: 1, WidthProportion: 0.5, HeightProportion: 0.5 },
      { StreamIndex: 2, WidthProportion: 1e308, HeightProportion: 1e308, ZOrder: 1 }, // covers the canvas
    ] } } }, '2020-12-01').layout;
    expect([...visibleShare(layout)]).toEqual([['r0', 0], ['r1', 0], ['r2', 640 * 480 / 1e14]]);
  });
});

describe('visibleShare', () => {
  it('maps every region id to its visible share', () => {
    const shares = visibleShare(pixelLayout([full, { x: 0, y: 0, w: 640, h: 720, z: 1 }]));
    expect([...shares]).toEqual([['r0', 0.5], ['r1', 1]]);
  });

  it('stays in [0, 1] (property)', () => {
    // Any finite double the parser lets through, including ones that overflow to ±Infinity in pixels.
    const wild = fc.record({ x: fc.double({ noNaN: true, noDefaultInfinity: true }), y: fc.double({ noNaN: true, noDefaultInfinity: true }), w: fc.double({ noNaN: true, noDefaultInfinity: true }), h: fc.double({ noNaN: true, noDefaultInfinity: true }) });
    fc.assert(fc.property(fc.array(fc.oneof(arbBox, wild), { maxLength: 15 }), (boxes) => {
      for (const share of visibleShare(pixelLayout(boxes)).values()) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('equals the on-canvas fraction for the topmost region (property)', () => {
    fc.assert(fc.property(fc.array(arbBox, { minLength: 1, maxLength: 15 }), (boxes) => {
      const layout = pixelLayout(boxes);
      const top = layout.regions.at(-1)!;
      expect(visibleShare(layout).get(top.id)).toBe(visibleFraction(top.rect, canvas));
    }));
  });

  it('is 0 for every region under an opaque full-canvas region (property)', () => {
    fc.assert(fc.property(fc.array(arbBox, { maxLength: 15 }), (boxes) => {
      const layout = pixelLayout([...boxes, { ...full, z: 100 }]);
      const shares = visibleShare(layout);
      for (const region of layout.regions.slice(0, -1)) expect(shares.get(region.id)).toBe(0);
    }));
  });

  it('gives every one of 300 overlapping regions a share between 0 and its on-canvas part', () => {
    const boxes: TestBox[] = Array.from({ length: 300 }, (_, i) => ({
      x: (i * 97) % 1200, y: (i * 53) % 680, w: 80 + ((i * 31) % 400), h: 45 + ((i * 17) % 225), z: i % 7,
    }));
    const layout = pixelLayout(boxes);
    const shares = visibleShare(layout);
    const detail = occlusion(layout);
    expect(shares.size).toBe(300);
    for (const region of layout.regions) {
      const share = shares.get(region.id) ?? -1;
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(detail.get(region.id)?.onCanvas ?? 0);
    }
    // The last region at the highest ZOrder is drawn over everything else.
    const top = layout.regions.filter((r) => r.zOrder.value === 6).at(-1);
    expect(top).toBeDefined();
    expect(detail.get(top?.id ?? '')?.coveredBy).toEqual([]);
    expect(shares.get(top?.id ?? '')).toBe(detail.get(top?.id ?? '')?.onCanvas);
  });
});
