import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canvasRect, clampToCanvas, coverShapes, effectiveCornerRadiusPx, finiteRect, hitTest, intersectionArea, isOffCanvas, occlusion,
  offCanvasExtent, rectArea, rectIntersection, regionContains, visibleFraction,
} from './layout-geometry.ts';
import { pixelLayout } from './layout-test-tasks.ts';
import type { PixelRect } from './layout-model.ts';

const canvas = { width: 1280, height: 720 };
const rect = (x: number, y: number, width: number, height: number): PixelRect => ({ x, y, width, height });
const arbRect = fc.record({
  x: fc.integer({ min: -200, max: 1400 }),
  y: fc.integer({ min: -200, max: 900 }),
  width: fc.integer({ min: 0, max: 1400 }),
  height: fc.integer({ min: 0, max: 900 }),
});

describe('rectArea', () => {
  it('multiplies width by height', () => expect(rectArea(rect(10, 10, 640, 288))).toBe(184320));
  it('counts a negative size as no area', () => expect(rectArea(rect(0, 0, -5, 10))).toBe(0));
});

describe('finiteRect', () => {
  it('passes an ordinary rectangle through untouched', () => {
    const r = rect(0.1, 0.2, 0.2, 0.4);
    expect(finiteRect(r)).toBe(r);
  });
  it('clamps overflowed edges far off the canvas', () => {
    expect(finiteRect(rect(0, 0, Infinity, 720))).toEqual(rect(0, 0, 1e7, 720));
    expect(finiteRect(rect(-Infinity, 0, Infinity, 10))).toEqual(rect(-1e7, 0, 0, 10)); // −∞ + ∞ is NaN: no width
  });
});

describe('rectIntersection', () => {
  it('returns the overlap', () => {
    expect(rectIntersection(rect(0, 0, 100, 100), rect(60, 70, 100, 100))).toEqual(rect(60, 70, 40, 30));
  });
  it('returns undefined for rectangles that only touch', () => {
    expect(rectIntersection(rect(0, 0, 100, 100), rect(100, 0, 50, 50))).toBeUndefined();
  });
  it('returns the inner rectangle when one contains the other', () => {
    expect(rectIntersection(rect(0, 0, 1280, 720), rect(960, 540, 320, 180))).toEqual(rect(960, 540, 320, 180));
  });
});

describe('intersectionArea', () => {
  it('is 40 × 30 for the overlap above', () => expect(intersectionArea(rect(0, 0, 100, 100), rect(60, 70, 100, 100))).toBe(1200));
  it('is symmetric and never more than the smaller area (property)', () => {
    fc.assert(
      fc.property(arbRect, arbRect, (a, b) => {
        const area = intersectionArea(a, b);
        expect(area).toBe(intersectionArea(b, a));
        expect(area).toBeLessThanOrEqual(Math.min(rectArea(a), rectArea(b)));
        expect(area).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('clampToCanvas', () => {
  it('keeps the on-canvas part', () => expect(clampToCanvas(rect(-100, 600, 400, 200), canvas)).toEqual(rect(0, 600, 300, 120)));
  it('returns undefined off the canvas', () => expect(clampToCanvas(rect(1280, 0, 10, 10), canvas)).toBeUndefined());
  it('is the canvas rect for a full-canvas region', () => expect(clampToCanvas(canvasRect(canvas), canvas)).toEqual(rect(0, 0, 1280, 720)));
});

describe('visibleFraction', () => {
  it('is the on-canvas share', () => expect(visibleFraction(rect(-100, 600, 400, 200), canvas)).toBe(0.45)); // 300 × 120 / (400 × 200)
  it('is 1 inside and 0 outside', () => {
    expect(visibleFraction(rect(0, 144, 640, 288), canvas)).toBe(1);
    expect(visibleFraction(rect(-400, 0, 400, 100), canvas)).toBe(0);
  });
  it('is 0 for a region with no area', () => expect(visibleFraction(rect(10, 10, 0, 100), canvas)).toBe(0));
  it('stays a number for an overflowed region', () => {
    expect(visibleFraction(rect(0, 0, Infinity, Infinity), canvas)).toBe(921600 / 1e14);
    expect(visibleFraction(rect(-Infinity, 0, Infinity, 10), canvas)).toBe(0);
  });
});

describe('offCanvasExtent and isOffCanvas', () => {
  it('tells inside, partly and fully apart', () => {
    expect(offCanvasExtent(rect(0, 0, 1280, 720), canvas)).toBe('inside');
    expect(offCanvasExtent(rect(1200, 0, 160, 90), canvas)).toBe('partly');
    expect(offCanvasExtent(rect(1280, 720, 160, 90), canvas)).toBe('fully');
  });
  it('answers the fully / partly questions', () => {
    expect(isOffCanvas(rect(1200, 0, 160, 90), canvas, 'partly')).toBe(true);
    expect(isOffCanvas(rect(1200, 0, 160, 90), canvas, 'fully')).toBe(false);
    expect(isOffCanvas(rect(0, -90, 160, 90), canvas, 'fully')).toBe(true);
  });
  it('judges a zero-size rectangle by its position', () => {
    expect(offCanvasExtent(rect(10, 10, 0, 0), canvas)).toBe('inside');
    expect(offCanvasExtent(rect(2000, 10, 0, 0), canvas)).toBe('fully');
  });
});

describe('effectiveCornerRadiusPx', () => {
  const region = (width: number, height: number, cornerRadius: number) => ({
    rect: rect(0, 0, width, height),
    cornerRadius: { value: cornerRadius, defaulted: false },
  });
  it('scales by the canvas WIDTH', () => {
    expect(effectiveCornerRadiusPx(region(400, 300, 0.025), 1280)).toEqual({ px: 32, ignored: false, requestedPx: 32 }); // 0.025 × 1280
  });
  it('keeps a radius of exactly half the shorter side', () => {
    expect(effectiveCornerRadiusPx(region(200, 128, 0.05), 1280)).toEqual({ px: 64, ignored: false, requestedPx: 64 });
  });
  it('ignores a radius above half the shorter side, as Volcengine does', () => {
    expect(effectiveCornerRadiusPx(region(200, 120, 0.05), 1280)).toEqual({ px: 0, ignored: true, requestedPx: 64 });
  });
  it('draws square corners for 0 or a negative value', () => {
    expect(effectiveCornerRadiusPx(region(200, 120, 0), 1280)).toEqual({ px: 0, ignored: false, requestedPx: 0 });
    expect(effectiveCornerRadiusPx(region(200, 120, -0.1), 1280).px).toBe(0);
  });
});

describe('coverShapes', () => {
  it('is the rectangle for an opaque square region', () => {
    const [r] = pixelLayout([{ x: 10, y: 20, w: 300, h: 200 }]).regions;
    expect(coverShapes(r!, 1280)).toEqual([rect(10, 20, 300, 200)]);
  });
  it('is a plus shape for a rounded region (the corners show what is below)', () => {
    const [r] = pixelLayout([{ x: 0, y: 0, w: 400, h: 300, radius: 0.025 }]).regions;
    expect(coverShapes(r!, 1280)).toEqual([rect(0, 32, 400, 236), rect(32, 0, 336, 300)]);
  });
  it('is empty for translucent, audio-only and zero-size regions', () => {
    const layout = pixelLayout([
      { x: 0, y: 0, w: 400, h: 300, alpha: 0.9 },
      { x: 0, y: 0, w: 400, h: 300, mediaType: 1 },
      { x: 0, y: 0, w: 0, h: 300 },
    ]);
    expect(layout.regions.map((r) => coverShapes(r, 1280))).toEqual([[], [], []]);
  });
  it('counts Alpha 0.999 as opaque', () => {
    const [r] = pixelLayout([{ x: 0, y: 0, w: 10, h: 10, alpha: 0.999 }]).regions;
    expect(coverShapes(r!, 1280)).toHaveLength(1);
  });
});

describe('regionContains', () => {
  const [rounded] = pixelLayout([{ x: 100, y: 100, w: 400, h: 300, radius: 0.025 }]).regions;
  it('uses half-open edges', () => {
    expect(regionContains(rounded!, { x: 300, y: 100 }, 1280)).toBe(true);
    expect(regionContains(rounded!, { x: 500, y: 250 }, 1280)).toBe(false);
  });
  it('leaves out the rounded corners', () => {
    expect(regionContains(rounded!, { x: 101, y: 101 }, 1280)).toBe(false);
    expect(regionContains(rounded!, { x: 110, y: 110 }, 1280)).toBe(true); // 22² + 22² ≤ 32²
  });
});

describe('hitTest', () => {
  const layout = pixelLayout([
    { x: 0, y: 0, w: 1280, h: 720 },
    { x: 960, y: 540, w: 320, h: 180, z: 1, radius: 0.025 },
  ]);
  it('returns the topmost region at the point', () => {
    expect(hitTest(layout, { x: 1000, y: 600 })).toBe('r1');
    expect(hitTest(layout, { x: 100, y: 100 })).toBe('r0');
  });
  it('falls through a rounded corner to the region below', () => expect(hitTest(layout, { x: 961, y: 541 })).toBe('r0'));
  it('hits nothing outside the canvas', () => {
    expect(hitTest(layout, { x: -1, y: 10 })).toBeUndefined();
    expect(hitTest(layout, { x: 1280, y: 10 })).toBeUndefined();
  });
  it('returns a region containing the point with no region above containing it (property)', () => {
    const box = fc.record({
      x: fc.integer({ min: -100, max: 1300 }), y: fc.integer({ min: -100, max: 800 }),
      w: fc.integer({ min: 0, max: 800 }), h: fc.integer({ min: 0, max: 600 }),
      z: fc.integer({ min: 0, max: 3 }), radius: fc.constantFrom(0, 0.01, 0.05, 0.3),
    });
    const point = fc.record({ x: fc.double({ min: -50, max: 1330, noNaN: true }), y: fc.double({ min: -50, max: 770, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 12 }), point, (boxes, p) => {
        const l = pixelLayout(boxes);
        const id = hitTest(l, p);
        const at = l.regions.findIndex((r) => r.id === id);
        const inside = p.x >= 0 && p.y >= 0 && p.x < 1280 && p.y < 720;
        if (id === undefined) {
          expect(inside && l.regions.some((r) => regionContains(r, p, 1280))).toBe(false);
          return;
        }
        expect(regionContains(l.regions[at]!, p, 1280)).toBe(true);
        expect(l.regions.slice(at + 1).some((r) => regionContains(r, p, 1280))).toBe(false);
      }),
    );
  });
});

describe('geometry edges pinned by surviving mutants', () => {
  it('hits nothing outside the canvas even where a region sticks out', () => {
    const big = pixelLayout([{ x: -100, y: -100, w: 1480, h: 920 }]);
    for (const p of [{ x: -1, y: 10 }, { x: 10, y: -1 }, { x: 1280, y: 10 }, { x: 10, y: 720 }]) expect(hitTest(big, p)).toBeUndefined();
    expect(hitTest(big, { x: 0, y: 0 })).toBe('r0');
    expect(hitTest(big, { x: 1279, y: 719 })).toBe('r0');
  });

  it('contains its top-left edge but not its bottom edge, and leaves out every rounded corner', () => {
    const [square] = pixelLayout([{ x: 100, y: 100, w: 400, h: 300 }]).regions;
    expect(regionContains(square!, { x: 100, y: 100 }, 1280)).toBe(true);
    expect(regionContains(square!, { x: 99.5, y: 200 }, 1280)).toBe(false);
    expect(regionContains(square!, { x: 200, y: 400 }, 1280)).toBe(false);
    expect(regionContains(square!, { x: 200, y: 99.5 }, 1280)).toBe(false);
    const [rounded] = pixelLayout([{ x: 100, y: 100, w: 400, h: 300, radius: 0.025 }]).regions; // r = 32 px
    expect(regionContains(rounded!, { x: 498, y: 101 }, 1280)).toBe(false); // top right
    expect(regionContains(rounded!, { x: 101, y: 398 }, 1280)).toBe(false); // bottom left
    expect(regionContains(rounded!, { x: 498, y: 250 }, 1280)).toBe(true);
  });

  it('judges a rectangle with no area by where it lies', () => {
    expect(offCanvasExtent(rect(-1, 10, 0, 50), canvas)).toBe('fully');
    expect(offCanvasExtent(rect(10, -1, 50, 0), canvas)).toBe('fully');
    expect(offCanvasExtent(rect(1275, 0, 10, 0), canvas)).toBe('fully');
    expect(offCanvasExtent(rect(0, 715, 0, 10), canvas)).toBe('fully');
    expect(offCanvasExtent(rect(1280, 0, 0, 10), canvas)).toBe('inside');
    expect(offCanvasExtent(rect(1270, 710, 10, 0), canvas)).toBe('inside');
    expect(isOffCanvas(rect(0, 0, 100, 100), canvas, 'partly')).toBe(false);
  });

  it('clamps a single edge that is far off, and a sum that overflows', () => {
    expect(finiteRect(rect(5e7, 0, 10, 10))).toEqual(rect(1e7, 0, 0, 10));
    expect(finiteRect(rect(0, -5e7, 10, 10))).toEqual(rect(0, -1e7, 10, 0));
    expect(finiteRect(rect(9e6, 0, 2e6, 10))).toEqual(rect(9e6, 0, 1e6, 10));
    expect(finiteRect(rect(0, 9e6, 10, 2e6))).toEqual(rect(0, 9e6, 10, 1e6));
  });

  it('gives no overlap for rectangles that only touch top to bottom', () => {
    expect(rectIntersection(rect(0, 0, 100, 100), rect(0, 100, 100, 100))).toBeUndefined();
  });

  it('drops the empty arm of a plus shape when the radius is half the height', () => {
    const [region] = pixelLayout([{ x: 0, y: 0, w: 200, h: 64, radius: 0.025 }]).regions; // r = 32 = 64 / 2
    expect(coverShapes(region!, 1280)).toEqual([rect(32, 0, 136, 64)]);
  });

  it('lists as covering only the opaque regions above that overlap', () => {
    const layout = pixelLayout([{ x: 0, y: 0, w: 100, h: 100 }, { x: 500, y: 0, w: 100, h: 100, z: 1 }, { x: 50, y: 0, w: 100, h: 100, z: 2 }]);
    expect(occlusion(layout).get('r0')?.coveredBy).toEqual(['r2']);
  });
});
