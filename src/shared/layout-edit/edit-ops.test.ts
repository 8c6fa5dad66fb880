import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_VERSIONS, type ApiVersion } from '../api-versions.ts';
import { layoutWarnings } from '../layout-warnings.ts';
import { buildTaskModel } from '../task-model.ts';
import { applyEdit, regionFieldPath, type EditOp } from './edit-ops.ts';
import { anyRect, deepFreeze, validLayout } from './edit-test-kit.ts';
import { placedRect } from './region-placement.ts';

const PX = '2023-06-01';

function twoRegions(version: ApiVersion = PX) {
  const pixel = version !== '2020-12-01';
  return deepFreeze({
    Status: 2,
    TargetStreams: { StreamList: [{ UserId: 'host', Index: 0 }, { UserId: 'guest', Index: 1 }] },
    Layout: {
      LayoutMode: 2,
      CustomLayout: {
        Canvas: { Width: 1280, Height: 720 },
        Regions: pixel
          ? [{ StreamIndex: 0, LocationX: 0, LocationY: 0, Width: 640, Height: 720, ZOrder: 3 }, { StreamIndex: 1, LocationX: 640, LocationY: 0, Width: 640, Height: 720, ZOrder: 7 }]
          : [{ StreamIndex: 0, LocationX: 0, LocationY: 0, WidthProportion: 0.5, HeightProportion: 1, ZOrder: 3 }, { StreamIndex: 1, LocationX: 0.5, LocationY: 0, WidthProportion: 0.5, HeightProportion: 1, ZOrder: 7 }],
      },
    },
  });
}

const regionsOf = (task: unknown, version: ApiVersion = PX) => buildTaskModel(task, version).layout.regions;
const rectOf = (task: unknown, arrayIndex: number, version: ApiVersion = PX) => regionsOf(task, version).find((r) => r.arrayIndex === arrayIndex)?.rect;
const streamsOf = (task: Record<string, unknown>) => (task['TargetStreams'] as { StreamList: unknown[] }).StreamList;
const rawRegionsOf = (task: Record<string, unknown>) => (task['Layout'] as { CustomLayout: { Regions: unknown[] } }).CustomLayout.Regions;

describe('place', () => {
  it('moves and sizes a region in canvas pixels, keeping its other fields', () => {
    const after = applyEdit(twoRegions(), PX, { kind: 'place', regionIndex: 1, rect: { x: 900.4, y: 400, width: 320, height: 180 } });
    expect(rectOf(after, 1)).toEqual({ x: 900, y: 400, width: 320, height: 180 });
    expect(regionsOf(after).find((r) => r.arrayIndex === 1)?.zOrder.value).toBe(7);
    expect(rectOf(after, 0)).toEqual({ x: 0, y: 0, width: 640, height: 720 });
  });

  it('writes ratios in 2020-12-01', () => {
    const after = applyEdit(twoRegions('2020-12-01'), '2020-12-01', { kind: 'place', regionIndex: 0, rect: { x: 320, y: 180, width: 640, height: 360 } });
    const raw = (after['Layout'] as { CustomLayout: { Regions: Record<string, unknown>[] } }).CustomLayout.Regions[0];
    expect(raw).toMatchObject({ LocationX: 0.25, LocationY: 0.25, WidthProportion: 0.5, HeightProportion: 0.5 });
    expect(raw).not.toHaveProperty('Width');
  });

  it('ignores a region that is not there', () => {
    const before = twoRegions();
    for (const regionIndex of [2, -1, 0.5]) expect(applyEdit(before, PX, { kind: 'place', regionIndex, rect: { x: 0, y: 0, width: 1, height: 1 } })).toBe(before);
  });

  it('gives a region that is not an object its geometry', () => {
    const broken = { Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 640, Height: 480 }, Regions: [null] } } };
    const after = applyEdit(broken, PX, { kind: 'place', regionIndex: 0, rect: { x: 1, y: 2, width: 3, height: 4 } });
    expect(after).toEqual({ Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 640, Height: 480 }, Regions: [{ LocationX: 1, LocationY: 2, Width: 3, Height: 4 }] } } });
  });

  it('lands on the placed rectangle once normalised, in every version', () => {
    fc.assert(fc.property(fc.constantFrom(...API_VERSIONS), anyRect, fc.nat({ max: 1 }), (version, rect, regionIndex) => {
      const after = applyEdit(twoRegions(version), version, { kind: 'place', regionIndex, rect });
      expect(rectOf(after, regionIndex, version)).toEqual(placedRect(rect, { width: 1280, height: 720 }));
    }));
  });
});

describe('set', () => {
  it('writes any field by its path and removes it for undefined', () => {
    const before = twoRegions();
    const alpha = applyEdit(before, PX, { kind: 'set', path: regionFieldPath(0, 'Alpha'), value: 0.5 });
    expect(regionsOf(alpha).find((r) => r.arrayIndex === 0)?.alpha).toEqual({ value: 0.5, defaulted: false });
    const crop = applyEdit(before, PX, { kind: 'set', path: 'Layout.CustomLayout.Regions[1].SourceCrop.WidthProportion', value: 0.2 });
    expect(regionsOf(crop).find((r) => r.arrayIndex === 1)?.sourceCrop.width.value).toBe(0.2);
    const noZ = applyEdit(before, PX, { kind: 'set', path: regionFieldPath(1, 'ZOrder'), value: undefined });
    expect(regionsOf(noZ).find((r) => r.arrayIndex === 1)?.zOrder).toEqual({ value: 0, defaulted: true });
    const bg = applyEdit(before, PX, { kind: 'set', path: 'Layout.CustomLayout.Canvas.Background', value: '#ff0000' });
    expect(buildTaskModel(bg, PX).layout.canvas.background.value).toBe('#ff0000');
  });

  it('changes nothing for a malformed path', () => {
    const before = twoRegions();
    expect(applyEdit(before, PX, { kind: 'set', path: 'Layout..Regions', value: 1 })).toBe(before);
    expect(applyEdit(before, PX, { kind: 'set', path: '__proto__.polluted', value: 1 })).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('addRegion', () => {
  it('gives the first stream without a region a centred region of a quarter of the canvas, on top', () => {
    const before = applyEdit(twoRegions(), PX, { kind: 'removeRegion', regionIndex: 0 });
    const after = applyEdit(before, PX, { kind: 'addRegion' });
    const added = regionsOf(after).find((r) => r.arrayIndex === 1);
    expect(added?.streamIndex).toBe(0);
    expect(added?.rect).toEqual({ x: 320, y: 180, width: 640, height: 360 });
    expect(added?.zOrder.value).toBe(8);
    expect(added?.drawOrder).toBe(1);
  });

  it('takes the stream asked for, else an index nothing uses', () => {
    expect(regionsOf(applyEdit(twoRegions(), PX, { kind: 'addRegion', streamIndex: 1 })).find((r) => r.arrayIndex === 2)?.streamIndex).toBe(1);
    expect(regionsOf(applyEdit(twoRegions(), PX, { kind: 'addRegion' })).find((r) => r.arrayIndex === 2)?.streamIndex).toBe(2);
  });

  it('goes one above the highest ZOrder Volcengine takes, ignoring values it resets', () => {
    let doc: Record<string, unknown> = twoRegions();
    for (const [i, z] of [[0, 5], [1, 150]] as const) doc = applyEdit(doc, PX, { kind: 'set', path: regionFieldPath(i, 'ZOrder'), value: z });
    doc = applyEdit(doc, PX, { kind: 'addStream', userId: 'c' });
    doc = applyEdit(doc, PX, { kind: 'addRegion', streamIndex: 2 });
    doc = applyEdit(doc, PX, { kind: 'set', path: regionFieldPath(2, 'ZOrder'), value: 'high' });
    doc = applyEdit(doc, PX, { kind: 'addRegion' });
    expect(regionsOf(doc).find((r) => r.arrayIndex === 3)?.zOrder.value).toBe(6);
    const withNull = applyEdit({ Layout: { CustomLayout: { Regions: [null, { StreamIndex: 0, ZOrder: 2 }] } } }, PX, { kind: 'addRegion' });
    expect(rawRegionsOf(withNull).at(-1)).toMatchObject({ StreamIndex: 1, ZOrder: 3 });
  });

  it('stays at ZOrder 100 on top of a region already there, and starts a layout that has none', () => {
    const top = applyEdit(twoRegions(), PX, { kind: 'set', path: regionFieldPath(1, 'ZOrder'), value: 100 });
    const added = regionsOf(applyEdit(top, PX, { kind: 'addRegion' }));
    expect(added.at(-1)).toMatchObject({ arrayIndex: 2, zOrder: { value: 100 } });
    const fresh = applyEdit({}, '2020-12-01', { kind: 'addRegion' });
    expect(fresh).toEqual({ Layout: { CustomLayout: { Regions: [{ StreamIndex: 0, LocationX: 0.25, LocationY: 0.25, WidthProportion: 0.5, HeightProportion: 0.5, ZOrder: 0 }] } } });
  });
});

describe('removeRegion', () => {
  it('removes one region; the later ones move up', () => {
    const after = applyEdit(twoRegions(), PX, { kind: 'removeRegion', regionIndex: 0 });
    expect(regionsOf(after).map((r) => r.streamIndex)).toEqual([1]);
    const before = twoRegions();
    for (const regionIndex of [2, -1, 0.5]) expect(applyEdit(before, PX, { kind: 'removeRegion', regionIndex })).toBe(before);
  });
});

describe('streams', () => {
  it('adds a stream with the smallest Index no stream or region uses', () => {
    const after = applyEdit(twoRegions(), PX, { kind: 'addStream', userId: 'teacher', streamType: 1 });
    expect(streamsOf(after).at(-1)).toStrictEqual({ UserId: 'teacher', Index: 2, StreamType: 1 });
    expect(streamsOf(applyEdit(twoRegions(), PX, { kind: 'addStream', userId: 'plain' })).at(-1)).toStrictEqual({ UserId: 'plain', Index: 2 });
    const orphan = applyEdit(twoRegions(), PX, { kind: 'set', path: regionFieldPath(0, 'StreamIndex'), value: 2 });
    expect(streamsOf(applyEdit(orphan, PX, { kind: 'addStream', userId: 'x' })).at(-1)).toEqual({ UserId: 'x', Index: 3 });
    expect(streamsOf(applyEdit(orphan, PX, { kind: 'addStream', userId: 'x', index: 2 })).at(-1)).toEqual({ UserId: 'x', Index: 2 });
  });

  it('skips list entries that are not streams when it picks an Index', () => {
    const odd = { TargetStreams: { StreamList: [null, { UserId: 'a', Index: 0 }, { UserId: 'b', Index: 1.5 }] }, Layout: { CustomLayout: { Regions: [null, { StreamIndex: 1 }] } } };
    expect(streamsOf(applyEdit(odd, PX, { kind: 'addStream', userId: 'c' })).at(-1)).toEqual({ UserId: 'c', Index: 2 });
    expect(rawRegionsOf(applyEdit(odd, PX, { kind: 'addRegion' })).at(-1)).toMatchObject({ StreamIndex: 0 });
  });

  it('starts a stream list when the task has none', () => {
    expect(applyEdit({ Status: 2 }, PX, { kind: 'addStream', userId: 'a' })).toEqual({ Status: 2, TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }] } });
  });

  it('removes a stream and leaves its region, which the warnings then report', () => {
    const after = applyEdit(twoRegions(), PX, { kind: 'removeStream', listIndex: 1 });
    expect(streamsOf(after)).toEqual([{ UserId: 'host', Index: 0 }]);
    expect(regionsOf(after)).toHaveLength(2);
    expect(layoutWarnings(buildTaskModel(after, PX)).map((w) => w.code)).toContain('streamIndexUnmatched');
    const before = twoRegions();
    for (const listIndex of [9, -1]) expect(applyEdit(before, PX, { kind: 'removeStream', listIndex })).toBe(before);
  });
});

describe('makeCustom', () => {
  const adaptive = deepFreeze({
    Encode: { VideoWidth: 1280, VideoHeight: 720 },
    TargetStreams: { StreamList: [{ UserId: 'a' }, { UserId: 'b', Index: 0 }, { UserId: 'c' }, { UserId: 'd', StreamType: 1 }] },
    Layout: { LayoutMode: 0 },
  });

  it('turns a template into the custom layout drawn for it, giving streams the indexes they lack', () => {
    for (const version of API_VERSIONS) {
      const before = buildTaskModel(adaptive, version).layout;
      const after = applyEdit(adaptive, version, { kind: 'makeCustom' });
      const model = buildTaskModel(after, version);
      expect(model.layout.approximate).toBe(false);
      expect(model.layout.canvas.width.value).toBe(1280);
      expect(model.targets.map((t) => t.index)).toEqual([1, 0, 2, 3]);
      expect(model.layout.regions.map((r) => [r.stream?.userId, r.rect])).toEqual(before.regions.map((r) => [r.stream?.userId, r.rect]));
    }
  });

  it('keeps the vertical layout main picture first and below the others, and what the layout had', () => {
    const vertical = { ...adaptive, TargetStreams: { ...adaptive.TargetStreams, Extra: 1 }, Layout: { LayoutMode: 1, MainVideoStream: { UserId: 'c' }, CustomLayout: { Canvas: { Background: '#123456' } } } };
    const after = applyEdit(vertical, PX, { kind: 'makeCustom' });
    const model = buildTaskModel(after, PX);
    expect(model.layout.regions[0]?.stream?.userId).toBe('c');
    expect(model.layout.regions[0]?.rect).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(model.layout.regions.map((r) => r.zOrder.value)).toEqual([0, 1, 1, 1]);
    expect(model.layout.canvas.background.value).toBe('#123456');
    expect(after['Layout']).toMatchObject({ MainVideoStream: { UserId: 'c' } });
    expect(after['TargetStreams']).toMatchObject({ Extra: 1 });
  });

  it('matches each stream once, even a user with two streams of one type', () => {
    const twice = { Encode: { VideoWidth: 640, VideoHeight: 480 }, TargetStreams: { StreamList: [{ UserId: 'a' }, { UserId: 'a' }] }, Layout: { LayoutMode: 3 } };
    const model = buildTaskModel(applyEdit(twice, PX, { kind: 'makeCustom' }), PX);
    expect(model.layout.regions.map((r) => r.streamIndex)).toEqual([0, 1]);
  });

  it('tells a user\'s camera from their screen share', () => {
    const shared = { Encode: { VideoWidth: 640, VideoHeight: 480 }, TargetStreams: { StreamList: [{ UserId: 'a', StreamType: 1 }, { UserId: 'a' }] }, Layout: { LayoutMode: 1, MainVideoStream: { UserId: 'a' } } };
    const model = buildTaskModel(applyEdit(shared, PX, { kind: 'makeCustom' }), PX);
    expect(model.layout.regions.map((r) => [r.streamIndex, r.stream?.streamType.value, r.rect.width])).toEqual([[1, 0, 640], [0, 1, 213]]);
  });

  it('makes an empty custom layout of a template with no streams listed', () => {
    const none = applyEdit({ Layout: { LayoutMode: 0 } }, PX, { kind: 'makeCustom' });
    expect(none).toEqual({ Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 640, Height: 480 }, Regions: [] } } });
  });

  it('leaves a custom layout as it is', () => {
    const before = twoRegions();
    expect(applyEdit(before, PX, { kind: 'makeCustom' })).toBe(before);
  });
});

const opArb = (regions: number): fc.Arbitrary<EditOp> => fc.oneof(
  fc.record({ kind: fc.constant('place' as const), regionIndex: fc.nat({ max: regions }), rect: anyRect }),
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(regionFieldPath(0, 'ZOrder'), 'Layout.CustomLayout.Canvas.Background', 'Encode.VideoFps', regionFieldPath(0, 'SourceCrop.LocationX')), value: fc.oneof(fc.integer(), fc.constant(undefined)) }),
  fc.record({ kind: fc.constant('addRegion' as const) }),
  fc.record({ kind: fc.constant('removeRegion' as const), regionIndex: fc.nat({ max: regions }) }),
  fc.record({ kind: fc.constant('addStream' as const), userId: fc.constant('new-user') }),
  fc.record({ kind: fc.constant('removeStream' as const), listIndex: fc.nat({ max: regions }) }),
  fc.constant({ kind: 'makeCustom' as const }),
);

describe('every edit', () => {
  it('never mutates its input', () => {
    fc.assert(fc.property(fc.constantFrom(...API_VERSIONS).chain((v) => fc.tuple(fc.constant(v), validLayout(v))), fc.array(opArb(30), { maxLength: 8 }), ([version, { task }], ops) => {
      let doc: Record<string, unknown> = deepFreeze(structuredClone(task));
      for (const op of ops) {
        const before = structuredClone(doc);
        const next = applyEdit(doc, version, op);
        expect(doc).toEqual(before);
        doc = deepFreeze(next);
      }
    }), { numRuns: 60 });
  });
});
