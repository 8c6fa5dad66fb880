import { describe, expect, it } from 'vitest';
import { buildTaskModel } from '../../../shared/task-model.ts';
import { fmt, rawRegion, regionFieldRows, streamPosition, type FieldRow } from './region-fields.ts';

const byField = (rows: FieldRow[]) => new Map(rows.map((r) => [r.field, r]));

describe('regionFieldRows, 2020-12-01 ratios', () => {
  const model = buildTaskModel({
    TargetStreams: { StreamList: [{ UserId: 'ana', Index: 0 }] },
    Layout: {
      LayoutMode: 2,
      CustomLayout: {
        Canvas: { Width: 1920, Height: 1080 },
        Regions: [{ StreamIndex: 0, LocationX: 0.33, WidthProportion: 0.5, HeightProportion: 0.5, CornerRadius: 0.2, Alpha: 0.8 }],
      },
    },
  }, '2020-12-01');
  const region = model.layout.regions[0]!;
  const rows = byField(regionFieldRows(region, model.layout, rawRegion(model.task, model.layout, region)));

  it('puts proportions and pixels side by side, and says which one was sent', () => {
    // The docs' own example: 1920 × 0.33 = 633.6, rounded to 634.
    expect(rows.get('LocationX')?.value).toEqual({ kind: 'geometry', ratio: 0.33, px: 634, sentAs: 'ratio' });
    expect(rows.get('WidthProportion')?.value).toEqual({ kind: 'geometry', ratio: 0.5, px: 960, sentAs: 'ratio' });
  });

  it('marks the defaults', () => {
    expect(rows.get('LocationX')?.defaulted).toBe(false);
    expect(rows.get('LocationY')?.defaulted).toBe(true);
    expect(rows.get('ZOrder')?.defaulted).toBe(true);
    expect(rows.get('Alpha')).toMatchObject({ defaulted: false, value: { kind: 'number', value: 0.8 } });
    expect(rows.get('RenderMode')).toMatchObject({ defaulted: true, value: { kind: 'enum', table: 'renderMode', value: 0 } });
    expect(rows.get('SourceCrop.WidthProportion')).toMatchObject({ defaulted: true, value: { kind: 'ratio', ratio: 1 } });
    expect(rows.get('ApplySpatialAudio')).toMatchObject({ defaulted: true, value: { kind: 'bool', value: true } });
  });

  it('gives CornerRadius as a share of the canvas width and in pixels, and says when it is ignored', () => {
    // 0.2 × 1920 = 384 px, more than half of the 540 px shorter side.
    expect(rows.get('CornerRadius')?.value).toEqual({ kind: 'radius', ratio: 0.2, px: 384, ignored: true });
  });
});

describe('regionFieldRows, pixels and templates', () => {
  it('names the 2023 size fields Width and Height, sent in pixels', () => {
    const model = buildTaskModel({
      TargetStreams: { StreamList: [{ UserId: 'ana', Index: 0 }] },
      Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [{ StreamIndex: 0, LocationX: 640, Height: 360 }] } },
    }, '2023-11-01');
    const region = model.layout.regions[0]!;
    const rows = byField(regionFieldRows(region, model.layout, rawRegion(model.task, model.layout, region)));
    expect(rows.get('LocationX')?.value).toEqual({ kind: 'geometry', ratio: 0.5, px: 640, sentAs: 'px' });
    expect(rows.get('Height')?.value).toEqual({ kind: 'geometry', ratio: 0.5, px: 360, sentAs: 'px' });
    expect(rows.get('Width')?.missing).toBe(true);
  });

  it('marks template geometry as the template', () => {
    const model = buildTaskModel({ TargetStreams: { StreamList: [{ UserId: 'a' }, { UserId: 'b' }] }, Layout: { LayoutMode: 0 } }, '2020-12-01');
    const region = model.layout.regions[0]!;
    expect(rawRegion(model.task, model.layout, region)).toBeUndefined();
    const rows = byField(regionFieldRows(region, model.layout, undefined));
    expect(rows.get('LocationX')).toMatchObject({ defaulted: false, value: { sentAs: 'template' } });
  });
});

describe('fmt', () => {
  it('drops trailing zeros', () => {
    expect(fmt(0.5)).toBe('0.5');
    expect(fmt(633.6, 1)).toBe('633.6');
    expect(fmt(1 / 3)).toBe('0.3333');
  });
});

describe('streamPosition', () => {
  it('finds the TargetStreams entry, or -1', () => {
    const model = buildTaskModel({
      TargetStreams: { StreamList: [{ UserId: 'mo', Index: 0, StreamType: 1 }, { UserId: 'mo', Index: 1 }] },
      Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 64, Height: 64 }, Regions: [{ StreamIndex: 1, Width: 8, Height: 8 }, { StreamIndex: 5, Width: 8, Height: 8 }] } },
    }, '2023-11-01');
    const [mapped, unmapped] = model.layout.regions;
    expect(streamPosition(model.targets, mapped!)).toBe(1);
    expect(streamPosition(model.targets, unmapped!)).toBe(-1);
  });
});
