import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import example from './fixtures/doc-example-2020-12-01.json' with { type: 'json' };
import { API_VERSIONS, type ApiVersion } from './api-versions.ts';
import { layoutWarnings, SEVERITY, WARNING_CODES, type WarningCode } from './layout-warnings.ts';
import { pixelTask } from './layout-test-tasks.ts';
import { buildTaskModel } from './task-model.ts';

const docTask = example.Result.PushMixedStreamToCDNTask;

/** A 2020-12-01 region: half the canvas at the top left unless told otherwise. */
const R = (index: number, extra: Record<string, unknown> = {}) => ({
  StreamIndex: index, LocationX: 0, LocationY: 0, WidthProportion: 0.5, HeightProportion: 0.5, ...extra,
});
/** A 2020-12-01 custom layout on 1280 × 720 with one target stream per region unless targets are given. */
function custom(regions: Array<Record<string, unknown>>, targets?: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) {
  return {
    TargetStreams: { StreamList: targets ?? regions.map((r) => ({ UserId: `u${String(r.StreamIndex)}`, Index: r.StreamIndex })) },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: regions } },
    ...extra,
  };
}
const streams = (n: number) => Array.from({ length: n }, (_, i) => ({ UserId: `u${i}`, Index: i }));

/** One minimal task per warning code, with the other codes it cannot avoid raising. */
const CASES: Record<WarningCode, { task: unknown; version?: ApiVersion; also?: WarningCode[] }> = {
  offCanvasFully: { task: pixelTask([{ x: 1300, y: 0, w: 100, h: 100 }]), version: '2023-11-01', also: ['sourceStretched'] },
  offCanvasPartly: { task: pixelTask([{ x: 1200, y: 0, w: 160, h: 90 }]), version: '2023-11-01' },
  hiddenFully: { task: pixelTask([{ x: 0, y: 0, w: 320, h: 180 }, { x: 0, y: 0, w: 1280, h: 720, z: 1 }]), version: '2023-11-01' },
  hiddenPartly: { task: pixelTask([{ x: 0, y: 0, w: 400, h: 100 }, { x: 0, y: 0, w: 300, h: 100, z: 1 }]), version: '2023-11-01', also: ['sourceStretched'] },
  equalZOrderOverlap: { task: pixelTask([{ x: 0, y: 0, w: 400, h: 400 }, { x: 200, y: 200, w: 400, h: 400 }]), version: '2023-11-01', also: ['sourceStretched'] },
  alphaOutOfRange: { task: custom([R(0, { Alpha: 0 })]) },
  alphaTooLow: { task: custom([R(0, { Alpha: 0.1 })]) },
  zeroSize: { task: custom([R(0, { WidthProportion: 0 })]) },
  missingRequired: { task: custom([{ StreamIndex: 0 }]) },
  cropOutsideFrame: { task: custom([R(0, { RenderMode: 2, SourceCrop: { LocationX: 0.75, WidthProportion: 0.5 } })]), also: ['cropAspectBars'] },
  cropEmpty: { task: custom([R(0, { SourceCrop: { HeightProportion: 0 } })]) },
  cornerRadiusIgnored: { task: custom([R(0, { CornerRadius: 0.5 })]) },
  pixelsGivenAsRatio: { task: custom([R(0, { LocationX: 640 })]) },
  valueReset: { task: custom([R(0, { ZOrder: 200 })]) },
  sourceCroppedAway: { task: custom([R(0, { RenderMode: 1, SourceCrop: { WidthProportion: 0.4, HeightProportion: 0.4 } })]) },
  sourceStretched: { task: custom([R(0, { HeightProportion: 0.25 })]) },
  cropAspectCut: { task: custom([R(0, { RenderMode: 1, SourceCrop: { WidthProportion: 0.5 } })]) },
  cropAspectBars: { task: custom([R(0, { RenderMode: 2, SourceCrop: { HeightProportion: 0.5 } })]) },
  streamIndexUnmatched: { task: custom([R(0), R(5, { LocationX: 0.5 })], [{ UserId: 'a', Index: 0 }]) },
  targetWithoutRegion: { task: custom([R(0)], [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 1 }]) },
  targetedAndExcluded: { task: custom([R(0)], undefined, { ExcludeStreams: { StreamList: [{ UserId: 'u0', StreamType: 0 }] } }) },
  duplicateTargetIndex: { task: custom([R(0)], [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 0 }]) },
  duplicateStreamIndex: { task: custom([R(0), R(0, { LocationX: 0.5 })], [{ UserId: 'a', Index: 0 }]) },
  tooManyRegions: { task: custom(Array.from({ length: 31 }, (_, i) => R(i, { WidthProportion: 0.01, LocationX: i * 0.02 }))), also: ['tooManyStreams', 'sourceStretched'] },
  tooManyStreams: { task: { TargetStreams: { StreamList: streams(18) }, Layout: { LayoutMode: 0 } }, also: ['approximateLayout'] },
  targetsEmpty: { task: { Layout: { LayoutMode: 0 } }, also: ['approximateLayout'] },
  canvasSizeInvalid: { task: { ...custom([R(0)]), Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1281, Height: 720 }, Regions: [R(0)] } } } },
  encodeSizeIgnored: { task: custom([R(0)], undefined, { Encode: { VideoWidth: 1920, VideoHeight: 1080 } }) },
  approximateLayout: { task: { TargetStreams: { StreamList: streams(2) }, Layout: { LayoutMode: 1 } } },
  parseIssue: { task: custom([R(0, { Alpha: 'half' })]) },
};

const warningsOf = (task: unknown, version: ApiVersion = '2020-12-01') => layoutWarnings(buildTaskModel(task, version));

describe('layoutWarnings on the documented example', () => {
  it('finds only that its SourceCrop keeps 16 % of the frame, stretched into a wider region', () => {
    expect(warningsOf(docTask).map((w) => [w.id, w.params])).toEqual([
      ['sourceCroppedAway:r0', { region: '"user1" (StreamIndex 1)', used: expect.closeTo(0.16, 9) as number, aspect: '16:9' }],
      ['sourceStretched:r0', { region: '"user1" (StreamIndex 1)', renderMode: 0, factor: '1.25', direction: 'wide', aspect: '16:9' }],
    ]);
  });
});

describe('layoutWarnings, one crafted task per code', () => {
  it.each(WARNING_CODES.map((code) => [code]))('%s appears for its crafted task', (code) => {
    const { task, version } = CASES[code];
    const found = warningsOf(task, version).filter((w) => w.code === code);
    expect(found.length).toBeGreaterThan(0);
    expect([...new Set(warningsOf(task, version).map((w) => w.code))].sort()).toEqual([code, ...(CASES[code].also ?? [])].sort());
    for (const w of found) {
      expect(w.severity).toBe(SEVERITY[code]);
      expect(w.message.length).toBeGreaterThan(20);
      expect(w.fix.length).toBeGreaterThan(10);
    }
  });

  it('covers every code (the table above is complete)', () => {
    expect(Object.keys(CASES).sort()).toEqual([...WARNING_CODES].sort());
  });
});

describe('layoutWarnings ordering and ids', () => {
  it('sorts errors, then warnings, then info; then by draw order, task-wide first', () => {
    const task = custom(
      [R(0, { ZOrder: 5, Alpha: 0.1 }), R(1, { ZOrder: 1, LocationX: 0.75, Alpha: 0.05 }), R(2, { LocationX: 2000, ZOrder: 3 })],
      [...streams(3), { UserId: 'x', Index: 9 }],
      { Encode: { VideoWidth: 640 } },
    );
    const list = warningsOf(task).map((w) => w.id);
    expect(list).toEqual([
      'targetWithoutRegion:targets[3]',
      'offCanvasFully:r2',
      'offCanvasPartly:r1',
      'alphaTooLow:r1',
      'pixelsGivenAsRatio:r2', // 2000 > 1: read as pixels, which is what puts it off the canvas
      'alphaTooLow:r0',
      'encodeSizeIgnored',
    ]);
  });

  it('names the region by UserId and StreamIndex', () => {
    const [w] = warningsOf(custom([R(3, { Alpha: 0.1 })], [{ UserId: 'teacher', Index: 3, StreamType: 1 }]));
    expect(w?.message).toBe('The region of "teacher" (StreamIndex 3, screen) has Alpha 0.1: at 10% opacity it is barely visible.');
  });
});

const leaf = fc.oneof(fc.double(), fc.integer({ min: -5, max: 2000 }), fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null));
const region = fc.dictionary(
  fc.constantFrom('StreamIndex', 'LocationX', 'LocationY', 'WidthProportion', 'HeightProportion', 'Width', 'Height', 'ZOrder', 'Alpha', 'CornerRadius', 'RenderMode', 'MediaType'),
  leaf,
).chain((r) => fc.record({ SourceCrop: fc.dictionary(fc.constantFrom('LocationX', 'LocationY', 'WidthProportion', 'HeightProportion'), leaf) }, { requiredKeys: [] }).map((c) => ({ ...r, ...c })));
const stream = fc.record({ UserId: fc.oneof(fc.constantFrom('a', 'b', 'c'), leaf), Index: fc.oneof(fc.integer({ min: 0, max: 4 }), leaf), StreamType: fc.oneof(fc.constantFrom(0, 1), leaf) }, { requiredKeys: [] });
const taskShaped = fc.record({
  TargetStreams: fc.record({ StreamList: fc.array(stream, { maxLength: 6 }) }),
  ExcludeStreams: fc.record({ StreamList: fc.array(stream, { maxLength: 3 }) }),
  Encode: fc.dictionary(fc.constantFrom('VideoWidth', 'VideoHeight'), leaf),
  Layout: fc.record({
    LayoutMode: fc.oneof(fc.constantFrom(0, 1, 2, 2, 3), leaf),
    CustomLayout: fc.record({ Canvas: fc.dictionary(fc.constantFrom('Width', 'Height', 'Background'), leaf), Regions: fc.array(fc.oneof(region, region, leaf), { maxLength: 8 }) }, { requiredKeys: [] }),
  }, { requiredKeys: [] }),
}, { requiredKeys: [] });

describe('layoutWarnings on arbitrary input (property)', () => {
  it('never throws, gives unique ids, known codes, valid region ids and sorted severities', () => {
    fc.assert(
      fc.property(fc.oneof(taskShaped, fc.anything()), fc.constantFrom(...API_VERSIONS), (input, version) => {
        const model = buildTaskModel(input, version);
        const list = layoutWarnings(model);
        const ids = list.map((w) => w.id);
        expect(new Set(ids).size).toBe(ids.length);
        const regionIds = new Set(model.layout.regions.map((r) => r.id));
        const rank = { error: 0, warning: 1, info: 2 };
        list.forEach((w, i) => {
          expect(w.severity).toBe(SEVERITY[w.code]);
          for (const id of w.regionIds) expect(regionIds.has(id)).toBe(true);
          if (i > 0) expect(rank[w.severity]).toBeGreaterThanOrEqual(rank[list[i - 1]!.severity]);
        });
      }),
      { numRuns: 400 },
    );
  });
});
