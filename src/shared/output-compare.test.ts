import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOutput } from './output-compare.ts';
import { appliedOf, factsOf } from './output-compare-test-kit.ts';
import { buildTaskModel, type TaskModel } from './task-model.ts';
import { pixelTask, type TestBox } from './layout-test-tasks.ts';

const compare = (model: TaskModel, applied = appliedOf(model), stream = factsOf(model)) => compareOutput(model, { applied, stream, mediaMs: 4000 }).warnings;

const box = (x: number, y: number, w: number, h: number, extra: Partial<TestBox> = {}): TestBox => ({ x, y, w, h, ...extra });
const twoUp = (encode: Record<string, number> = {}, canvas = { width: 1280, height: 720 }) =>
  buildTaskModel({ ...pixelTask([box(0, 0, 640, 720), box(640, 0, 640, 720, { z: 1 })], canvas), Encode: { VideoFps: 30, VideoGop: 2, VideoBitrate: 2000, ...encode } }, '2023-11-01');

describe('compareOutput', () => {
  it('finds nothing when the output is what the task asks for', () => {
    expect(compare(twoUp())).toEqual([]);
  });

  it('says a placed user is missing from the applied layout, by name', () => {
    const model = twoUp();
    const warnings = compare(model, appliedOf(model, (s) => void (s.regions = s.regions.filter((r) => r.uid !== 'u1'))));
    expect(warnings.map((w) => [w.code, w.severity, w.regionIds])).toEqual([['appliedRegionMissing', 'error', ['r1']]]);
    expect(warnings[0]?.message).toContain('"u1" (StreamIndex 1)');
  });

  it('says Encode asks 30 fps and the stream runs at 15', () => {
    const model = twoUp();
    const warnings = compare(model, appliedOf(model), factsOf(model, { fps: 15, gopFrames: 30 }));
    expect(warnings.map((w) => w.code)).toEqual(['streamFrameRate']);
    expect(warnings[0]?.message).toMatch(/^Encode asks 30 fps, the stream runs at 15\./);
    expect(warnings[0]?.params).toMatchObject({ asked: 30, measured: '15' });
  });

  it('names the documented default when Encode does not send VideoFps', () => {
    const model = buildTaskModel(pixelTask([box(0, 0, 1280, 720)]), '2023-11-01');
    const warnings = compare(model, appliedOf(model), factsOf(model, { fps: 9 }));
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^Encode asks 15 fps \(VideoFps not sent: the documented default\), the stream runs at 9\./)]);
  });

  it('says a capped resolution once, with the SEI canvas agreeing, and compares regions on the scaled canvas', () => {
    const model = twoUp({}, { width: 1920, height: 1080 });
    const capped = appliedOf(model, (s) => {
      s.canvas = { w: 1280, h: 720 };
      s.regions = s.regions.map((r) => ({ ...r, x: Math.round(r.x * 2 / 3), y: Math.round(r.y * 2 / 3), w: Math.round(r.w * 2 / 3), h: Math.round(r.h * 2 / 3) }));
    });
    const warnings = compare(model, capped, factsOf(model, { width: 1280, height: 720 }));
    expect(warnings.map((w) => w.code)).toEqual(['streamResolution']);
    expect(warnings[0]?.message).toContain('asks for a 1920 × 1080 output (Layout.CustomLayout.Canvas); the stream is 1280 × 720, and the layout SEI\'s canvas says the same');
  });

  it('says the applied canvas differs when the stream is the declared size but the SEI canvas is not', () => {
    const model = twoUp();
    const warnings = compare(model, appliedOf(model, (s) => void (s.canvas = { w: 1920, h: 1080 })));
    expect(warnings.map((w) => w.code)).toContain('appliedCanvasDiffers');
  });

  it('compares ZOrder, Alpha and RenderMode, and names a region the task does not place', () => {
    const model = twoUp();
    const applied = appliedOf(model, (s) => {
      const first = s.regions[0]!;
      s.regions[0] = { ...first, zorder: 5, alpha: 0.5, renderMode: 2 };
      s.regions.push({ uid: 'intruder', x: 0, y: 0, w: 10, h: 10, zorder: 9, alpha: 1, renderMode: 0 });
    });
    // Warnings of the same severity: the task-wide ones first, then by the region's draw order.
    expect(compare(model, applied).map((w) => w.id)).toEqual([
      'appliedRegionExtra:intruder', 'appliedRegionZOrder:r0', 'appliedRegionAlpha:r0', 'appliedRegionRenderMode:r0',
    ]);
  });

  it('reads SEI values all within 0 to 1 as ratios, says so, and compares them as such', () => {
    const model = twoUp();
    const applied = appliedOf(model, (s) => void (s.regions = s.regions.map((r) => ({ ...r, x: r.x / 1280, y: r.y / 720, w: r.w / 1280, h: r.h / 720 }))));
    expect(applied.units).toBe('ratios');
    expect(compare(model, applied).map((w) => [w.code, w.severity])).toEqual([['appliedUnitsRatios', 'info']]);
  });

  it('says who is heard but not seen, and who is heard but not targeted', () => {
    const model = twoUp();
    const applied = appliedOf(model, (s) => void (s.infos = [{ uid: 'u0', talk: true }, { uid: 'guest', talk: true, volume: 40 }, { uid: 'quiet', talk: false }]));
    expect(compare(model, applied).map((w) => w.id)).toEqual(['speakerNotShown:guest', 'speakerNotDeclared:quiet']);
  });

  it('compares keyframe interval and bitrate, and leaves an adaptive bitrate alone', () => {
    const model = twoUp();
    expect(compare(model, appliedOf(model), factsOf(model, { gopSeconds: 4, gopFrames: 120, videoBitrateKbps: 300 })).map((w) => w.code)).toEqual(['streamGop', 'streamBitrate']);
    const adaptive = twoUp({ VideoBitrate: 0 });
    expect(compare(adaptive, appliedOf(adaptive), factsOf(adaptive, { videoBitrateKbps: 300 }))).toEqual([]);
  });

  it('does not compare the rectangles of a template layout, and says why', () => {
    const model = buildTaskModel({ Layout: { LayoutMode: 0 }, TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 1 }] } }, '2020-12-01');
    const applied = appliedOf(model, (s) => void (s.regions = s.regions.map((r) => ({ ...r, x: r.x + 50 }))));
    expect(compare(model, applied).map((w) => w.code)).toEqual(['declaredApproximate']);
  });
});

/** A pixel-model custom layout with one user per region and an Encode, valid by the docs. */
const layoutTask = fc.integer({ min: 1, max: 8 }).chain((n) => fc.record({
  canvas: fc.record({ width: fc.integer({ min: 80, max: 960 }).map((v) => v * 2), height: fc.integer({ min: 80, max: 960 }).map((v) => v * 2) }),
  // Sizes from 2 px: a layout whose every value is 0 or 1 reads as ratios, the SEI cannot tell.
  boxes: fc.array(fc.record({
    x: fc.nat(1900), y: fc.nat(1900), w: fc.integer({ min: 2, max: 1920 }), h: fc.integer({ min: 2, max: 1920 }),
    z: fc.nat(3), alpha: fc.constantFrom(1, 0.8, 0.5),
  }), { minLength: n, maxLength: n }),
  encode: fc.record({ VideoFps: fc.integer({ min: 1, max: 60 }), VideoGop: fc.integer({ min: 1, max: 5 }), VideoBitrate: fc.integer({ min: 0, max: 10_000 }) }, { requiredKeys: [] }),
})).map(({ canvas, boxes, encode }) => buildTaskModel({ ...pixelTask(boxes, canvas), Encode: encode }, '2023-11-01'));

describe('compareOutput (properties)', () => {
  it('finds no difference between a layout and itself as its own SEI', () => {
    fc.assert(fc.property(layoutTask, (model) => {
      expect(compare(model)).toEqual([]);
    }));
  });

  it('moving one region by more than the tolerance gives exactly one rectangle warning, naming it', () => {
    const moved = layoutTask.chain((model) => fc.record({
      model: fc.constant(model),
      k: fc.nat(model.layout.regions.length - 1),
      field: fc.constantFrom('x', 'y', 'w', 'h'),
      by: fc.integer({ min: 3, max: 300 }).chain((d) => fc.constantFrom(d, -d)),
    }));
    const rectKey = { x: 'x', y: 'y', w: 'width', h: 'height' } as const;
    fc.assert(fc.property(moved, ({ model, k, field, by }) => {
      const region = model.layout.regions[k]!;
      const declared = region.rect[rectKey[field]];
      // A size cannot go below 0; such a move may end within the tolerance, and is not this case.
      const target = field === 'w' || field === 'h' ? Math.max(0, declared + by) : declared + by;
      fc.pre(Math.abs(target - declared) > 2);
      const applied = appliedOf(model, (s) => void (s.regions[k] = { ...s.regions[k]!, [field]: target }));
      const warnings = compare(model, applied);
      expect(warnings.map((w) => w.id)).toEqual([`appliedRegionRect:${region.id}`]);
      expect(warnings[0]?.message).toContain(`"${region.stream?.userId ?? '?'}"`);
    }));
  });

  it('removing one region gives exactly one missing warning, naming it', () => {
    const removed = layoutTask.chain((model) => fc.record({ model: fc.constant(model), k: fc.nat(model.layout.regions.length - 1) }));
    fc.assert(fc.property(removed, ({ model, k }) => {
      const region = model.layout.regions[k]!;
      const warnings = compare(model, appliedOf(model, (s) => void s.regions.splice(k, 1)));
      expect(warnings.map((w) => w.id)).toEqual([`appliedRegionMissing:${region.id}`]);
      expect(warnings[0]?.message).toContain(`"${region.stream?.userId ?? '?'}"`);
    }));
  });
});
