import { describe, expect, it } from 'vitest';
import type { ApiVersion } from './api-versions.ts';
import { inDrawOrder, normaliseLayout } from './layout-normalise.ts';
import type { VolcTask } from './volc-task-schema.ts';

/** The edges of normalisation that the canvas, the warnings and the export all read. */

const custom = (regions: unknown[], canvas: Record<string, unknown> = { Width: 1280, Height: 720 }, extra: Record<string, unknown> = {}) =>
  ({ TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }] }, Layout: { LayoutMode: 2, CustomLayout: { Canvas: canvas, Regions: regions } }, ...extra }) as VolcTask;
const layoutOf = (task: VolcTask, version: ApiVersion = '2020-12-01') => normaliseLayout(task, version);

describe('normaliseLayout: 2020-12-01 locations', () => {
  it('reads LocationX = 1 and LocationY = 1 as the far edges of the canvas, not as 1 px', () => {
    const [region] = layoutOf(custom([{ StreamIndex: 0, LocationX: 1, LocationY: 1, WidthProportion: 0.5, HeightProportion: 0.5 }])).regions;
    expect(region?.rect).toEqual({ x: 1280, y: 720, width: 640, height: 360 });
    expect(region?.ratio).toEqual({ x: 1, y: 1, width: 0.5, height: 0.5 });
    expect(region?.pixelsGivenAsRatio).toBe(false);
  });

  it('reads a size above 1 as a ratio still (only locations can have been meant as pixels)', () => {
    const [region] = layoutOf(custom([{ StreamIndex: 0, WidthProportion: 2, HeightProportion: 1.5 }])).regions;
    expect(region?.rect).toEqual({ x: 0, y: 0, width: 2560, height: 1080 });
    expect(region?.pixelsGivenAsRatio).toBe(false);
  });

  it('keeps the proportion as sent when the pixels are rounded', () => {
    const [region] = layoutOf(custom([{ StreamIndex: 0, LocationX: 0.33, WidthProportion: 0.33, HeightProportion: 0.5 }], { Width: 1920, Height: 1080 })).regions;
    expect(region?.rect).toMatchObject({ x: 634, width: 634 }); // 1920 × 0.33 = 633.6
    expect(region?.ratio).toMatchObject({ x: 0.33, width: 0.33 });
  });

  it('keeps the proportion of an overflowing size consistent with the clamped pixels', () => {
    const [region] = layoutOf(custom([{ StreamIndex: 0, WidthProportion: 1e300, HeightProportion: 0.5 }])).regions;
    expect(region?.rect.width).toBe(1e7);
    expect(region?.ratio.width).toBe(1e7 / 1280);
  });
});

describe('normaliseLayout: streams', () => {
  it('does not match a region without StreamIndex to a target stream without Index', () => {
    const task = custom([{ WidthProportion: 0.5, HeightProportion: 0.5 }], undefined, { TargetStreams: { StreamList: [{ UserId: 'a' }] } });
    const [region] = layoutOf(task).regions;
    expect(region?.stream).toBeUndefined();
    expect(region?.missingRequired).toEqual(['StreamIndex']);
  });
});

describe('normaliseLayout: regions', () => {
  it('has no regions for a custom layout that sends none', () => {
    expect(layoutOf({ Layout: { LayoutMode: 2, CustomLayout: {} } } as VolcTask).regions).toEqual([]);
  });

  it('orders equal ZOrders by their place in Regions[], whatever order they come in', () => {
    const r = (zOrder: number, arrayIndex: number) => ({ zOrder: { value: zOrder, defaulted: false }, arrayIndex });
    expect(inDrawOrder([r(0, 2), r(0, 0), r(1, 1)]).map((x) => x.arrayIndex)).toEqual([0, 2, 1]);
  });
});

describe('normaliseLayout: canvas', () => {
  it('paints a canvas without Background black, and marks it defaulted', () => {
    expect(layoutOf(custom([])).canvas.background).toEqual({ value: '#000000', defaulted: true });
  });

  it('falls back to the default for a canvas size far beyond any real one', () => {
    expect(layoutOf(custom([], { Width: 1e9, Height: 720 })).canvas.width).toEqual({ value: 640, defaulted: true });
  });

  it('draws a canvas of one pixel as sent, and one under a pixel at the default size', () => {
    const tiny = layoutOf(custom([], { Width: 1, Height: 0.5 })).canvas;
    expect(tiny.width).toEqual({ value: 1, defaulted: false });
    expect(tiny.height).toEqual({ value: 480, defaulted: true });
    expect(tiny.sizeFrom).toBe('canvas');
  });

  it('takes the size from Encode outside a custom layout', () => {
    const layout = layoutOf({ TargetStreams: { StreamList: [{ UserId: 'a' }] }, Encode: { VideoWidth: 1920, VideoHeight: 1080 }, Layout: { LayoutMode: 0 } } as VolcTask);
    expect([layout.canvas.width.value, layout.canvas.height.value, layout.canvas.sizeFrom, layout.approximate]).toEqual([1920, 1080, 'encode', true]);
  });
});

describe('normaliseLayout: region fields', () => {
  it('uses a SpatialPosition only when it has three numbers', () => {
    const regions = layoutOf(custom([
      { StreamIndex: 0, WidthProportion: 0.5, HeightProportion: 0.5, SpatialPosition: [10, 20] },
      { StreamIndex: 0, WidthProportion: 0.5, HeightProportion: 0.5, SpatialPosition: [10, 20, 30] },
    ])).regions;
    expect(regions.map((r) => r.spatialPosition)).toEqual([
      { value: [0, 0, 0], defaulted: true },
      { value: [10, 20, 30], defaulted: false },
    ]);
  });
});
