import { describe, expect, it } from 'vitest';
import type { ApiVersion } from './api-versions.ts';
import { requestRules, type RequestKind } from './request-rules.ts';

/** Layout rules of a request: its shape, the canvas the regions are measured on, and the mapping to streams. */

const KEY = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', PushURL: 'rtmp://push.example.com/live/key' };
const REGIONS = 'Layout.CustomLayout.Regions';
const start = (extra: Record<string, unknown>) => ({ ...KEY, TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }] }, ...extra });
const found = (body: unknown, version: ApiVersion = '2020-12-01', kind: RequestKind = 'start') => requestRules(body, kind, version).map((r) => [r.id, r.params]);
const region = (i: number, extra: Record<string, unknown> = {}) => ({ StreamIndex: i, WidthProportion: 0.5, HeightProportion: 0.5, ...extra });

describe('the shape of Layout', () => {
  it('resets a Layout or CustomLayout that is not an object, and shows it', () => {
    expect(found(start({ Layout: 5 }))).toEqual([['valueWrongType:Layout', { field: 'Layout', type: 'object', value: '5', default: '{}' }]]);
    expect(found(start({ Layout: { LayoutMode: 2, CustomLayout: [] } })).filter(([id]) => String(id).startsWith('valueWrongType'))).toEqual([
      ['valueWrongType:Layout.CustomLayout', { field: 'Layout.CustomLayout', type: 'object', value: '[]', default: '{}' }],
    ]);
  });

  it('knows MainVideoStream and checks it, and ignores MainVideoStreamIndex after 2020-12-01', () => {
    expect(found(start({ Layout: { LayoutMode: 0, MainVideoStream: 7 } }))).toEqual([['streamInvalid:Layout.MainVideoStream', { field: 'Layout.MainVideoStream', value: '7' }]]);
    expect(found(start({ Layout: { LayoutMode: 0, MainVideoStream: { UserId: 'a' }, MainVideoStreamIndex: 0 } }))).toEqual([]);
    expect(found(start({ Layout: { LayoutMode: 0, MainVideoStreamIndex: 0 } }), '2023-11-01')).toEqual([
      ['notInVersion:Layout.MainVideoStreamIndex', { field: 'Layout.MainVideoStreamIndex', version: '2023-11-01' }],
    ]);
  });

  it('names an unknown key of CustomLayout by its full path, and takes a CustomLayout without Regions', () => {
    expect(found(start({ TargetStreams: undefined, Layout: { LayoutMode: 2, CustomLayout: { Foo: 1 } } })).map(([id]) => id)).toEqual(['unknownField:Layout.CustomLayout.Foo']);
    expect(found(start({ Layout: { LayoutMode: 2, CustomLayout: { Regions: 'all' } } }))).toContainEqual(['regionsNotList:Layout.CustomLayout.Regions', { field: REGIONS, value: '"all"' }]);
  });
});

describe('the canvas 2023 regions are measured on', () => {
  const pixels = (canvas: unknown, width: number) => requestRules(start({ Layout: { LayoutMode: 2, CustomLayout: { Canvas: canvas, Regions: [{ StreamIndex: 0, Width: width, Height: 100 }] } } }), 'start', '2023-11-01')
    .filter((r) => r.code === 'regionValueInvalid').map((r) => r.params['range']);

  it('is the Canvas sent when its size is valid, and the default 640 × 480 when it is not', () => {
    expect(pixels({ Width: 1280, Height: 720 }, 700)).toEqual([]);
    expect(pixels({ Width: 1281, Height: 720 }, 700)).toEqual(['(0, 640] px']);
    expect(pixels({ Width: 1280.5, Height: 720 }, 700)).toEqual(['(0, 640] px']);
    expect(pixels({ Width: '1280', Height: 720 }, 700)).toEqual(['(0, 640] px']);
    expect(pixels(undefined, 700)).toEqual(['(0, 640] px']);
  });

  it('is unknown to a partial update that sends only one side of the Canvas', () => {
    const update = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', SequenceNumber: 1, IsUpdatePartialParam: true };
    for (const canvas of [{ Width: 1280 }, { Height: 720 }]) {
      const rules = requestRules({ ...update, Layout: { CustomLayout: { Canvas: canvas, Regions: [{ StreamIndex: 0, Width: 0, Height: 100 }] } } }, 'update', '2023-11-01');
      expect(rules.map((r) => r.params['range'])).toEqual(['(0, Canvas.Width] px']);
    }
  });
});

describe('regions to streams, one to one', () => {
  it('carries the index, count and user of each mapping rule', () => {
    const body = start({
      TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 1 }, { UserId: 5 }, 'x'] },
      Layout: { LayoutMode: 2, CustomLayout: { Regions: [region(0), region(0), region(7), 'r', region(1.5)] } },
    });
    const mapping = found(body).filter(([id]) => /^(regionUnmatched|duplicateStreamIndex|targetWithout)/.test(String(id)));
    expect(mapping).toEqual([
      [`regionUnmatched:${REGIONS}[2].StreamIndex`, { streamIndex: 7 }],
      [`duplicateStreamIndex:${REGIONS}`, { streamIndex: 0, count: 2 }],
      ['targetWithoutRegion:TargetStreams.StreamList[1]', { userId: 'b', index: 1 }],
      ['targetWithoutIndex:TargetStreams.StreamList[2]', { userId: '5' }],
    ]);
  });

  it('judges a partial update that keeps the task\'s mode against 30 streams, as a custom layout', () => {
    const update = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', SequenceNumber: 1, IsUpdatePartialParam: true };
    const list = (n: number) => ({ StreamList: Array.from({ length: n }, (_, i) => ({ UserId: `u${i}`, Index: i })) });
    expect(found({ ...update, TargetStreams: list(30) }, '2020-12-01', 'update')).toEqual([]);
    expect(found({ ...update, TargetStreams: list(31) }, '2020-12-01', 'update')).toEqual([['tooManyStreams:TargetStreams.StreamList', { count: 31, max: 30, mode: 2 }]]);
  });
});

describe('LayoutMode and the Canvas fields', () => {
  const canvasRules = (canvas: Record<string, unknown>) => found(start({ Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720, ...canvas }, Regions: [region(0)] } } }));

  it('resets a bad LayoutMode to 0, which then ignores CustomLayout', () => {
    const custom = { CustomLayout: { Regions: [region(0)] } };
    expect(found(start({ Layout: { LayoutMode: 9, ...custom } }))).toEqual([
      ['valueOutOfRange:Layout.LayoutMode', { field: 'Layout.LayoutMode', value: 9, range: '{0, 1, 2, 3}', default: '0' }],
      ['customLayoutIgnored:Layout.CustomLayout', { mode: 0 }],
    ]);
    expect(found(start({ Layout: { LayoutMode: 2.5, ...custom } })).map(([id]) => id)).toEqual(['valueNotInteger:Layout.LayoutMode', 'customLayoutIgnored:Layout.CustomLayout']);
    expect(found(start({ Layout: { LayoutMode: '2', ...custom } })).map(([id]) => id)).toEqual(['valueWrongType:Layout.LayoutMode', 'customLayoutIgnored:Layout.CustomLayout']);
    expect(found(start({ Layout: { LayoutMod: 2 } })).map(([id]) => id)).toEqual(['unknownFieldSuggest:Layout.LayoutMod']);
  });

  it('checks the canvas size in whole, even pixels', () => {
    expect(canvasRules({ Width: 1281, Height: 721 }).map(([id]) => id)).toEqual(['valueOdd:Layout.CustomLayout.Canvas.Width', 'valueOdd:Layout.CustomLayout.Canvas.Height']);
    expect(canvasRules({ Width: 640.5, Height: 480.5 }).map(([id, p]) => [id, (p as Record<string, unknown>)['whole']])).toEqual([
      ['valueNotInteger:Layout.CustomLayout.Canvas.Width', 641], ['valueNotInteger:Layout.CustomLayout.Canvas.Height', 481],
    ]);
    expect(canvasRules({ Width: 4000 })[0]?.[1]).toMatchObject({ range: '[2, 1920] px', default: '640' });
  });

  it('wants a #RRGGBB background and a BackgroundImage string of at most 1024 characters', () => {
    for (const bad of ['red', 'x#000000', '#0000000', '#00000g']) {
      expect(canvasRules({ Background: bad })).toEqual([['valueBadFormat:Layout.CustomLayout.Canvas.Background', { field: 'Layout.CustomLayout.Canvas.Background', value: JSON.stringify(bad), format: '#RRGGBB', default: '#000000' }]]);
    }
    expect(canvasRules({ Background: '#a0B1c2', BackgroundImage: 'https://example.com/bg.png' })).toEqual([]);
    expect(canvasRules({ BackgroundImage: 5 }).map(([id]) => id)).toEqual(['valueWrongType:Layout.CustomLayout.Canvas.BackgroundImage']);
    expect(canvasRules({ BackgroundImage: 'x'.repeat(1025) }).map(([id]) => id)).toEqual(['valueTooLong:Layout.CustomLayout.Canvas.BackgroundImage']);
  });

  it('judges the mapping of a partial update that sends its streams', () => {
    const update = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', SequenceNumber: 1, IsUpdatePartialParam: true };
    const body = { ...update, TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }] }, Layout: { CustomLayout: { Regions: [region(0), region(4)] } } };
    expect(found(body, '2020-12-01', 'update').map(([id]) => id)).toEqual([`regionUnmatched:${REGIONS}[1].StreamIndex`]);
  });
});
