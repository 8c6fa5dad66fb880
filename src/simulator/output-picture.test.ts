import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelPlacement, renderScene, rgbToYuv, sceneFromSeiJson } from './output-picture.ts';

describe('the simulated mixer picture', () => {
  it('converts colours to BT.601 limited range', () => {
    expect(rgbToYuv([0, 0, 0])).toEqual([16, 128, 128]);
    expect(rgbToYuv([255, 255, 255])).toEqual([235, 128, 128]);
    expect(rgbToYuv([255, 0, 0])).toEqual([81, 90, 240]);
  });

  it('draws the background, then regions in ZOrder, blended by Alpha', () => {
    const pic = renderScene({
      background: '#000000',
      regions: [
        // Listed first but on top: ZOrder, not list order, decides.
        { label: '', x: 0, y: 0, w: 32, h: 32, zorder: 2, alpha: 0.5 },
        { label: '', x: 0, y: 0, w: 16, h: 16, zorder: 1, alpha: 1 },
      ],
    }, 64, 32);
    const lumaAt = (x: number, y: number) => pic.y[y * pic.width + x];
    expect(lumaAt(40, 20)).toBe(16);
    const half = lumaAt(20, 20) ?? 0;
    const both = lumaAt(4, 4) ?? 0;
    expect(half).toBeGreaterThan(16);
    // The opaque lower region shows through the half-transparent upper one: a different colour again.
    expect(both).not.toBe(half);
    expect(both).not.toBe(16);
  });

  it('pads the picture to whole macroblocks by repeating the edge', () => {
    const pic = renderScene({ background: '#ffffff', regions: [{ label: '', x: 0, y: 20, w: 30, h: 2, zorder: 0, alpha: 1 }] }, 30, 22);
    expect([pic.width, pic.height, pic.shownWidth, pic.shownHeight]).toEqual([32, 32, 30, 22]);
    expect(pic.y[31 * 32 + 31]).toBe(pic.y[21 * 32 + 29]);
    expect(pic.y[31 * 32 + 31]).not.toBe(235);
  });

  it('keeps a label inside its region', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 8, max: 2000 }), fc.integer({ min: 8, max: 1200 }), (label, w, h) => {
      const at = labelPlacement({ label, x: 10, y: 20, w, h, zorder: 0, alpha: 1 });
      const width = at.text.length * 6 * at.scale - at.scale;
      expect(label.startsWith(at.text)).toBe(true);
      if (at.text.length === 0) return;
      expect(at.x).toBeGreaterThanOrEqual(10);
      expect(at.x + width).toBeLessThanOrEqual(10 + w);
    }));
  });

  it('reads its scene from a layout SEI, and an unreadable one leaves a plain canvas', () => {
    expect(sceneFromSeiJson(JSON.stringify({ canvas: { w: 10, h: 10, bgnd: '#102030' }, regions: [{ uid: 'ava', x: 1, y: 2, w: 3, h: 4, zorder: 5, alpha: 0.5 }] })))
      .toEqual({ background: '#102030', regions: [{ label: 'ava', x: 1, y: 2, w: 3, h: 4, zorder: 5, alpha: 0.5 }] });
    expect(sceneFromSeiJson('{"canvas": oops')).toEqual({ background: '#000000', regions: [] });
    expect(sceneFromSeiJson('{"regions": [{"uid": 7}]}')).toEqual({ background: '#000000', regions: [{ label: '', x: 0, y: 0, w: 0, h: 0, zorder: 0, alpha: 1 }] });
  });
});
