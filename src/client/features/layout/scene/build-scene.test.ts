import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pixelLayout, type TestBox } from '../../../../shared/layout-test-tasks.ts';
import { buildScene, type SceneView } from './build-scene.ts';
import { layoutParts } from './layout-parts.ts';
import { sceneItems, type SceneItem } from './scene-types.ts';

const CANVAS = { width: 1280, height: 720 };
const measure = (s: string) => Array.from(s).length * 7;
const view = (over: Partial<SceneView> = {}): SceneView => ({ scale: 0.5, fontPx: 12, measure, ...over });
const of = <K extends SceneItem['kind']>(items: readonly SceneItem[], kind: K) => items.filter((i): i is Extract<SceneItem, { kind: K }> => i.kind === kind);

const box = fc.record({
  x: fc.integer({ min: -300, max: 1400 }), y: fc.integer({ min: -300, max: 800 }),
  w: fc.integer({ min: 0, max: 1400 }), h: fc.integer({ min: 0, max: 800 }),
  z: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  alpha: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  mediaType: fc.option(fc.constantFrom(0, 1, 2), { nil: undefined }),
});
const boxes = fc.array(box, { maxLength: 12 });
const scale = fc.double({ min: 0.05, max: 8, noNaN: true });
const fontPx = fc.constantFrom(12, 18);

describe('buildScene: one picture of a layout', () => {
  it('has every region with an area once, in ZOrder then Regions[] order, and none of the hidden ones anywhere', () => {
    fc.assert(fc.property(boxes, scale, fc.array(fc.nat(11)), fc.option(fc.nat(11)), (input: TestBox[], s, hide, pick) => {
      const layout = pixelLayout(input, CANVAS);
      const hidden = new Set(hide.map((i) => `r${i}`));
      const picked = pick === null ? undefined : `r${pick}`;
      const scene = buildScene(layoutParts(layout), view({ scale: s, hidden, selectedId: picked, hoveredId: picked }));
      const expected = [...layout.regions]
        .sort((a, b) => a.zOrder.value - b.zOrder.value || a.arrayIndex - b.arrayIndex)
        .filter((r) => !hidden.has(r.id) && r.rect.width > 0 && r.rect.height > 0)
        .map((r) => r.id);
      expect(of(scene.layers.regions, 'box').map((b) => b.id)).toEqual(expected);
      for (const item of sceneItems(scene)) if ('id' in item) expect(hidden.has(item.id)).toBe(false);
    }));
  });

  it('draws each label once, whole and on the stage, at any zoom, font and pan', () => {
    const stageArb = fc.record({ x: fc.integer({ min: -600, max: 600 }), y: fc.integer({ min: -400, max: 400 }), width: fc.integer({ min: 200, max: 2000 }), height: fc.integer({ min: 100, max: 1200 }) });
    fc.assert(fc.property(boxes, scale, fontPx, fc.option(stageArb, { nil: undefined }), (input: TestBox[], s, px, stage) => {
      const parts = layoutParts(pixelLayout(input, CANVAS));
      const scene = buildScene(parts, view({ scale: s, fontPx: px, stage }));
      const on = stage ?? { x: 0, y: 0, ...CANVAS };
      const eps = 1e-6;
      const labels = of(sceneItems(scene), 'label');
      expect(new Set(labels.map((l) => l.id)).size).toBe(labels.length);
      for (const label of labels) {
        expect(label.x).toBeGreaterThanOrEqual(on.x - eps);
        expect(label.y).toBeGreaterThanOrEqual(on.y - eps);
        expect(label.x + label.widthPx * label.k).toBeLessThanOrEqual(on.x + on.width + eps);
        expect(label.y + label.heightPx * label.k).toBeLessThanOrEqual(on.y + on.height + eps);
        // The plate holds its text, and the text is the whole label unless the stage is narrower.
        expect(measure(label.text) + 2 * label.padPx).toBeLessThanOrEqual(label.widthPx + eps);
        const full = parts.boxes.find((b) => b.id === label.id)?.label ?? '';
        if ((measure(full) + 2 * label.padPx) * label.k <= on.width) expect(label.text).toBe(full);
      }
    }));
  });

  it('draws the background first, then the regions with their opacity, then the edge outside the canvas and the off-canvas part dashed', () => {
    const layout = pixelLayout([{ x: 128, y: 144, w: 256, h: 216, alpha: 0.5 }, { x: 1200, y: 0, w: 200, h: 100 }], CANVAS);
    const parts = layoutParts(layout);
    const scene = buildScene(parts, view());
    expect(scene.layers.background).toEqual([{ kind: 'background', rect: { x: 0, y: 0, ...CANVAS }, fill: parts.background.colour }]);
    expect(of(scene.layers.regions, 'box')[0]).toMatchObject({ rect: { x: 128, y: 144, width: 256, height: 216 }, opacity: 0.5, fill: parts.boxes[0]?.colour });
    expect(of(scene.layers.overlays, 'edge')).toEqual([{ kind: 'edge', rect: { x: -1, y: -1, width: 1282, height: 722 }, stroke: '#64748b', widthPx: 1, k: 2 }]);
    const dashed = of(scene.layers.overlays, 'outline').filter((o) => o.dashPx);
    expect(dashed).toEqual([expect.objectContaining({ id: 'r1', role: 'offCanvas', stroke: parts.boxes[1]?.colour, dashPx: [6, 4] })]);
  });

  it('labels a region inside where it has room, and beside it where it has none', () => {
    const layout = pixelLayout([{ x: 0, y: 0, w: 1280, h: 600 }, { x: 10, y: 680, w: 40, h: 40 }], CANVAS);
    const parts = layoutParts(layout);
    const labels = (v: SceneView) => of(sceneItems(buildScene(parts, v)), 'label');
    expect(labels(view()).map((l) => [l.id, l.placement, l.text])).toEqual([
      ['r0', 'inside', parts.boxes[0]?.label],
      ['r1', 'outside', parts.boxes[1]?.label],
    ]);
    // No room below the small region: above it, clear of the big one's label.
    const [big, small] = labels(view());
    expect(small && small.y + small.heightPx * small.k).toBeLessThanOrEqual(680);
    expect(big && small && (big.y + big.heightPx * big.k <= small.y || small.y + small.heightPx * small.k <= big.y)).toBe(true);
  });

  it('keeps a label off the part of its region that another covers, and whole when the region is narrow', () => {
    // Region r1 is opaque over r0's top-left corner: r0's label goes to a corner r1 leaves free.
    const layout = pixelLayout([{ x: 100, y: 100, w: 600, h: 400 }, { x: 80, y: 80, w: 300, h: 150, z: 1 }], CANVAS);
    const parts = layoutParts(layout);
    const labels = of(sceneItems(buildScene(parts, view())), 'label');
    const r0 = labels.find((l) => l.id === 'r0');
    expect(r0?.placement).toBe('inside');
    expect(r0 && r0.x + r0.widthPx * r0.k <= 80 || (r0?.x ?? 0) >= 380 || (r0?.y ?? 0) >= 230).toBe(true);
    // 160 canvas px at half size leave 80 screen px: the whole label goes outside, not a cut one inside.
    const narrow = layoutParts(pixelLayout([{ x: 100, y: 100, w: 160, h: 200 }], CANVAS));
    const wide = (s: string) => Array.from(s).length * 12;
    expect(of(sceneItems(buildScene(narrow, view({ measure: wide }))), 'label').map((l) => [l.placement, l.text])).toEqual([['outside', narrow.boxes[0]?.label]]);
  });

  it('names the region pointed at or picked over everything when the overlays had no room for its label', () => {
    // Two small regions side by side in a view of the canvas's corner one label high: room for one label only.
    const layout = pixelLayout([{ x: 1200, y: 660, w: 40, h: 60 }, { x: 1240, y: 660, w: 40, h: 60 }], { width: 1280, height: 720 });
    const parts = layoutParts(layout);
    const stage = { x: 1180, y: 690, width: 100, height: 30 };
    const wide = (t: string) => Array.from(t).length * 12;
    const scene = (v: Partial<SceneView>) => buildScene(parts, view({ scale: 1, measure: wide, stage, ...v }));
    const named = of(scene({}).layers.overlays, 'label').map((l) => l.id);
    expect(named).toHaveLength(1);
    const missing = named[0] === 'r0' ? 'r1' : 'r0';
    expect(of(scene({}).layers.highlight, 'label')).toEqual([]);
    expect(of(scene({ hoveredId: missing }).layers.highlight, 'label').map((l) => [l.id, l.text])).toEqual([[missing, parts.boxes.find((b) => b.id === missing)?.label]]);
    expect(of(scene({ hoveredId: named[0] }).layers.highlight, 'label')).toEqual([]);
  });

  it('draws alignment guides for the picked region, else the one pointed at, with the shown regions only', () => {
    const layout = pixelLayout([{ x: 100, y: 100, w: 200, h: 100 }, { x: 100, y: 400, w: 200, h: 100 }, { x: 900, y: 330, w: 100, h: 60 }], CANVAS);
    const parts = layoutParts(layout);
    const guides = (v: Partial<SceneView>) => of(buildScene(parts, view({ spacing: true, ...v })).layers.highlight, 'guide').map((g) => [g.id, g.axis, g.at, g.from, g.to]);
    // Left edges, centres and right edges of r0 and r1 line up.
    expect(guides({ selectedId: 'r0' })).toEqual([['r0', 'x', 100, 100, 500], ['r0', 'x', 200, 100, 500], ['r0', 'x', 300, 100, 500]]);
    expect(guides({ hoveredId: 'r1' })).toEqual([['r1', 'x', 100, 100, 500], ['r1', 'x', 200, 100, 500], ['r1', 'x', 300, 100, 500]]);
    // r2's centre is on the canvas's middle line.
    expect(guides({ selectedId: 'r2', hoveredId: 'r0' })).toEqual([['r2', 'y', 360, 0, 1280]]);
    expect(guides({ selectedId: 'r0', hidden: new Set(['r1']) })).toEqual([]);
    expect(guides({ selectedId: 'r0', spacing: false })).toEqual([]);
  });

  it('puts a loaded image over its region and the background image over the colour', () => {
    const layout = pixelLayout([{ x: 0, y: 0, w: 640, h: 360 }], CANVAS);
    const image = { src: 'https://example.com/a.png' } as HTMLImageElement;
    const placed = { dest: { x: 0, y: 0, width: 640, height: 360 }, crop: { x: 0, y: 0, width: 10, height: 10 }, image };
    const scene = buildScene(layoutParts(layout), view({ backgroundImage: image, images: new Map([['r0', placed]]) }));
    expect(scene.layers.background.map((i) => i.kind)).toEqual(['background', 'backgroundImage']);
    expect(scene.layers.regions.map((i) => i.kind)).toEqual(['box', 'image']);
  });
});
