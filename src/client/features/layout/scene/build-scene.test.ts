import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pixelLayout, type TestBox } from '../../../../shared/layout-test-tasks.ts';
import { buildScene, type SceneView } from './build-scene.ts';
import { layoutParts } from './layout-parts.ts';
import { sceneItems, type SceneItem, type SceneLabel } from './scene-types.ts';

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

  it('keeps every label whole and on the canvas, at any zoom and font, pointed at or not', () => {
    fc.assert(fc.property(boxes, scale, fontPx, fc.nat(11), (input: TestBox[], s, px, pick) => {
      const scene = buildScene(layoutParts(pixelLayout(input, CANVAS)), view({ scale: s, fontPx: px, selectedId: `r${pick}`, hoveredId: `r${(pick + 1) % 12}` }));
      const eps = 1e-6;
      for (const label of of(sceneItems(scene), 'label')) {
        expect(label.x).toBeGreaterThanOrEqual(-eps);
        expect(label.y).toBeGreaterThanOrEqual(-eps);
        expect(label.x + label.widthPx * label.k).toBeLessThanOrEqual(CANVAS.width + eps);
        expect(label.y + label.heightPx * label.k).toBeLessThanOrEqual(CANVAS.height + eps);
        // The plate holds its text.
        expect(measure(label.text) + 2 * label.padPx).toBeLessThanOrEqual(label.widthPx + eps);
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

  it('labels a region inside where it has room, not where it has none, and outside when it is picked', () => {
    const layout = pixelLayout([{ x: 0, y: 0, w: 1280, h: 600 }, { x: 10, y: 680, w: 40, h: 40 }], CANVAS);
    const parts = layoutParts(layout);
    const labels = (v: SceneView) => of(sceneItems(buildScene(parts, v)), 'label').map((l: SceneLabel) => [l.id, l.placement]);
    expect(labels(view())).toEqual([['r0', 'inside']]);
    expect(labels(view({ scale: 0.01 }))).toEqual([]);
    expect(labels(view({ selectedId: 'r1' }))).toEqual([['r0', 'inside'], ['r1', 'outside']]);
    // No room below the small region: above it.
    const [outside] = of(buildScene(parts, view({ hoveredId: 'r1' })).layers.highlight, 'label');
    expect(outside && outside.y + outside.heightPx * outside.k).toBeLessThanOrEqual(680);
  });

  it('names a picked region in full outside it when its label inside is cut short', () => {
    // 160 canvas px at half size leave 80 screen px: room for a cut label, not the whole one.
    const layout = pixelLayout([{ x: 100, y: 100, w: 160, h: 200 }], CANVAS);
    const parts = layoutParts(layout);
    const full = parts.boxes[0]?.label ?? '';
    const named = (v: SceneView) => of(sceneItems(buildScene(parts, v)), 'label').map((l: SceneLabel) => [l.placement, l.text]);
    const narrow = (s: string) => Array.from(s).length * 12;
    const inside = named(view({ measure: narrow }));
    expect(inside).toHaveLength(1);
    expect(inside[0]?.[1]).not.toBe(full);
    expect(named(view({ measure: narrow, selectedId: 'r0' }))).toContainEqual(['outside', full]);
    // Whole inside: no second label.
    expect(named(view({ selectedId: 'r0' }))).toEqual([['inside', full]]);
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
