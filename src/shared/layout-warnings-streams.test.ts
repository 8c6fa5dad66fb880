import { describe, expect, it } from 'vitest';
import { layoutWarnings as allWarnings } from './layout-warnings.ts';
import { apartFromSource } from './layout-test-tasks.ts';
import { buildTaskModel } from './task-model.ts';
import type { ApiVersion } from './api-versions.ts';

/** These tests are about other checks: the source-frame findings of their arbitrary shapes are left out. */
const layoutWarnings = (...args: Parameters<typeof allWarnings>) => apartFromSource(allWarnings(...args));

const region = (index: number, x = 0) => ({ StreamIndex: index, LocationX: x, WidthProportion: 0.25, HeightProportion: 0.25 });
function task(regions: unknown[], targets: unknown[], extra: Record<string, unknown> = {}, canvas: Record<string, unknown> = { Width: 1280, Height: 720 }) {
  return { TargetStreams: { StreamList: targets }, Layout: { LayoutMode: 2, CustomLayout: { Canvas: canvas, Regions: regions } }, ...extra };
}
const warnings = (raw: unknown, version: ApiVersion = '2020-12-01') => layoutWarnings(buildTaskModel(raw, version));
const ids = (raw: unknown) => warnings(raw).map((w) => w.id);

describe('regions and TargetStreams one-to-one', () => {
  it('flags a StreamIndex with no stream and a stream with no region', () => {
    expect(ids(task([region(0), region(7, 0.5)], [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 1 }]))).toEqual([
      'targetWithoutRegion:targets[1]',
      'streamIndexUnmatched:r1',
    ]);
  });
  it('says when TargetStreams is empty', () => {
    const list = warnings(task([region(3)], []));
    expect(list.map((w) => w.id)).toEqual(['streamIndexUnmatched:r0', 'targetsEmpty']);
    expect(list[0]?.message).toContain('TargetStreams is empty, so nothing is drawn there');
  });
  it('flags a target stream with no Index', () => {
    const [w] = warnings(task([region(0)], [{ UserId: 'a', Index: 0 }, { UserId: 'b' }]));
    expect(w?.message).toBe('The target stream "b" has no Index, so no region of the custom layout can show it.');
  });
  it('does not run the mapping checks outside a custom layout', () => {
    expect(ids({ TargetStreams: { StreamList: [{ UserId: 'a' }, { UserId: 'b' }] }, Layout: { LayoutMode: 0 } })).toEqual(['approximateLayout']);
  });
});

describe('the approximate layout warning', () => {
  const message = (targets: unknown[]) => warnings({ TargetStreams: { StreamList: targets }, Layout: { LayoutMode: 0 } }).find((w) => w.code === 'approximateLayout')?.message;
  it('counts its streams in the form English uses for the number', () => {
    expect(message([])).toContain('an approximation for 0 streams, not');
    expect(message([{ UserId: 'a' }])).toContain('an approximation for 1 stream, not');
    expect(message([{ UserId: 'a' }, { UserId: 'b' }])).toContain('an approximation for 2 streams, not');
    expect(message([{ UserId: 'a' }])).not.toContain('(s)');
  });
});

describe('duplicates', () => {
  it('flags a shared Index with every stream and the region concerned', () => {
    const [w] = warnings(task([region(2)], [{ UserId: 'a', Index: 2 }, { UserId: 'b', Index: 2, StreamType: 1 }]));
    expect(w?.id).toBe('duplicateTargetIndex:Index=2');
    expect(w?.regionIds).toEqual(['r0']);
    expect(w?.params.streams).toBe('"a" and "b" (screen)');
  });
  it('flags regions sharing a StreamIndex, all of them', () => {
    const [w] = warnings(task([region(0), region(0, 0.5), region(0, 0.75)], [{ UserId: 'a', Index: 0 }]));
    expect(w?.id).toBe('duplicateStreamIndex:StreamIndex=0');
    expect(w?.regionIds).toEqual(['r0', 'r1', 'r2']);
    expect(w?.params.count).toBe(3);
  });
});

describe('targeted and excluded', () => {
  it('matches UserId and StreamType', () => {
    const raw = task([region(0)], [{ UserId: 'a', Index: 0 }], { ExcludeStreams: { StreamList: [{ UserId: 'a', StreamType: 0 }] } });
    const [w] = warnings(raw);
    expect(w?.id).toBe('targetedAndExcluded:targets[0]');
    expect(w?.regionIds).toEqual(['r0']);
    expect(w?.message).toBe('The camera stream of "a" is both in TargetStreams and in ExcludeStreams. The docs do not say which list wins, so it may be missing from the mix.');
  });
  it('treats the camera and the screen of one user as different streams', () => {
    expect(ids(task([region(0)], [{ UserId: 'a', Index: 0 }], { ExcludeStreams: { StreamList: [{ UserId: 'a', StreamType: 1 }] } }))).toEqual([]);
  });
});

describe('documented maxima', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ UserId: `u${i}`, Index: i }));
  it('allows 30 in a custom layout and 17 in the others', () => {
    expect(ids(task(many(30).map((s) => region(s.Index, s.Index * 0.03)), many(30)))).not.toContain('tooManyStreams');
    expect(ids({ TargetStreams: { StreamList: many(17) }, Layout: { LayoutMode: 3 } })).toEqual(['approximateLayout']);
  });
  it('takes exactly 30 regions and 30 streams without a word, and flags the 31st of each', () => {
    const strip = (n: number) => many(n).map((s) => ({ StreamIndex: s.Index, LocationX: s.Index * 0.03, WidthProportion: 0.03, HeightProportion: 0.25 }));
    expect(ids(task(strip(30), many(30)))).toEqual([]);
    const over = warnings(task(strip(31), many(31)));
    expect(over.map((w) => [w.id, w.params.count, w.params.max])).toEqual([['tooManyRegions', 31, 30], ['tooManyStreams', 31, 30]]);
    expect(over[0]?.message).toBe('The custom layout has 31 regions; Volcengine documents at most 30 and rejects more with InvalidParameter.');
  });
  it('allows 17 streams in a template layout but not 18, and says a custom layout takes 30', () => {
    const [w] = warnings({ TargetStreams: { StreamList: many(18) }, Layout: { LayoutMode: 1 } });
    expect(w?.fix).toBe('List at most 17 streams, or use a custom layout (up to 30).');
    expect(w?.message).toBe('TargetStreams lists 18 streams; Volcengine documents at most 17 in this layout mode and rejects more with InvalidParameter.');
  });
  it('flags 18 streams in side-by-side mode with the limit', () => {
    const [w] = warnings({ TargetStreams: { StreamList: many(18) }, Layout: { LayoutMode: 3 } });
    expect(w?.params).toEqual({ count: 18, max: 17 });
  });
});

describe('canvas size', () => {
  it('flags odd and out-of-range sizes, per axis, with a valid suggestion', () => {
    const list = warnings(task([region(0)], [{ UserId: 'a', Index: 0 }], {}, { Width: 1281, Height: 2000 }));
    expect(list.map((w) => [w.id, w.params.suggestion])).toEqual([['canvasSizeInvalid:Canvas.Width', 1282], ['canvasSizeInvalid:Canvas.Height', 1920]]);
    expect(list[0]?.message).toContain('which is odd');
  });
  it('checks Encode.VideoWidth/Height outside a custom layout', () => {
    expect(ids({ TargetStreams: { StreamList: [{ UserId: 'a' }] }, Encode: { VideoWidth: 1, VideoHeight: 480 }, Layout: { LayoutMode: 0 } })).toEqual([
      'canvasSizeInvalid:Encode.VideoWidth', 'approximateLayout',
    ]);
  });
});

describe('Encode size under a custom layout', () => {
  it('is information when it differs from the Canvas', () => {
    const [w] = warnings(task([region(0)], [{ UserId: 'a', Index: 0 }], { Encode: { VideoWidth: 1920, VideoHeight: 1080 } }));
    expect([w?.id, w?.severity]).toEqual(['encodeSizeIgnored', 'info']);
    expect(w?.message).toBe('Encode.VideoWidth × VideoHeight (1920 × 1080) is ignored under a custom layout: the mix is 1280 × 720, the Canvas size.');
  });
  it('says nothing when it matches', () => {
    expect(ids(task([region(0)], [{ UserId: 'a', Index: 0 }], { Encode: { VideoWidth: 1280, VideoHeight: 720 } }))).toEqual([]);
  });
});

describe('parse issues', () => {
  it('surfaces every ignored field and maps it to its region, past dropped elements', () => {
    const raw = task(['junk', { ...region(0), Alpha: 'half' }], [{ UserId: 'a', Index: 0 }]);
    const list = warnings(raw).filter((w) => w.code === 'parseIssue');
    expect(list.map((w) => [w.id, w.regionIds])).toEqual([
      ['parseIssue:Layout.CustomLayout.Regions[0]', []],
      ['parseIssue:Layout.CustomLayout.Regions[1].Alpha', ['r0']],
    ]);
    expect(list[1]?.message).toContain('Ignored, the documented default applies.');
  });
});

describe('stream checks: what each warning carries', () => {
  it('says which stream list has no entry for an unmatched StreamIndex, with the values for translations', () => {
    const [w] = warnings(task([region(0), region(7, 0.5)], [{ UserId: 'a', Index: 0 }])).filter((x) => x.code === 'streamIndexUnmatched');
    expect(w?.message).toContain('matches no stream: no TargetStreams entry has that Index, so nothing is drawn there.');
    expect(w?.params).toEqual({ region: 'StreamIndex 7', streamIndex: 7 });
  });

  it('leaves a region without StreamIndex to missingRequired, and still finds the target it cannot show', () => {
    const raw = task([{ WidthProportion: 0.25, HeightProportion: 0.25 }], [{ UserId: 'b' }]);
    const list = warnings(raw);
    expect(list.map((w) => w.id)).toEqual(['targetWithoutRegion:targets[0]', 'missingRequired:r0']);
    expect(list[0]?.params).toEqual({ stream: '"b"', index: '' });
    expect(list[0]?.fix).toBe('Give it an Index and add a region with that StreamIndex, or remove it from TargetStreams.');
  });

  it('gives a target without a region its Index', () => {
    const [w] = warnings(task([region(0)], [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 1 }]));
    expect(w?.params).toEqual({ stream: '"b"', index: 1 });
    expect(w?.message).toBe('The target stream "b" (Index 1) has no region in the custom layout, so its picture is not in the mix; Volcengine expects regions and TargetStreams one-to-one.');
  });

  it('does not call targets without an Index duplicates of each other', () => {
    expect(ids(task([region(0)], [{ UserId: 'a', Index: 0 }, { UserId: 'b' }, { UserId: 'c' }]))).toEqual(['targetWithoutRegion:targets[1]', 'targetWithoutRegion:targets[2]']);
  });

  it('points a shared Index at the regions showing it only', () => {
    const [w] = warnings(task([region(2), region(3, 0.5)], [{ UserId: 'a', Index: 2 }, { UserId: 'b', Index: 2 }, { UserId: 'c', Index: 3 }]));
    expect([w?.id, w?.regionIds]).toEqual(['duplicateTargetIndex:Index=2', ['r0']]);
  });

  it('marks no region for task-wide limits', () => {
    const strip = Array.from({ length: 31 }, (_, i) => ({ StreamIndex: i, LocationX: i * 0.03, WidthProportion: 0.03, HeightProportion: 0.25 }));
    const list = warnings(task(strip, strip.map((r) => ({ UserId: `u${r.StreamIndex}`, Index: r.StreamIndex }))));
    expect(list.map((w) => [w.code, w.regionIds])).toEqual([['tooManyRegions', []], ['tooManyStreams', []]]);
    expect(list[1]?.message).toBe('TargetStreams lists 31 streams; Volcengine documents at most 30 in a custom layout and rejects more with InvalidParameter.');
    expect(list[1]?.fix).toBe('List at most 30 streams.');
  });
});

describe('targeted and excluded: who clashes', () => {
  it('needs the same UserId: another user\'s exclusion, or two streams without a UserId, are no clash', () => {
    expect(ids(task([region(0)], [{ UserId: 'a', Index: 0 }], { ExcludeStreams: { StreamList: [{ UserId: 'b', StreamType: 0 }] } }))).toEqual([]);
    const noUser = warnings(task([region(0)], [{ Index: 0 }], { ExcludeStreams: { StreamList: [{ StreamType: 0 }] } }));
    expect(noUser.map((w) => w.code)).not.toContain('targetedAndExcluded');
  });

  it('names a screen stream, carries the user and type, and points only at that stream\'s region', () => {
    const raw = task([region(0), region(1, 0.5)], [{ UserId: 'a', Index: 0, StreamType: 1 }, { UserId: 'b', Index: 1 }], { ExcludeStreams: { StreamList: [{ UserId: 'a', StreamType: 1 }] } });
    const [w] = warnings(raw);
    expect(w?.message).toBe('The screen stream of "a" is both in TargetStreams and in ExcludeStreams. The docs do not say which list wins, so it may be missing from the mix.');
    expect(w?.params).toEqual({ user: 'a', streamType: 1 });
    expect(w?.regionIds).toEqual(['r0']);
  });

  it('points at no region when the clashing target has no Index', () => {
    const raw = { TargetStreams: { StreamList: [{ UserId: 'a' }] }, ExcludeStreams: { StreamList: [{ UserId: 'a' }] }, Layout: { LayoutMode: 0 } };
    const w = warnings(raw).find((x) => x.code === 'targetedAndExcluded');
    expect(w?.regionIds).toEqual([]);
  });
});
