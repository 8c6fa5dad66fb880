import { describe, expect, it } from 'vitest';
import { layoutWarnings as allWarnings, type WarningCode } from './layout-warnings.ts';
import { apartFromSource, pixelModel, type TestBox } from './layout-test-tasks.ts';
import { buildTaskModel } from './task-model.ts';

/** These tests are about other checks: the source-frame findings of their arbitrary shapes are left out. */
const layoutWarnings = (...args: Parameters<typeof allWarnings>) => apartFromSource(allWarnings(...args));

/** Overlap and canvas warnings at their edges: float sums, partial shares, defaults named or not. */

const only = (boxes: TestBox[], code: WarningCode) => layoutWarnings(pixelModel(boxes)).filter((w) => w.code === code);
const warnings = (raw: unknown) => layoutWarnings(buildTaskModel(raw, '2020-12-01'));
const region = { StreamIndex: 0, WidthProportion: 0.5, HeightProportion: 0.5 };
const targets = { StreamList: [{ UserId: 'a', Index: 0 }] };

describe('hidden regions', () => {
  it('calls a region hidden completely when fractional covers leave only float dust (0.3 + 0.65 is not 0.95)', () => {
    const boxes = [{ x: 0, y: 0, w: 0.3 + 0.65, h: 100 }, { x: 0, y: 0, w: 0.3, h: 100, z: 1 }, { x: 0.3, y: 0, w: 0.65, h: 100, z: 2 }];
    expect(only(boxes, 'hiddenFully').map((w) => w.regionIds)).toEqual([['r0', 'r1', 'r2']]);
    expect(only(boxes, 'hiddenPartly')).toEqual([]);
  });

  it('speaks of the on-canvas part when the region sticks out of the canvas', () => {
    const [w] = only([{ x: -100, y: 0, w: 400, h: 100 }, { x: 0, y: 0, w: 240, h: 100, z: 1 }], 'hiddenPartly');
    expect(w?.message).toBe('80% of the on-canvas part of the region of "u0" (StreamIndex 0) is hidden behind opaque regions drawn above it ("u1" (StreamIndex 1)); 20% still shows.');
    expect(w?.params).toMatchObject({ visible: 0.2 });
  });

  it('ignores an off-canvas region and one no region covers', () => {
    expect(only([{ x: 2000, y: 0, w: 100, h: 100 }, { x: 0, y: 0, w: 1280, h: 720, z: 1 }], 'hiddenFully')).toEqual([]);
    expect(only([{ x: 0, y: 0, w: 100, h: 100 }, { x: 200, y: 0, w: 100, h: 100, z: 1 }], 'hiddenPartly')).toEqual([]);
  });
});

describe('equal ZOrder', () => {
  it('says "(the default)" only when neither region sent a ZOrder', () => {
    const defaulted = only([{ x: 0, y: 0, w: 400, h: 400 }, { x: 200, y: 200, w: 400, h: 400 }], 'equalZOrderOverlap');
    expect(defaulted[0]?.message).toContain('both have ZOrder 0 (the default).');
    const sentOnce = only([{ x: 0, y: 0, w: 400, h: 400, z: 0 }, { x: 200, y: 200, w: 400, h: 400 }], 'equalZOrderOverlap');
    expect(sentOnce[0]?.message).toContain('both have ZOrder 0. Which');
  });

  it('skips regions with no area', () => {
    expect(only([{ x: 0, y: 0, w: 400, h: 0 }, { x: 0, y: 0, w: 400, h: 400 }], 'equalZOrderOverlap')).toEqual([]);
  });
});

describe('canvas size', () => {
  it('suggests 2 for a size below 2, and says why', () => {
    const [w] = warnings({ TargetStreams: targets, Encode: { VideoWidth: 1, VideoHeight: 480 }, Layout: { LayoutMode: 0 } });
    expect(w?.params).toMatchObject({ field: 'Encode.VideoWidth', value: 1, default: 640, suggestion: 2 });
    expect(w?.message).toContain('which is below 2');
    expect(w?.fix).toBe('Set Encode.VideoWidth to an even number between 2 and 1920, e.g. 2.');
  });

  it('names the default height and what is drawn for an invalid Canvas.Height', () => {
    const [w] = warnings({ TargetStreams: targets, Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 0.5 }, Regions: [region] } } });
    expect(w?.params).toMatchObject({ field: 'Canvas.Height', default: 480, drawn: 480, suggestion: 2 });
    expect(w?.message).toContain('the default 480, so the mix may not have the size drawn here (480 px)');
  });
});

describe('Encode size under a custom layout', () => {
  it('speaks up when only one side differs, and names a defaulted Canvas', () => {
    const [w] = warnings({ TargetStreams: targets, Encode: { VideoHeight: 1080 }, Layout: { LayoutMode: 2, CustomLayout: { Regions: [region] } } });
    expect(w?.id).toBe('encodeSizeIgnored');
    expect(w?.message).toBe('Encode.VideoWidth × VideoHeight ((unset) × 1080) is ignored under a custom layout: the mix is 640 × 480, the Canvas size (Canvas default).');
  });
});

describe('template layouts', () => {
  it('says when the layout mode is the default one', () => {
    const [w] = warnings({ TargetStreams: targets });
    expect(w?.message).toContain('LayoutMode 0 (');
    expect(w?.message).toContain(', the default)');
    expect(w?.params).toMatchObject({ mode: 0, streams: 1 });
  });
});

describe('what overlap warnings carry', () => {
  it('gives the hidden and the visible share for translations', () => {
    const [w] = only([{ x: 0, y: 0, w: 400, h: 100 }, { x: 0, y: 0, w: 300, h: 100, z: 1 }], 'hiddenPartly');
    expect(w?.params).toEqual({ region: '"u0" (StreamIndex 0)', above: '"u1" (StreamIndex 1)', visible: 0.25, hidden: 0.75 });
  });

  it('points an equal-ZOrder warning at both regions and names them', () => {
    const [w] = only([{ x: 0, y: 0, w: 400, h: 400, z: 2 }, { x: 200, y: 200, w: 400, h: 400, z: 2 }], 'equalZOrderOverlap');
    expect(w?.regionIds).toEqual(['r0', 'r1']);
    expect(w?.params).toEqual({ region: '"u0" (StreamIndex 0)', other: '"u1" (StreamIndex 1)', zOrder: 2 });
  });

  it('says nothing about overlaps in a template layout, which is only mixscope\'s guess', () => {
    // Vertical template on a narrow canvas: the strip of four small pictures covers the main one.
    const streams = Array.from({ length: 5 }, (_, i) => ({ UserId: `u${i}`, Index: i }));
    const list = warnings({ TargetStreams: { StreamList: streams }, Encode: { VideoWidth: 200, VideoHeight: 480 }, Layout: { LayoutMode: 1 } });
    expect(list.map((w) => w.id)).toEqual(['approximateLayout']);
  });
});

describe('canvas warnings: what they carry', () => {
  const customCanvas = (canvas: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ({ TargetStreams: targets, Layout: { LayoutMode: 2, CustomLayout: { Canvas: canvas, Regions: [region] } }, ...extra });

  it('names what is drawn for an invalid Width and why a size above 1920 is invalid', () => {
    const list = warnings(customCanvas({ Width: 1281, Height: 2000 }));
    expect(list[0]?.params).toMatchObject({ field: 'Canvas.Width', value: 1281, default: 640, drawn: 1281 });
    expect(list[1]?.message).toContain('2000, which is above 1920');
  });

  it('does not compare Encode with the canvas outside a custom layout', () => {
    expect(warnings({ TargetStreams: targets, Encode: { VideoWidth: 0.5 }, Layout: { LayoutMode: 0 } }).map((w) => w.id)).toEqual(['canvasSizeInvalid:Encode.VideoWidth', 'approximateLayout']);
  });

  it('carries both sizes, and calls the Canvas default when either side is defaulted', () => {
    const [w] = warnings(customCanvas({ Width: 1280 }, { Encode: { VideoWidth: 1920 } }));
    expect(w?.params).toEqual({ encode: '1920 × (unset)', canvas: '1280 × 480' });
    expect(w?.message).toBe('Encode.VideoWidth × VideoHeight (1920 × (unset)) is ignored under a custom layout: the mix is 1280 × 480, the Canvas size (Canvas default).');
  });

  it('names a layout mode that was sent without calling it the default', () => {
    const [w] = warnings({ TargetStreams: targets, Layout: { LayoutMode: 3 } });
    expect(w?.message).toMatch(/^LayoutMode 3 \([^,)]+\) is laid out by Volcengine's own templates/);
  });
});

describe('parse issues: which region they belong to', () => {
  const regionsTask = (regions: unknown[]) => ({
    TargetStreams: { StreamList: Array.from({ length: 13 }, (_, i) => ({ UserId: `u${i}`, Index: i })) },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: regions } },
  });
  const strip = (i: number) => ({ StreamIndex: i, LocationX: i * 0.07, WidthProportion: 0.07, HeightProportion: 0.25 });
  const issues = (regions: unknown[]) => warnings(regionsTask(regions)).filter((w) => w.code === 'parseIssue').map((w) => [w.id, w.regionIds]);

  it('maps field issues to their own region when nothing was dropped, and only earlier drops shift the id', () => {
    const list = warnings(regionsTask([{ ...strip(0), Alpha: 'x' }, 'junk', { ...strip(2), Alpha: 'y' }])).filter((w) => w.code === 'parseIssue');
    expect(list.map((w) => [w.id, w.regionIds])).toEqual([
      ['parseIssue:Layout.CustomLayout.Regions[1]', []],
      ['parseIssue:Layout.CustomLayout.Regions[0].Alpha', ['r0']],
      ['parseIssue:Layout.CustomLayout.Regions[2].Alpha', ['r1']],
    ]);
    expect(issues([{ ...strip(0), Alpha: 'x' }, { ...strip(1), Alpha: 'y' }]).map(([, ids]) => ids)).toEqual([['r0'], ['r1']]);
  });

  it('reads region numbers of more than one digit', () => {
    const regions = Array.from({ length: 13 }, (_, i) => (i === 12 ? { ...strip(i), Alpha: 'x' } : strip(i)));
    expect(issues(regions).map(([, ids]) => ids)).toEqual([['r12']]);
  });

  it('carries the path, the detail and what was expected and got', () => {
    const [w] = warnings(regionsTask([{ ...strip(0), Alpha: 'half' }])).filter((x) => x.code === 'parseIssue');
    expect(Object.keys(w?.params ?? {}).sort()).toEqual(['detail', 'expected', 'got', 'path']);
    expect(w?.params['path']).toBe('Layout.CustomLayout.Regions[0].Alpha');
  });
});

describe('severity and order', () => {
  it('calls a hidden or rejected layout an error, and a partly hidden or ambiguous one a warning', () => {
    const severity = (boxes: TestBox[], code: WarningCode) => only(boxes, code)[0]?.severity;
    expect(severity([{ x: 0, y: 0, w: 320, h: 180 }, { x: 0, y: 0, w: 1280, h: 720, z: 1 }], 'hiddenFully')).toBe('error');
    expect(severity([{ x: 0, y: 0, w: 400, h: 100 }, { x: 0, y: 0, w: 300, h: 100, z: 1 }], 'hiddenPartly')).toBe('warning');
    expect(severity([{ x: 0, y: 0, w: 400, h: 400 }, { x: 200, y: 200, w: 400, h: 400 }], 'equalZOrderOverlap')).toBe('warning');
    expect(severity([{ x: 0, y: 0, w: 100, h: 100, index: 0 }, { x: 200, y: 0, w: 100, h: 100, index: 0 }], 'duplicateStreamIndex')).toBe('error');
    const strip = Array.from({ length: 31 }, (_, i) => ({ StreamIndex: i, LocationX: i * 0.03, WidthProportion: 0.03, HeightProportion: 0.25 }));
    const many = warnings({ TargetStreams: { StreamList: strip.map((r) => ({ UserId: `u${r.StreamIndex}`, Index: r.StreamIndex })) }, Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: strip } } });
    expect(many.map((w) => [w.code, w.severity])).toEqual([['tooManyRegions', 'error'], ['tooManyStreams', 'error']]);
  });

  it('orders warnings of one region and one severity by the list of codes, not by which check found them', () => {
    const list = layoutWarnings(pixelModel([{ x: 0, y: 0, w: 400, h: 100, alpha: 0.1 }, { x: 0, y: 0, w: 300, h: 100, z: 1 }]));
    expect(list.map((w) => w.id)).toEqual(['hiddenPartly:r0', 'alphaTooLow:r0']);
  });
});
