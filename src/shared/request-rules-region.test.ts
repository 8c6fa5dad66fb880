import { describe, expect, it } from 'vitest';
import type { ApiVersion } from './api-versions.ts';
import { requestRules } from './request-rules.ts';

/** One region of a Start body against the documented ranges of each of its fields. */

const R0 = 'Layout.CustomLayout.Regions[0]';
const KEY = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', PushURL: 'rtmp://push.example.com/live/key', TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }] } };
const SIZE: Record<ApiVersion, Record<string, number>> = {
  '2020-12-01': { WidthProportion: 0.5, HeightProportion: 0.5 },
  '2023-06-01': { Width: 640, Height: 360 },
  '2023-11-01': { Width: 640, Height: 360 },
};
const body = (region: Record<string, unknown>, version: ApiVersion, canvas: unknown = { Width: 1280, Height: 720 }) => ({
  ...KEY, Layout: { LayoutMode: 2, CustomLayout: { Canvas: canvas, Regions: [{ StreamIndex: 0, ...SIZE[version], ...region }] } },
});
const rules = (region: Record<string, unknown>, version: ApiVersion = '2020-12-01') =>
  requestRules(body(region, version), 'start', version).map((r) => `${r.code} ${r.path.replace(R0, 'R')}`);
const first = (region: Record<string, unknown>, version: ApiVersion = '2020-12-01') => requestRules(body(region, version), 'start', version)[0];

describe('optional region fields at their edges', () => {
  it.each([
    [{ ZOrder: 100, RenderMode: 3, AlternateImageFillMode: 1, MediaType: 2, ApplySpatialAudio: false }, []],
    [{ ZOrder: 101 }, ['valueOutOfRange R.ZOrder']],
    [{ ZOrder: 1.5 }, ['valueNotInteger R.ZOrder']],
    [{ RenderMode: 1.5 }, ['valueNotInteger R.RenderMode']],
    [{ AlternateImageFillMode: 7 }, ['valueOutOfRange R.AlternateImageFillMode']],
    [{ AlternateImageFillMode: 0.5 }, ['valueNotInteger R.AlternateImageFillMode']],
    [{ MediaType: 7 }, ['valueOutOfRange R.MediaType']],
    [{ MediaType: 0.5 }, ['valueNotInteger R.MediaType']],
    [{ ApplySpatialAudio: 'yes' }, ['valueWrongType R.ApplySpatialAudio']],
  ])('%j gives %j', (region, expected) => {
    expect(rules(region)).toEqual(expected);
  });

  it('gives ApplySpatialAudio\'s default as true', () => {
    expect(first({ ApplySpatialAudio: 1 })?.params).toMatchObject({ type: 'boolean', default: 'true' });
  });
});

describe('SourceCrop at its edges', () => {
  it.each([
    [{ LocationX: 0, LocationY: 0.999, WidthProportion: 1, HeightProportion: 0.001 }, []],
    [{ LocationX: 1 }, ['valueOutOfRange R.SourceCrop.LocationX']],
    [{ LocationY: 1 }, ['valueOutOfRange R.SourceCrop.LocationY']],
    [{ WidthProportion: 0 }, ['valueOutOfRange R.SourceCrop.WidthProportion']],
    [{ HeightProportion: 0 }, ['valueOutOfRange R.SourceCrop.HeightProportion']],
  ])('%j gives %j', (crop, expected) => {
    expect(rules({ SourceCrop: crop })).toEqual(expected);
  });
});

describe('position and size by API version', () => {
  it('says a region of the other coordinate model sends fields that version ignores', () => {
    expect(rules({ WidthProportion: 0.5 }, '2023-06-01')).toEqual(['notInVersion R.WidthProportion']);
    expect(rules({ HeightProportion: 0.5 }, '2023-11-01')).toEqual(['notInVersion R.HeightProportion']);
    expect(rules({}, '2023-06-01')).toEqual([]);
  });

  it('measures a 2023 LocationY and Height against the canvas height', () => {
    expect(rules({ LocationY: 719, Height: 720 }, '2023-11-01')).toEqual([]);
    const bad = first({ LocationY: 720 }, '2023-11-01');
    expect([bad?.code, bad?.params['range']]).toEqual(['regionValueInvalid', '[0, 720) px']);
    expect(first({ Height: 721 }, '2023-11-01')?.params['range']).toBe('(0, 720] px');
  });

  it('requires both sizes, naming the range each takes', () => {
    const missing = requestRules(body({ Width: undefined, Height: undefined }, '2023-11-01'), 'start', '2023-11-01');
    expect(missing.map((r) => [r.code, r.params['range']])).toEqual([['regionRequired', '(0, 1280] px'], ['regionRequired', '(0, 720] px']]);
  });

  it('names the canvas by its fields when a partial update sends none', () => {
    const update = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', SequenceNumber: 1, IsUpdatePartialParam: true };
    const pixels = requestRules({ ...update, Layout: { CustomLayout: { Regions: [{ StreamIndex: 0, LocationY: -1, Width: 10, Height: 10 }] } } }, 'update', '2023-11-01');
    expect(pixels.map((r) => r.params['range'])).toEqual(['[0, Canvas.Height) px']);
    const ratio = requestRules({ ...update, Layout: { CustomLayout: { Regions: [{ StreamIndex: 0, LocationX: 640, WidthProportion: 0.5, HeightProportion: 0.5 }] } } }, 'update', '2020-12-01');
    expect(ratio.map((r) => [r.code, r.params['canvas']])).toEqual([['regionPixelsAsRatio', 'Canvas.Width × Canvas.Height']]);
  });

  it('carries the values of a 2023 size that is not whole', () => {
    expect(first({ Width: 10.5 }, '2023-11-01')?.params).toEqual({ field: `${R0}.Width`, value: 10.5, version: '2023-11-01', range: '(0, 1280] px' });
  });
});

describe('StreamIndex, the region itself and SpatialPosition', () => {
  it('requires a StreamIndex, from 0 up', () => {
    const missing = requestRules(body({ StreamIndex: undefined }, '2020-12-01'), 'start', '2020-12-01').find((r) => r.path === `${R0}.StreamIndex`);
    expect([missing?.code, missing?.params]).toEqual(['regionRequired', { field: `${R0}.StreamIndex`, range: '[0, ∞)' }]);
  });

  it('shows a region that is not an object', () => {
    const found = requestRules({ ...KEY, Layout: { LayoutMode: 2, CustomLayout: { Regions: ['r'] } } }, 'start', '2020-12-01').find((r) => r.code === 'regionNotObject');
    expect(found?.params).toEqual({ field: R0, value: '"r"' });
  });

  it('gives a bad SpatialPosition its range and default', () => {
    expect(first({ SpatialPosition: [0, 0, 200] })?.params).toEqual({ field: `${R0}.SpatialPosition`, value: '[…]', range: '[-100, 100] × 3', default: '[0, 0, 0]' });
  });
});
