import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookAtRegion, lookAtRegions, rgbOfHex, type PixelFrame } from './frame-regions.ts';

const CANVAS = { width: 1920, height: 1080 };

/** A frame of noise (anything may be outside the region), with `paint` deciding the region's pixels. */
function frameWith(size: { width: number; height: number }, area: { x0: number; y0: number; x1: number; y1: number }, paint: (x: number, y: number) => [number, number, number], seed: number): PixelFrame {
  const data = new Uint8ClampedArray(size.width * size.height * 4);
  let s = seed >>> 0;
  for (let y = 0; y < size.height; y += 1) {
    for (let x = 0; x < size.width; x += 1) {
      const i = (y * size.width + x) * 4;
      const inside = x >= area.x0 && x < area.x1 && y >= area.y0 && y < area.y1;
      s = (s * 1664525 + 1013904223) >>> 0;
      const [r, g, b] = inside ? paint(x, y) : [s & 255, (s >> 8) & 255, (s >> 16) & 255];
      data.set([r, g, b, 255], i);
    }
  }
  return { ...size, data };
}

/** A region in canvas pixels on a frame a third of the canvas's size (as a capped output is), and where it lands in the frame. */
const placed = fc.record({ x: fc.integer({ min: 0, max: 1500 }), y: fc.integer({ min: 0, max: 800 }), w: fc.integer({ min: 60, max: 400 }), h: fc.integer({ min: 60, max: 260 }) })
  .map(({ x, y, w, h }) => ({ rect: { x, y, width: w, height: h }, area: { x0: Math.floor(x / 3), y0: Math.floor(y / 3), x1: Math.ceil((x + w) / 3), y1: Math.ceil((y + h) / 3) } }));
const FRAME = { width: 640, height: 360 };
const channel = (max: number) => fc.integer({ min: 0, max });

describe('a frozen frame checked region by region', () => {
  it('calls a region of uniform dark pixels empty, whatever is around it and with a little compression noise', () => {
    fc.assert(fc.property(placed, channel(30), fc.integer({ min: 0, max: 3 }), fc.nat(), ({ rect, area }, level, noise, seed) => {
      const frame = frameWith(FRAME, area, (x, y) => {
        const v = level + ((x * 7 + y * 13) % (noise + 1));
        return [v, v, v];
      }, seed);
      const look = lookAtRegion(frame, CANVAS, { id: 'r0', rect });
      expect(look.verdict).toBe('empty');
      expect(look.meanLuma).toBeLessThanOrEqual(34);
    }), { numRuns: 40 });
  });

  it('sees a picture where the pixels vary, however dark on average', () => {
    fc.assert(fc.property(placed, fc.integer({ min: 8, max: 20 }), fc.integer({ min: 40, max: 255 }), fc.nat(), ({ rect, area }, cell, contrast, seed) => {
      // A pattern of dark and lighter cells: a face, a slide, a user id written on a block.
      const frame = frameWith(FRAME, area, (x, y) => {
        const v = (Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 0 ? 0 : contrast;
        return [v, v, v];
      }, seed);
      expect(lookAtRegion(frame, CANVAS, { id: 'r0', rect }).verdict).toBe('picture');
    }), { numRuns: 40 });
  });

  it('tells the canvas background from a flat coloured picture, when not dark', () => {
    fc.assert(fc.property(placed, fc.tuple(fc.integer({ min: 60, max: 255 }), fc.integer({ min: 60, max: 255 }), fc.integer({ min: 60, max: 255 })), fc.nat(), ({ rect, area }, colour, seed) => {
      const frame = frameWith(FRAME, area, () => colour, seed);
      const far: [number, number, number] = [(colour[0] + 100) % 256, (colour[1] + 100) % 256, (colour[2] + 100) % 256];
      expect(lookAtRegion(frame, CANVAS, { id: 'r0', rect }, colour).verdict).toBe('background');
      expect(lookAtRegion(frame, CANVAS, { id: 'r0', rect }, far).verdict).toBe('picture');
      expect(lookAtRegion(frame, CANVAS, { id: 'r0', rect }).verdict).toBe('picture');
    }), { numRuns: 30 });
  });

  it('says a region outside the frame or too thin to sample is off the frame, and keeps the order of the regions', () => {
    const frame = frameWith(FRAME, { x0: 0, y0: 0, x1: 640, y1: 360 }, () => [0, 0, 0], 1);
    const looks = lookAtRegions(frame, CANVAS, [
      { id: 'out', rect: { x: 2000, y: 0, width: 100, height: 100 } },
      { id: 'thin', rect: { x: 0, y: 0, width: 9, height: 500 } },
      { id: 'dark', rect: { x: 0, y: 0, width: 300, height: 300 } },
    ]);
    expect(looks.map((l) => [l.id, l.verdict])).toEqual([['out', 'offFrame'], ['thin', 'offFrame'], ['dark', 'empty']]);
  });

  it('reads #RRGGBB and nothing else as a colour', () => {
    expect(rgbOfHex('#1a2B3c')).toEqual([26, 43, 60]);
    expect(rgbOfHex('red')).toBeUndefined();
    expect(rgbOfHex(null)).toBeUndefined();
  });
});
