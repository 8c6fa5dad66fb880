import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EFFECT_RANK, isRejected, requestRules, type RequestKind } from './request-rules.ts';
import type { ApiVersion } from './api-versions.ts';

const KEY = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1' };
const streams = (n: number) => ({ StreamList: Array.from({ length: n }, (_, i) => ({ UserId: `u${i}`, Index: i })) });
const ratioRegions = (n: number) => Array.from({ length: n }, (_, i) => ({ StreamIndex: i, LocationX: 0, LocationY: 0, WidthProportion: 0.5, HeightProportion: 0.5 }));
const start = (extra: object = {}, n = 2) => ({
  ...KEY, PushURL: 'rtmp://push.example.com/live/secret-key', TargetStreams: streams(n),
  Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: ratioRegions(n) } },
  ...extra,
});
const layoutWith = (regions: object[], canvas: object = { Width: 1280, Height: 720 }) => ({ LayoutMode: 2, CustomLayout: { Canvas: canvas, Regions: regions } });

const codes = (body: unknown, kind: RequestKind = 'start', version: ApiVersion = '2020-12-01') => requestRules(body, kind, version).map((r) => `${r.code} ${r.path}`);
const rule = (body: unknown, code: string, kind: RequestKind = 'start', version: ApiVersion = '2020-12-01') =>
  requestRules(body, kind, version).find((r) => r.code === code);

describe('requestRules: a sound request', () => {
  it('finds nothing in a documented Start body', () => {
    expect(codes(start())).toEqual([]);
  });

  it('finds nothing in a partial Update that moves one region', () => {
    const body = { ...KEY, SequenceNumber: 3, IsUpdatePartialParam: true, Layout: { CustomLayout: { Regions: [{ StreamIndex: 0, WidthProportion: 1, HeightProportion: 1 }] } } };
    expect(codes(body, 'update')).toEqual([]);
  });

  it('accepts 30 regions in a custom layout and 17 streams in the other modes', () => {
    expect(codes(start({}, 30))).toEqual([]);
    expect(codes({ ...KEY, PushURL: 'rtmp://a/b', TargetStreams: streams(17) })).toEqual([]);
  });
});

describe('requestRules: what Volcengine rejects', () => {
  it('names each missing required field', () => {
    expect(codes({ Layout: {} })).toEqual(['missingRequired AppId', 'missingRequired RoomId', 'missingRequired TaskId', 'missingRequired PushURL']);
    expect(rule({}, 'missingRequired')?.message).toBe('AppId is required; without it Volcengine answers MissingParameter.');
  });

  it('takes RTMP push URLs only, and never repeats the stream key', () => {
    const r = rule(start({ PushURL: 'https://cdn.example.com/live/secret-key?txSecret=abc' }), 'pushUrlNotRtmp');
    expect(r).toMatchObject({ effect: 'rejected', path: 'PushURL' });
    expect(r?.message).not.toContain('secret-key');
    expect(r?.message).not.toContain('abc');
  });

  it('checks the IDs against [a-zA-Z0-9_@.-]{1,128}', () => {
    expect(rule(start({ RoomId: 'room 1/2' }), 'idCharset')?.params).toEqual({ field: 'RoomId', found: '" " "/"' });
    expect(rule(start({ TaskId: 'x'.repeat(129) }), 'idTooLong')?.params).toEqual({ field: 'TaskId', length: 129 });
    expect(rule(start({ AppId: 42 }), 'idNotString')?.path).toBe('AppId');
  });

  it('lists regions that are not one-to-one with TargetStreams indexes', () => {
    const body = start({ Layout: layoutWith([...ratioRegions(1), { StreamIndex: 9, WidthProportion: 0.1, HeightProportion: 0.1 }]) });
    expect(codes(body)).toEqual(['regionUnmatched Layout.CustomLayout.Regions[1].StreamIndex', 'targetWithoutRegion TargetStreams.StreamList[1]']);
    expect(rule(body, 'regionUnmatched')?.message).toContain('InvalidParameter');
  });

  it('finds target streams without regions in a custom layout that has none', () => {
    expect(codes({ ...KEY, PushURL: 'rtmp://a/b', TargetStreams: streams(2), Layout: { LayoutMode: 2 } })).toEqual([
      'targetWithoutRegion TargetStreams.StreamList[0]',
      'targetWithoutRegion TargetStreams.StreamList[1]',
    ]);
  });

  it('finds two regions on one stream, and a target stream without an Index', () => {
    const body = start({ TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }, { UserId: 'b' }] }, Layout: layoutWith([...ratioRegions(1), ...ratioRegions(1)]) });
    expect(codes(body)).toEqual(['duplicateStreamIndex Layout.CustomLayout.Regions', 'targetWithoutIndex TargetStreams.StreamList[1]']);
  });

  it('counts streams against 30 in a custom layout and 17 in the others', () => {
    expect(rule(start({}, 31), 'tooManyStreams')?.params).toEqual({ count: 31, max: 30, mode: 2 });
    expect(rule(start({}, 31), 'tooManyRegions')?.params).toEqual({ count: 31, max: 30 });
    expect(rule({ ...KEY, PushURL: 'rtmp://a/b', TargetStreams: streams(18) }, 'tooManyStreams')?.params).toEqual({ count: 18, max: 17, mode: 0 });
  });

  it('finds a repeated Index and a stream without a UserId', () => {
    const body = start({ TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }, { Index: 0 }] }, Layout: layoutWith(ratioRegions(1)) });
    expect(codes(body)).toEqual(['streamUserIdInvalid TargetStreams.StreamList[1].UserId', 'duplicateIndex TargetStreams.StreamList']);
  });

  it('tells pixels given as 2020-12-01 ratios, and checks 2023 pixels against the canvas', () => {
    const pixels = start({ Layout: layoutWith([{ StreamIndex: 0, WidthProportion: 640, HeightProportion: 0.5 }, ratioRegions(2)[1] ?? {}]) });
    expect(rule(pixels, 'regionPixelsAsRatio')?.params).toEqual({ field: 'Layout.CustomLayout.Regions[0].WidthProportion', value: 640, range: '(0, 1]', canvas: '1280 × 720 px' });
    const body2023 = start({ Layout: layoutWith([{ StreamIndex: 0, LocationX: 1280, Width: 0.5, Height: 720 }, { StreamIndex: 1, Width: 1300, Height: 10 }]) });
    expect(codes(body2023, 'start', '2023-11-01')).toEqual([
      'regionValueInvalid Layout.CustomLayout.Regions[0].LocationX',
      'regionNotInteger Layout.CustomLayout.Regions[0].Width',
      'regionValueInvalid Layout.CustomLayout.Regions[1].Width',
    ]);
    expect(rule(body2023, 'regionValueInvalid', 'start', '2023-11-01')?.params['range']).toBe('[0, 1280) px');
  });

  it('says a 2023 field sent under 2020-12-01 is ignored and the required one is missing', () => {
    const body = start({ Layout: layoutWith([{ StreamIndex: 0, Width: 640, Height: 360 }, ratioRegions(2)[1] ?? {}]) });
    expect(codes(body)).toEqual([
      'regionRequired Layout.CustomLayout.Regions[0].WidthProportion',
      'regionRequired Layout.CustomLayout.Regions[0].HeightProportion',
      'notInVersion Layout.CustomLayout.Regions[0].Width',
      'notInVersion Layout.CustomLayout.Regions[0].Height',
    ]);
  });
});

describe('requestRules: what Volcengine resets or ignores', () => {
  it('resets canvas and encode values out of range or odd to their defaults', () => {
    const body = start({ Encode: { VideoFps: 120, VideoWidth: 641 }, Layout: layoutWith(ratioRegions(2), { Width: 1281, Height: 4000 }) });
    const rules = requestRules(body, 'start', '2020-12-01');
    expect(rules.map((r) => [r.code, r.path, r.effect])).toEqual([
      ['valueOdd', 'Layout.CustomLayout.Canvas.Width', 'reset'],
      ['valueOutOfRange', 'Layout.CustomLayout.Canvas.Height', 'reset'],
      ['valueOdd', 'Encode.VideoWidth', 'reset'],
      ['valueOutOfRange', 'Encode.VideoFps', 'reset'],
    ]);
    expect(rules[3]?.message).toBe('Encode.VideoFps is 120, outside [1, 60] fps. Volcengine does not reject it: it resets it to the default, 15.');
    expect(rules[0]?.params['even']).toBe(1282);
  });

  it('resets optional region values: Alpha 0, CornerRadius 0 before 2023-11-01, a bad RenderMode', () => {
    const regions = [{ ...ratioRegions(1)[0], Alpha: 0, CornerRadius: 0, RenderMode: 7 }, ratioRegions(2)[1] ?? {}];
    expect(codes(start({ Layout: layoutWith(regions) }))).toEqual([
      'valueOutOfRange Layout.CustomLayout.Regions[0].Alpha',
      'valueOutOfRange Layout.CustomLayout.Regions[0].CornerRadius',
      'valueOutOfRange Layout.CustomLayout.Regions[0].RenderMode',
    ]);
    const pixels = [{ StreamIndex: 0, Width: 640, Height: 360, CornerRadius: 0 }, { StreamIndex: 1, Width: 640, Height: 360 }];
    expect(codes(start({ Layout: layoutWith(pixels) }), 'start', '2023-11-01')).toEqual([]);
  });

  it('resets a bad Control value and checks the spatial orientation', () => {
    const body = start({ Control: { MaxIdleTime: 5, SpatialConfig: { AudienceSpatialOrientation: { Forward: [1, 0, 0], Right: [1, 0, 0] } } } });
    expect(codes(body)).toEqual(['valueOutOfRange Control.MaxIdleTime', 'notPerpendicular Control.SpatialConfig.AudienceSpatialOrientation']);
  });

  it('suggests the documented name of a misspelt field', () => {
    expect(rule(start({ Encode: { VideoFPS: 30 } }), 'unknownFieldSuggest')?.params).toEqual({ field: 'Encode.VideoFPS', suggestion: 'VideoFps' });
    expect(rule(start({ PushUrl: 'rtmp://a/b' }), 'unknownFieldSuggest')?.params).toEqual({ field: 'PushUrl', suggestion: 'PushURL' });
  });

  it('ignores fields of another API version', () => {
    const plain = { ...KEY, PushURL: 'rtmp://a/b' };
    expect(codes({ ...plain, Control: { TalkVolume: 3 } }, 'start', '2023-06-01')).toEqual(['notInVersion Control.TalkVolume']);
    expect(codes(start({ Control: { SEIConfig: {} } }))).toEqual(['notInVersion Control.SEIConfig']);
    const sei = rule({ ...plain, Control: { SEIConfig: { SEIPayLoadType: 5, SEIPayloadUUID: 'xyz' } } }, 'seiUuidInvalid', 'start', '2023-11-01');
    expect(sei?.params).toEqual({ field: 'Control.SEIConfig.SEIPayloadUUID', value: '"xyz"' });
  });

  it('says regions are ignored outside LayoutMode 2', () => {
    const body = start({ Layout: { ...layoutWith(ratioRegions(2)), LayoutMode: 0 } });
    expect(codes(body)).toEqual(['customLayoutIgnored Layout.CustomLayout']);
  });
});

describe('requestRules: Update bodies', () => {
  it('finds fields Update does not take, a missing or bad SequenceNumber and a bad partial flag', () => {
    const body = { ...KEY, PushURL: 'rtmp://a/b', ExcludeStreams: { StreamList: [] }, IsUpdatePartialParam: 'yes', TargetStreams: streams(1), Encode: {}, Layout: {}, Control: {} };
    expect(codes(body, 'update')).toEqual(['partialFlagInvalid IsUpdatePartialParam', 'notUpdatable PushURL', 'notUpdatable ExcludeStreams', 'sequenceNumberMissing SequenceNumber']);
    expect(codes({ ...body, SequenceNumber: -1, PushURL: undefined, ExcludeStreams: undefined, IsUpdatePartialParam: true }, 'update')).toEqual(['sequenceNumberInvalid SequenceNumber']);
  });

  it('warns that a full update resets the sections it leaves out', () => {
    expect(rule({ ...KEY, SequenceNumber: 1, Layout: layoutWith([]), TargetStreams: streams(0) }, 'fullUpdateOmits', 'update')?.params).toEqual({ fields: 'Encode, Control' });
  });

  it('does not judge the region mapping of a partial update that keeps the task streams', () => {
    const body = { ...KEY, SequenceNumber: 2, IsUpdatePartialParam: true, Layout: layoutWith([{ StreamIndex: 5, WidthProportion: 1, HeightProportion: 1 }]) };
    expect(codes(body, 'update')).toEqual([]);
  });
});

describe('requestRules: any input', () => {
  it('says a body that is not an object cannot be read', () => {
    expect(requestRules([], 'start', '2020-12-01')).toMatchObject([{ code: 'notAnObject', effect: 'rejected', params: { value: '[]' } }]);
  });

  it('never throws, fills every template and puts rejections first', () => {
    const rank = EFFECT_RANK;
    const body = fc.oneof(fc.anything(), fc.record({ Layout: fc.anything(), TargetStreams: fc.anything(), Encode: fc.anything(), Control: fc.anything(), SequenceNumber: fc.anything() }, { requiredKeys: [] }));
    fc.assert(
      fc.property(body, fc.constantFrom<RequestKind>('start', 'update'), fc.constantFrom<ApiVersion>('2020-12-01', '2023-11-01'), (b, kind, version) => {
        const rules = requestRules(b, kind, version);
        for (const r of rules) expect(`${r.message} ${r.fix}`).not.toMatch(/\{\{\w+\}\}/);
        expect(rules.map((r) => rank[r.effect])).toEqual(rules.map((r) => rank[r.effect]).sort((x, y) => x - y));
        expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
      }),
    );
  });

  it('calls a body with a rejected rule rejected', () => {
    expect(isRejected(requestRules(start(), 'start', '2020-12-01'))).toBe(false);
    expect(isRejected(requestRules(start({ PushURL: 'http://a' }), 'start', '2020-12-01'))).toBe(true);
  });
});

describe('requestRules: edges of the top-level fields', () => {
  const update = (extra: object = {}) => ({ ...KEY, SequenceNumber: 1, IsUpdatePartialParam: true, ...extra });

  it('only says an update\'s PushURL and ExcludeStreams are ignored, without judging their values', () => {
    expect(requestRules(update({ PushURL: 'https://cdn.example.com/live/secret-key' }), 'update', '2020-12-01').map((r) => [r.id, r.effect])).toEqual([
      ['notUpdatable:PushURL', 'ignored'],
    ]);
    expect(codes(update({ ExcludeStreams: { StreamList: 'everyone' } }), 'update')).toEqual(['notUpdatable ExcludeStreams']);
  });

  it('treats a null or empty PushURL as missing, and needs a host after rtmp://', () => {
    expect(codes(start({ PushURL: null }))).toEqual(['missingRequired PushURL']);
    expect(codes(start({ PushURL: '' }))).toEqual(['missingRequired PushURL']);
    expect(codes(start({ PushURL: 'rtmp:///live' }))).toEqual(['pushUrlNotRtmp PushURL']);
    expect(codes(start({ PushURL: ' rtmp://host/live' }))).toEqual(['pushUrlNotRtmp PushURL']);
    expect(codes(start({ PushURL: 'RTMP://Host/live' }))).toEqual([]);
    expect(rule(start({ PushURL: 42 }), 'pushUrlNotRtmp')?.params).toEqual({ url: '42' });
  });

  it('takes a SequenceNumber from 0 to the Int32 maximum, whole', () => {
    expect(codes(update({ SequenceNumber: 0 }), 'update')).toEqual([]);
    expect(codes(update({ SequenceNumber: 2 ** 31 - 1 }), 'update')).toEqual([]);
    for (const bad of [2 ** 31, 1.5, '1', null]) {
      expect(rule(update({ SequenceNumber: bad }), 'sequenceNumberInvalid', 'update')?.params).toEqual({ value: JSON.stringify(bad) });
    }
  });

  it('warns about omitted sections for IsUpdatePartialParam false as for no flag at all', () => {
    expect(rule(update({ IsUpdatePartialParam: false }), 'fullUpdateOmits', 'update')?.params).toEqual({ fields: 'TargetStreams, Encode, Layout, Control' });
    expect(codes(update({ IsUpdatePartialParam: false, TargetStreams: streams(0), Encode: {}, Layout: layoutWith([]), Control: {} }), 'update')).toEqual([]);
  });

  it('keeps ids unique when one rule fires twice at the same path (a React key)', () => {
    const list = { StreamList: [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 0 }, { UserId: 'c', Index: 1 }, { UserId: 'd', Index: 1 }] };
    const found = requestRules(start({ TargetStreams: list }), 'start', '2020-12-01').filter((r) => r.code === 'duplicateIndex');
    expect(found.map((r) => [r.id, r.params['index']])).toEqual([['duplicateIndex:TargetStreams.StreamList', 0]]);
  });
});
