import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_VERSIONS } from '../api-versions.ts';
import { normaliseLayout } from '../layout-normalise.ts';
import { parseTask } from '../parse-task.ts';
import { anyRect, canvasArb } from './edit-test-kit.ts';
import { editCanvas, placedRect, placementFields } from './region-placement.ts';

const HD = { width: 1920, height: 1080 };

describe('placedRect', () => {
  it('rounds to whole pixels and keeps position in [0, side) and size in (0, side]', () => {
    expect(placedRect({ x: 10.4, y: 10.6, width: 100.5, height: 99.49 }, HD)).toEqual({ x: 10, y: 11, width: 101, height: 99 });
    expect(placedRect({ x: -5, y: 2000, width: 0, height: 5000 }, HD)).toEqual({ x: 0, y: 1079, width: 1, height: 1080 });
    expect(placedRect({ x: 1920, y: -0.4, width: -3, height: 1080.4 }, HD)).toEqual({ x: 1919, y: 0, width: 1, height: 1080 });
    expect(placedRect({ x: Number.NaN, y: Infinity, width: Number.NaN, height: 10 }, HD)).toEqual({ x: 0, y: 0, width: 1, height: 10 });
  });
});

describe('placementFields', () => {
  it('writes ratios with six decimals in 2020-12-01, as the docs example reads them (1920 × 0.33 = 634)', () => {
    expect(placementFields({ x: 634, y: 0, width: 960, height: 540 }, HD, '2020-12-01')).toEqual({
      LocationX: 0.330208, LocationY: 0, WidthProportion: 0.5, HeightProportion: 0.5,
    });
  });

  it('writes Int32 pixels in the 2023 versions', () => {
    for (const version of ['2023-06-01', '2023-11-01'] as const) {
      expect(placementFields({ x: 100.2, y: 50.7, width: 640, height: 360 }, HD, version)).toEqual({ LocationX: 100, LocationY: 51, Width: 640, Height: 360 });
    }
  });

  it('never writes a size of 0, even a single pixel on a very wide canvas', () => {
    const fields = placementFields({ x: 0, y: 0, width: 1, height: 1 }, { width: 4_000_000, height: 2 }, '2020-12-01');
    expect(fields['WidthProportion']).toBeGreaterThan(0);
  });

  it('lands, once normalised, on exactly the placed rectangle in every version', () => {
    fc.assert(fc.property(canvasArb, anyRect, fc.constantFrom(...API_VERSIONS), (canvas, rect, version) => {
      const region = { StreamIndex: 0, ...placementFields(rect, canvas, version) };
      const task = { Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: canvas.width, Height: canvas.height }, Regions: [region] } } };
      const [drawn] = normaliseLayout(parseTask(task).task, version).regions;
      expect(drawn?.rect).toEqual(placedRect(rect, canvas));
    }));
  });
});

describe('editCanvas', () => {
  it('is the custom canvas, or the documented default, whatever the layout mode', () => {
    expect(editCanvas({ Layout: { LayoutMode: 0, CustomLayout: { Canvas: { Width: 1280, Height: 720 } } } }, '2023-06-01')).toEqual({ width: 1280, height: 720 });
    expect(editCanvas({ Encode: { VideoWidth: 1920, VideoHeight: 1080 } }, '2020-12-01')).toEqual({ width: 640, height: 480 });
    expect(editCanvas('not a task', '2020-12-01')).toEqual({ width: 640, height: 480 });
  });
});
