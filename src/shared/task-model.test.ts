import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import example from './fixtures/doc-example-2020-12-01.json' with { type: 'json' };
import { buildTaskModel, detectVersion, isFinished } from './task-model.ts';
import { API_VERSIONS } from './api-versions.ts';
import { requestRules } from './request-rules.ts';

const docTask = example.Result.PushMixedStreamToCDNTask;

describe('buildTaskModel on the documented example', () => {
  const model = buildTaskModel(docTask, '2020-12-01');

  it('reads the summary fields, including PushStreamState sent as the string "6"', () => {
    expect(model.status).toBe(3);
    expect(model.pushStreamState).toBe(6);
    expect(model.stopReason).toBe('StopByAPI');
    expect(model.startTime).toBe(1677237518000);
    expect(model.endTime).toBe(1677239022000);
    expect(model.pushUrl).toBe('rtmp://xxxxxx');
    expect(model.issues).toEqual([]);
    expect(isFinished(model)).toBe(true);
  });

  it('maps the one region to canvas pixels and keeps its proportions', () => {
    const [region] = model.layout.regions;
    expect(model.layout.canvas.width.value).toBe(1280);
    expect(model.layout.canvas.background).toEqual({ value: '#303342', defaulted: false });
    expect(region?.rect).toEqual({ x: 0, y: 144, width: 640, height: 288 }); // 0.2*720, 0.5*1280, 0.4*720
    expect(region?.ratio).toEqual({ x: 0, y: 0.2, width: 0.5, height: 0.4 });
    expect(region?.stream?.userId).toBe('user1');
    expect(region?.sourceCrop.width).toEqual({ value: 0.4, defaulted: false });
  });

  it('marks absent optional fields as defaulted', () => {
    const [region] = model.layout.regions;
    expect(region?.mediaType).toEqual({ value: 0, defaulted: true });
    expect(region?.applySpatialAudio).toEqual({ value: true, defaulted: true });
    expect(region?.alpha).toEqual({ value: 1, defaulted: false });
  });

  it('lists both stream lists', () => {
    expect(model.targets.map((t) => t.userId)).toEqual(['user1']);
    expect(model.excludes[0]?.streamType).toEqual({ value: 1, defaulted: false });
  });
});

describe('coordinate models', () => {
  it('reads 2023 regions as pixels', () => {
    const task = {
      Layout: {
        LayoutMode: 2,
        CustomLayout: { Canvas: { Width: 1920, Height: 1080 }, Regions: [{ StreamIndex: 0, LocationX: 634, LocationY: 108, Width: 960, Height: 540 }] },
      },
    };
    const region = buildTaskModel(task, '2023-11-01').layout.regions[0];
    expect(region?.rect).toEqual({ x: 634, y: 108, width: 960, height: 540 });
    expect(region?.ratio.width).toBe(0.5);
    expect(region?.ratio.y).toBe(0.1);
  });

  it('rounds 2020 ratios as Volcengine does (1920 x 0.33 = 633.6 -> 634)', () => {
    const task = { Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1920, Height: 1080 }, Regions: [{ StreamIndex: 0, LocationX: 0.33, WidthProportion: 0.1, HeightProportion: 0.1 }] } } };
    expect(buildTaskModel(task, '2020-12-01').layout.regions[0]?.rect.x).toBe(634);
  });

  it('reads a 2020 location above 1 as pixels and says so', () => {
    const task = { Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [{ StreamIndex: 0, LocationX: 640, WidthProportion: 0.5, HeightProportion: 0.5 }] } } };
    const region = buildTaskModel(task, '2020-12-01').layout.regions[0];
    expect(region?.rect.x).toBe(640);
    expect(region?.ratio.x).toBe(0.5);
    expect(region?.pixelsGivenAsRatio).toBe(true);
  });

  it('draws regions in ZOrder, equal ZOrder in array order', () => {
    const task = { Layout: { LayoutMode: 2, CustomLayout: { Regions: [
      { StreamIndex: 0, ZOrder: 5, WidthProportion: 1, HeightProportion: 1 },
      { StreamIndex: 1, ZOrder: 1, WidthProportion: 1, HeightProportion: 1 },
      { StreamIndex: 2, ZOrder: 1, WidthProportion: 1, HeightProportion: 1 },
    ] } } };
    expect(buildTaskModel(task, '2020-12-01').layout.regions.map((r) => r.id)).toEqual(['r1', 'r2', 'r0']);
  });

  it('reports a missing required size and draws it as zero', () => {
    const task = { Layout: { LayoutMode: 2, CustomLayout: { Regions: [{ StreamIndex: 0 }] } } };
    const region = buildTaskModel(task, '2023-06-01').layout.regions[0];
    expect(region?.missingRequired).toEqual(['Width', 'Height']);
    expect(region?.rect.width).toBe(0);
  });
});

describe('resilience', () => {
  it('keeps an unknown enum value instead of rejecting the task', () => {
    const model = buildTaskModel({ Status: 7, PushStreamState: '9' }, '2020-12-01');
    expect(model.status).toBe(7);
    expect(model.pushStreamState).toBe(9);
    expect(model.issues).toEqual([]);
  });

  it('keeps the position of a junk element in Regions[] so later ids still match the JSON', () => {
    const model = buildTaskModel({ Layout: { LayoutMode: 2, CustomLayout: { Regions: [5, { StreamIndex: 1, WidthProportion: 0.5, HeightProportion: 0.5 }] } } }, '2020-12-01');
    expect(model.layout.regions.map((r) => [r.id, r.streamIndex])).toEqual([['r0', undefined], ['r1', 1]]);
    expect(model.layout.regions[0]?.missingRequired).toEqual(['StreamIndex', 'WidthProportion', 'HeightProportion']);
    expect(model.issues.map((i) => i.path)).toEqual(['Layout.CustomLayout.Regions[0]']);
  });

  it('keeps rectangles finite for absurdly large values', () => {
    const model = buildTaskModel({ Layout: { LayoutMode: 2, CustomLayout: { Regions: [{ StreamIndex: 0, LocationX: -1e308, WidthProportion: 1e308, HeightProportion: 1 }] } } }, '2020-12-01');
    const rect = model.layout.regions[0]?.rect;
    expect(Object.values(rect ?? {}).every(Number.isFinite)).toBe(true);
    expect((rect?.x ?? 0) + (rect?.width ?? 0)).toBe(0); // -1e7 + 1e7: clamped, still finite
  });

  it('drops a malformed field, keeps its neighbours and says where it was', () => {
    const model = buildTaskModel({ Status: 2, Layout: { LayoutMode: 2, CustomLayout: { Regions: [{ StreamIndex: 1, Alpha: 'half', WidthProportion: 0.5, HeightProportion: 0.5 }] } } }, '2020-12-01');
    expect(model.layout.regions[0]?.alpha).toEqual({ value: 1, defaulted: true });
    expect(model.layout.regions[0]?.rect.width).toBe(320);
    expect(model.issues.map((i) => i.path)).toEqual(['Layout.CustomLayout.Regions[0].Alpha']);
  });

  it('never throws, whatever the input and version (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), fc.constantFrom(...API_VERSIONS), (input, version) => {
        const model = buildTaskModel(input, version);
        expect(Array.isArray(model.layout.regions)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on task-shaped input with arbitrary leaves (property)', () => {
    const leaf = fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, 5e-324), fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 4 }));
    const region = fc.dictionary(fc.constantFrom('StreamIndex', 'LocationX', 'LocationY', 'WidthProportion', 'HeightProportion', 'Width', 'Height', 'ZOrder', 'Alpha', 'SourceCrop', 'SpatialPosition'), leaf);
    const task = fc.record({
      Status: leaf,
      Layout: fc.record({ LayoutMode: fc.oneof(leaf, fc.constantFrom(0, 1, 2, 3)), CustomLayout: fc.record({ Canvas: fc.dictionary(fc.constantFrom('Width', 'Height', 'Background'), leaf), Regions: fc.array(fc.oneof(region, leaf), { maxLength: 8 }) }) }),
      TargetStreams: fc.record({ StreamList: fc.array(fc.dictionary(fc.constantFrom('UserId', 'Index', 'StreamType'), leaf), { maxLength: 5 }) }),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(task, fc.constantFrom(...API_VERSIONS), (input, version) => {
        const model = buildTaskModel(input, version);
        for (const r of model.layout.regions) {
          expect(Object.values(r.rect).every(Number.isFinite)).toBe(true);
          expect(Object.values(r.ratio).every(Number.isFinite)).toBe(true);
          expect(r.id).toBe(`${model.layout.approximate ? "t" : "r"}${r.arrayIndex}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('detectVersion', () => {
  it('prefers the envelope Version, then guesses from the fields', () => {
    expect(detectVersion({}, '2023-06-01')).toEqual({ version: '2023-06-01', guessed: false });
    expect(detectVersion({ Layout: { CustomLayout: { Regions: [{ Width: 10 }] } } })).toEqual({ version: '2023-11-01', guessed: true });
    expect(detectVersion(docTask)).toEqual({ version: '2020-12-01', guessed: true });
  });

  const pixelRegions = { CustomLayout: { Regions: [{ StreamIndex: 0, Width: 640, Height: 360 }] } };

  it('tells 2023-06-01 from 2023-11-01 by Control.MaxRecordTime, which only 2023-06-01 kept', () => {
    const v0601 = { Layout: pixelRegions, Control: { MaxRecordTime: 3600, SEIConfig: { SEIPayLoadType: 100 } } };
    expect(detectVersion(v0601)).toEqual({ version: '2023-06-01', guessed: true });
    expect(detectVersion({ Layout: pixelRegions, Control: { MaxIdleTime: 180 } })).toEqual({ version: '2023-11-01', guessed: true });
    expect(detectVersion({ Control: { SEIConfig: {} } })).toEqual({ version: '2023-11-01', guessed: true });
    expect(detectVersion({ Control: { SEIConfig: {}, MaxRecordTime: 0 } })).toEqual({ version: '2023-06-01', guessed: true });
  });

  it('keeps 2020-12-01 for its own fields, and lets the region model outvote a contradicting field', () => {
    expect(detectVersion({ Control: { MaxRecordTime: 0, TalkVolume: 10 } })).toEqual({ version: '2020-12-01', guessed: true });
    expect(detectVersion({ Layout: { MainVideoStreamIndex: 1 } })).toEqual({ version: '2020-12-01', guessed: true });
    expect(detectVersion({ Layout: pixelRegions, Control: { TalkVolume: 10 } })).toEqual({ version: '2023-11-01', guessed: true });
    expect(detectVersion({ Layout: { CustomLayout: { Regions: [{ WidthProportion: 1 }] } }, Control: { SEIConfig: {} } })).toEqual({ version: '2020-12-01', guessed: true });
  });

  it('guesses a version under which the body breaks no version rule, when one exists', () => {
    const control = fc.record({
      MaxRecordTime: fc.constant(60), TalkVolume: fc.constant(1), SEIConfig: fc.constant({}),
    }, { requiredKeys: [] });
    fc.assert(fc.property(control, fc.boolean(), (c, pixels) => {
      const layout = pixels ? pixelRegions : { CustomLayout: { Regions: [{ StreamIndex: 0, WidthProportion: 1, HeightProportion: 1 }] } };
      const body = { AppId: 'a', RoomId: 'r', TaskId: 't', PushURL: 'rtmp://h/a', TargetStreams: { StreamList: [{ UserId: 'u', Index: 0 }] }, Layout: { LayoutMode: 2, ...layout }, Control: c };
      const fits = (['2020-12-01', '2023-06-01', '2023-11-01'] as const).filter((v) => !requestRules(body, 'start', v).some((r) => r.code === 'notInVersion'));
      const { version } = detectVersion(body);
      if (fits.length > 0) expect(fits).toContain(version);
    }));
  });
});
