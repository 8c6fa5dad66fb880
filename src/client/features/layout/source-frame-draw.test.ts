import { describe, expect, it } from 'vitest';
import { renderSummary, sourceFrame } from '../../../shared/source-frame.ts';
import { aspectSize, fitInto, sourceFrameDrawing } from './source-frame-draw.ts';

const BOX = { width: 160, height: 90 };
const HD = { width: 16, height: 9 };
const WHOLE = { x: 0, y: 0, width: 1, height: 1 };

describe('fitInto', () => {
  it('centres a tall size in a wide box', () => {
    expect(fitInto({ width: 9, height: 16 }, BOX)).toEqual({ x: (160 - 90 * 9 / 16) / 2, y: 0, width: 90 * 9 / 16, height: 90 });
  });
  it('gives an empty rect for an empty size', () => {
    expect(fitInto({ width: 0, height: 5 }, BOX).width).toBe(0);
  });
});

describe('aspectSize', () => {
  it('reads the choices', () => {
    expect(aspectSize('4:3')).toEqual({ width: 4, height: 3 });
    expect(aspectSize('21:9')).toEqual({ width: 21, height: 9 });
  });
});

describe('sourceFrameDrawing', () => {
  it('draws the crop window inside the frame', () => {
    const crop = { x: 0.9, y: 0, width: 0.1, height: 1 };
    const region = { x: 700, y: 40, width: 320, height: 180 };
    const d = sourceFrameDrawing(sourceFrame({ crop, region, renderMode: 0 }), HD, region, BOX);
    expect(d.frame).toEqual({ x: 0, y: 0, width: 160, height: 90 });
    expect(d.cropWindow).toEqual({ x: 144, y: 0, width: 16, height: 90 });
  });

  it('keeps the face round when shapes are kept, and widens it when stretched', () => {
    const region = { x: 0, y: 0, width: 320, height: 180 };
    const kept = sourceFrameDrawing(sourceFrame({ crop: WHOLE, region, renderMode: 1 }), HD, region, BOX);
    expect(kept.regionFace.rx).toBeCloseTo(kept.regionFace.ry, 9);
    // A 10% wide sliver stretched over a 16:9 region: ten times wider than tall.
    const sliver = { x: 0.9, y: 0, width: 0.1, height: 1 };
    const stretched = sourceFrameDrawing(sourceFrame({ crop: sliver, region, renderMode: 0 }), HD, region, BOX);
    expect(stretched.regionFace.rx / stretched.regionFace.ry).toBeCloseTo(10, 9);
  });

  it('puts the content between the bars of RenderMode 2', () => {
    const region = { x: 100, y: 100, width: 200, height: 200 };
    const d = sourceFrameDrawing(sourceFrame({ crop: WHOLE, region, renderMode: 2 }), HD, region, BOX);
    expect(d.region).toEqual({ x: 35, y: 0, width: 90, height: 90 });
    expect(d.content.width).toBeCloseTo(90, 9);
    expect(d.content.height).toBeCloseTo(90 * 9 / 16, 9);
    expect(d.bars).toHaveLength(2);
    expect(d.bars[0]?.y).toBe(0);
  });

  it('shows which part of the crop reaches the region under RenderMode 1', () => {
    const region = { x: 0, y: 0, width: 100, height: 100 };
    const d = sourceFrameDrawing(sourceFrame({ crop: WHOLE, region, renderMode: 1 }), HD, region, BOX);
    // A square cut from a 16:9 frame: 9/16 of its width, centred.
    expect(d.visibleWindow.width).toBeCloseTo(90, 9);
    expect(d.visibleWindow.x).toBeCloseTo(35, 9);
  });
});

describe('renderSummary', () => {
  const region = { x: 0, y: 0, width: 100, height: 100 };
  it('reports the share cut by crop-to-fill', () => {
    const s = renderSummary(sourceFrame({ crop: WHOLE, region, renderMode: 1 }));
    expect(s.cut.x).toBeCloseTo(1 - 9 / 16, 9);
    expect(s.cut.y).toBe(0);
    expect(s.distortion).toBe(1);
  });
  it('reports the bars of fit', () => {
    expect(renderSummary(sourceFrame({ crop: WHOLE, region, renderMode: 2 })).barShare).toBeCloseTo(1 - 9 / 16, 9);
  });
  it('reports the distortion of a stretch and the share of the source used', () => {
    const s = renderSummary(sourceFrame({ crop: { x: 0, y: 0, width: 0.5, height: 1 }, region, renderMode: 3 }));
    expect(s.distortion).toBeCloseTo((100 * 9) / (100 * 8), 9);
    expect(s.sourceUsed).toBe(0.5);
  });
});

describe('thirds lines', () => {
  it('land where the source thirds land in the region', () => {
    const region = { x: 0, y: 0, width: 160, height: 90 };
    const d = sourceFrameDrawing(sourceFrame({ crop: WHOLE, region, renderMode: 0 }), HD, region, BOX);
    expect(d.frameLines[0]?.[0]).toBeCloseTo(160 / 3, 9);
    expect(d.regionLines[0]?.[0]).toBeCloseTo(160 / 3, 9);
  });
});
