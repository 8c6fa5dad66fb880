import { describe, expect, it } from 'vitest';
import type { ApiVersion } from './api-versions.ts';
import { requestRules, type RequestKind } from './request-rules.ts';
import { rangeText, shown, suggest } from './request-rules-values.ts';

/** The request rules at the edges of each documented range, and the text they show for a value. */

const KEY = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', PushURL: 'rtmp://push.example.com/live/key' };
const streams = (n: number) => ({ StreamList: Array.from({ length: n }, (_, i) => ({ UserId: `u${i}`, Index: i })) });
const withRegion = (region: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...KEY, TargetStreams: streams(1),
  Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [{ StreamIndex: 0, ...region }] } },
  ...extra,
});
const codes = (body: unknown, version: ApiVersion = '2020-12-01', kind: RequestKind = 'start') => requestRules(body, kind, version).map((r) => `${r.code} ${r.path}`);
const rule = (body: unknown, code: string, version: ApiVersion = '2020-12-01') => requestRules(body, 'start', version).find((r) => r.code === code);
const R0 = 'Layout.CustomLayout.Regions[0]';

describe('region geometry at the edges', () => {
  it('takes a 2020 LocationX of 0 up to under 1, and calls exactly 1 invalid, not pixels', () => {
    expect(codes(withRegion({ LocationX: 0, LocationY: 0.999, WidthProportion: 1, HeightProportion: 1 }))).toEqual([]);
    expect(rule(withRegion({ LocationX: 1, WidthProportion: 0.5, HeightProportion: 0.5 }), 'regionValueInvalid')?.params).toEqual({ field: `${R0}.LocationX`, value: 1, range: '[0, 1)' });
    expect(codes(withRegion({ LocationX: 1.5, WidthProportion: 0.5, HeightProportion: 0.5 }))).toEqual([`regionPixelsAsRatio ${R0}.LocationX`]);
  });

  it('calls a size of 0 or below invalid, and a negative location too', () => {
    expect(codes(withRegion({ WidthProportion: 0, HeightProportion: -0.5, LocationY: -0.1 }))).toEqual([
      `regionValueInvalid ${R0}.LocationY`, `regionValueInvalid ${R0}.WidthProportion`, `regionValueInvalid ${R0}.HeightProportion`,
    ]);
    expect(rule(withRegion({ WidthProportion: 0, HeightProportion: 1 }), 'regionValueInvalid')?.params['range']).toBe('(0, 1]');
  });

  it('takes a 2023 Width equal to the canvas width, and refuses a non-number', () => {
    expect(codes(withRegion({ Width: 1280, Height: 720 }), '2023-11-01')).toEqual([]);
    expect(rule(withRegion({ Width: '640', Height: 720 }), 'regionValueInvalid', '2023-11-01')?.params).toEqual({ field: `${R0}.Width`, value: '"640"', range: '(0, 1280] px' });
  });

  it('measures a partial update\'s regions against the canvas by name when it sends none', () => {
    const body = { ...KEY, PushURL: undefined, SequenceNumber: 1, IsUpdatePartialParam: true, Layout: { CustomLayout: { Regions: [{ StreamIndex: 0, Width: 0, Height: 5000 }] } } };
    const found = requestRules(body, 'update', '2023-11-01').find((r) => r.code === 'regionValueInvalid');
    expect(found?.params['range']).toBe('(0, Canvas.Width] px');
    // Without the canvas there is no upper bound to judge: 5000 px may fit the task's canvas.
    expect(requestRules(body, 'update', '2023-11-01').map((r) => r.path)).toEqual([`${R0}.Width`]);
  });

  it('checks StreamIndex and SpatialPosition', () => {
    expect(codes(withRegion({ StreamIndex: -1, WidthProportion: 1, HeightProportion: 1 }))).toContain(`streamIndexInvalid ${R0}.StreamIndex`);
    expect(codes(withRegion({ StreamIndex: 0.5, WidthProportion: 1, HeightProportion: 1 }))).toContain(`streamIndexInvalid ${R0}.StreamIndex`);
    expect(codes(withRegion({ WidthProportion: 1, HeightProportion: 1, SpatialPosition: [-100, 0, 100] }))).toEqual([]);
    for (const bad of [[101, 0, 0], [0, -101, 0], [0, 0], [0, 0, 0.5]]) {
      expect(codes(withRegion({ WidthProportion: 1, HeightProportion: 1, SpatialPosition: bad }))).toEqual([`valueOutOfRange ${R0}.SpatialPosition`]);
    }
  });
});

describe('streams at the edges', () => {
  it('checks a UserId against the ID characters, and Index and StreamType', () => {
    const body = { ...KEY, TargetStreams: { StreamList: [{ UserId: 'a b', Index: -1, StreamType: 2 }] } };
    expect(codes(body)).toEqual([
      'streamUserIdInvalid TargetStreams.StreamList[0].UserId',
      'streamIndexInvalid TargetStreams.StreamList[0].Index',
      'valueOutOfRange TargetStreams.StreamList[0].StreamType',
    ]);
    expect(codes({ ...KEY, TargetStreams: { StreamList: [{ UserId: 'a', Index: 0, StreamType: 1 }] } })).toEqual([]);
  });

  it('refuses a stream list that is not a list, and ignores a null one', () => {
    expect(codes({ ...KEY, TargetStreams: { StreamList: 'all' } })).toEqual(['streamListInvalid TargetStreams.StreamList']);
    expect(codes({ ...KEY, TargetStreams: 'all' })).toEqual(['streamListInvalid TargetStreams']);
    expect(codes({ ...KEY, TargetStreams: { StreamList: null } })).toEqual([]);
    expect(codes({ ...KEY, ExcludeStreams: { StreamList: [5] } })).toEqual(['streamInvalid ExcludeStreams.StreamList[0]']);
  });
});

describe('spatial audio', () => {
  const spatial = (config: unknown) => ({ ...KEY, Control: { SpatialConfig: config } });

  it('checks the audience position range and the orientation\'s shape', () => {
    expect(codes(spatial({ EnableSpatialRender: true, AudienceSpatialPosition: [100, -100, 0] }))).toEqual([]);
    expect(codes(spatial({ AudienceSpatialPosition: [0, 0, 101] }))).toEqual(['valueOutOfRange Control.SpatialConfig.AudienceSpatialPosition']);
    expect(codes(spatial({ AudienceSpatialOrientation: 'north' }))).toEqual(['valueWrongType Control.SpatialConfig.AudienceSpatialOrientation']);
    expect(codes(spatial({ AudienceSpatialOrientation: { Forward: [1, 0], Up: [0, 0, 1], Back: [1, 0, 0] } }))).toEqual([
      'valueWrongType Control.SpatialConfig.AudienceSpatialOrientation.Forward',
      'unknownField Control.SpatialConfig.AudienceSpatialOrientation.Back',
    ]);
    expect(codes(spatial({ AudienceSpatialOrientation: { Forward: [0, 0, 1], Right: [0, 1, 0], Up: [1, 0, 0] } }))).toEqual([]);
    expect(codes(spatial({ AudienceSpatialOrientation: { Up: [0, 1, 0] } }))).toEqual(['notPerpendicular Control.SpatialConfig.AudienceSpatialOrientation']);
  });

  it('takes SEIConfig from 2023-06-01 on', () => {
    expect(codes({ ...KEY, Control: { SEIConfig: { SEIPayLoadType: 5, SEIPayloadUUID: 'a'.repeat(32) } } }, '2023-06-01')).toEqual([]);
    expect(codes({ ...KEY, Control: { SEIConfig: { UserConfigExtraInfo: 'x'.repeat(4097) } } }, '2023-11-01')).toEqual(['valueTooLong Control.SEIConfig.UserConfigExtraInfo']);
  });
});

describe('how values and ranges read', () => {
  it('shows a value short, as JSON shows it', () => {
    expect(shown(undefined)).toBe('nothing');
    expect(shown([])).toBe('[]');
    expect(shown([1])).toBe('[…]');
    expect(shown({ a: 1 })).toBe('{…}');
    expect(shown(null)).toBe('null');
    expect(shown('x'.repeat(46))).toBe(`"${'x'.repeat(46)}"`); // 48 characters: kept whole
    expect(shown('x'.repeat(47))).toBe(`"${'x'.repeat(46)}…`);
  });

  it('writes open, closed and unbounded ranges', () => {
    expect(rangeText({ key: 'a', min: 0, max: 1, maxExclusive: true })).toBe('[0, 1)');
    expect(rangeText({ key: 'a', min: 0, minExclusive: true, max: 1, unit: 'px' })).toBe('(0, 1] px');
    expect(rangeText({ key: 'a' })).toBe('(-∞, ∞)');
    expect(rangeText({ key: 'a', oneOf: [1, 2] })).toBe('{1, 2}');
  });

  it('suggests a known name within two edits, case aside, and nothing further off', () => {
    const known = ['VideoFps', 'VideoWidth'];
    expect(suggest('videofps', known)).toBe('VideoFps');
    expect(suggest('VideoFs', known)).toBe('VideoFps');
    expect(suggest('VidFs', known)).toBeUndefined();
    expect(suggest('VideoWidht', known)).toBe('VideoWidth');
  });
});

describe('stream lists and spatial audio: what the rules carry', () => {
  it('shows the bad stream, UserId or Index', () => {
    const found = (list: unknown[]) => requestRules({ ...KEY, TargetStreams: { StreamList: list } }, 'start', '2020-12-01').map((r) => [r.code, r.params]);
    expect(found([7])).toEqual([['streamInvalid', { field: 'TargetStreams.StreamList[0]', value: '7' }]]);
    expect(found([{ UserId: 5, Index: 'x' }])).toEqual([
      ['streamUserIdInvalid', { field: 'TargetStreams.StreamList[0].UserId', value: '5' }],
      ['streamIndexInvalid', { field: 'TargetStreams.StreamList[0].Index', value: '"x"' }],
    ]);
    expect(requestRules({ ...KEY, TargetStreams: { StreamList: 'all' } }, 'start', '2020-12-01')[0]?.params).toEqual({ field: 'TargetStreams.StreamList', value: '"all"' });
  });

  it('says nothing of a null list or a list object without StreamList, and counts no Index-less duplicates', () => {
    expect(codes({ ...KEY, TargetStreams: null })).toEqual([]);
    expect(codes({ ...KEY, TargetStreams: {} })).toEqual([]);
    expect(codes({ ...KEY, TargetStreams: { StreamList: [{ UserId: 'a' }, { UserId: 'b' }] } })).toEqual([]);
  });

  it('maps regions against no streams when StreamList is not a list', () => {
    const body = { ...KEY, TargetStreams: { StreamList: 'all' }, Layout: { LayoutMode: 2, CustomLayout: { Regions: [{ StreamIndex: 0, WidthProportion: 1, HeightProportion: 1 }] } } };
    expect(codes(body)).toEqual(['streamListInvalid TargetStreams.StreamList', `regionUnmatched ${R0}.StreamIndex`]);
  });

  it('carries the values of spatial audio rules', () => {
    const spatial = (config: unknown) => requestRules({ ...KEY, Control: { SpatialConfig: config } }, 'start', '2020-12-01').map((r) => [r.code, r.params]);
    expect(spatial({ EnableSpatialRender: 'yes' })).toEqual([['valueWrongType', { field: 'Control.SpatialConfig.EnableSpatialRender', type: 'boolean', value: '"yes"', default: 'false' }]]);
    expect(spatial({ AudienceSpatialPosition: [0.5, 0, 0] })).toEqual([['valueOutOfRange', { field: 'Control.SpatialConfig.AudienceSpatialPosition', value: '[…]', range: '[-100, 100] × 3', default: '[0, 0, 0]' }]]);
    expect(spatial({ AudienceSpatialOrientation: 3 })).toEqual([['valueWrongType', { field: 'Control.SpatialConfig.AudienceSpatialOrientation', type: 'object', value: '3', default: '—' }]]);
    expect(spatial({ AudienceSpatialOrientation: { Up: 'up' } })).toEqual([['valueWrongType', { field: 'Control.SpatialConfig.AudienceSpatialOrientation.Up', type: '[x, y, z]', value: '"up"', default: '[0,0,1]' }]]);
    expect(spatial({ AudienceSpatialOrientation: { Forward: [0, 1, 0] } })).toEqual([['notPerpendicular', { field: 'Control.SpatialConfig.AudienceSpatialOrientation' }]]);
  });

  it('names the version that does not take SEIConfig, and wants exactly 32 hex digits for its UUID', () => {
    expect(requestRules({ ...KEY, Control: { SEIConfig: {} } }, 'start', '2020-12-01')[0]?.params).toEqual({ field: 'Control.SEIConfig', version: '2020-12-01' });
    const uuid = (value: string) => codes({ ...KEY, Control: { SEIConfig: { SEIPayLoadType: 5, SEIPayloadUUID: value } } }, '2023-11-01');
    expect(uuid('a'.repeat(32))).toEqual([]);
    expect(uuid(`x${'a'.repeat(32)}`)).toEqual(['seiUuidInvalid Control.SEIConfig.SEIPayloadUUID']);
    expect(uuid(`${'a'.repeat(32)}x`)).toEqual(['seiUuidInvalid Control.SEIConfig.SEIPayloadUUID']);
  });
});
