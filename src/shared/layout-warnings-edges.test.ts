import { describe, expect, it } from 'vitest';
import { layoutWarnings, type WarningCode } from './layout-warnings.ts';
import { pixelModel, type TestBox } from './layout-test-tasks.ts';
import { buildTaskModel } from './task-model.ts';

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
