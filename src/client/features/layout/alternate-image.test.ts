import { describe, expect, it } from 'vitest';
import { buildTaskModel } from '../../../shared/task-model.ts';
import { alternateImagePlacement } from './alternate-image.ts';

function region(fields: Record<string, unknown>) {
  const model = buildTaskModel({
    TargetStreams: { StreamList: [{ UserId: 'ana', Index: 0 }] },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [{ StreamIndex: 0, LocationX: 100, LocationY: 200, Width: 280, Height: 280, ...fields }] } },
  }, '2023-11-01');
  return model.layout.regions[0]!;
}

describe('alternateImagePlacement', () => {
  it('fills a square region with a square image kept at its own ratio', () => {
    const p = alternateImagePlacement(region({ AlternateImageFillMode: 1, RenderMode: 1 }), { width: 512, height: 512 });
    expect(p).toEqual({ dest: { x: 100, y: 200, width: 280, height: 280 }, crop: { x: 0, y: 0, width: 512, height: 512 } });
  });

  it('crops a wide image to fill (RenderMode 1), cutting both sides equally', () => {
    const p = alternateImagePlacement(region({ AlternateImageFillMode: 1, RenderMode: 1 }), { width: 200, height: 100 });
    expect(p?.dest).toEqual({ x: 100, y: 200, width: 280, height: 280 });
    expect(p?.crop).toEqual({ x: 50, y: 0, width: 100, height: 100 });
  });

  it('fits with bars (RenderMode 2) at the assumed 16:9 frame ratio under fill mode 0', () => {
    const p = alternateImagePlacement(region({ RenderMode: 2 }), { width: 100, height: 100 });
    // A 16:9 picture 280 px wide is 157.5 px tall, centred: (280 - 157.5) / 2 = 61.25.
    expect(p?.dest).toEqual({ x: 100, y: 261.25, width: 280, height: 157.5 });
    expect(p?.crop).toEqual({ x: 0, y: 0, width: 100, height: 100 });
  });

  it('stretches (RenderMode 0) over the whole region', () => {
    const p = alternateImagePlacement(region({ RenderMode: 0, AlternateImageFillMode: 1 }), { width: 300, height: 100 });
    expect(p?.dest).toEqual({ x: 100, y: 200, width: 280, height: 280 });
  });

  it('places nothing for an image or region without area', () => {
    expect(alternateImagePlacement(region({}), { width: 0, height: 10 })).toBeUndefined();
    expect(alternateImagePlacement(region({ Width: 0 }), { width: 10, height: 10 })).toBeUndefined();
  });
});
