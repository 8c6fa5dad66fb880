import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pixelTask } from '../../../../shared/layout-test-tasks.ts';
import { appliedOf, factsOf } from '../../../../shared/output-compare-test-kit.ts';
import { buildTaskModel } from '../../../../shared/task-model.ts';
import { appliedBoxes } from './applied-boxes.ts';
import { buildScene, videoOverlayScene, type SceneView } from './build-scene.ts';
import { layoutParts } from './layout-parts.ts';
import { sceneItems, type SceneItem } from './scene-types.ts';

const measure = (s: string) => Array.from(s).length * 7;
const view = (over: Partial<SceneView> = {}): SceneView => ({ scale: 0.5, fontPx: 12, measure, ...over });
const of = <K extends SceneItem['kind']>(items: readonly SceneItem[], kind: K) => items.filter((i): i is Extract<SceneItem, { kind: K }> => i.kind === kind);
const name = (user: string | null) => `applied ${user ?? '?'}`;

const model = buildTaskModel(pixelTask([{ x: 0, y: 0, w: 960, h: 1080 }, { x: 960, y: 0, w: 960, h: 1080 }], { width: 1920, height: 1080 }), '2023-11-01');
const declared = { width: 1920, height: 1080 };

describe('the applied layout in the one scene', () => {
  it('places applied regions on the declared canvas, whatever canvas or units the mixer used', () => {
    fc.assert(fc.property(fc.constantFrom(1, 2 / 3, 0.5), fc.boolean(), (scale, ratios) => {
      // The mixer capped the canvas and may write ratios: the boxes land where the declared ones are.
      const canvas = { w: Math.round(1920 * scale), h: Math.round(1080 * scale) };
      const applied = appliedOf(model, (s) => {
        s.canvas = canvas;
        s.regions = s.regions.map((r) => (ratios
          ? { ...r, x: r.x / 1920, y: r.y / 1080, w: r.w / 1920, h: r.h / 1080 }
          : { ...r, x: r.x * scale, y: r.y * scale, w: r.w * scale, h: r.h * scale }));
      });
      const boxes = appliedBoxes({ applied, stream: factsOf(model, { width: canvas.w, height: canvas.h }) }, declared, name);
      expect(boxes.map((b) => b.label)).toEqual(model.layout.regions.map((r) => `applied ${r.stream?.userId ?? '?'}`));
      boxes.forEach((b, i) => {
        const want = model.layout.regions[i]!.rect;
        for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(b.rect[k] - want[k])).toBeLessThanOrEqual(2);
      });
    }));
  });

  it('draws the applied regions only when asked, as dashed outlines with their names, over the declared picture', () => {
    const applied = appliedBoxes({ applied: appliedOf(model, (s) => void (s.regions = [s.regions[0]!])), stream: factsOf(model) }, declared, name);
    const parts = layoutParts(model.layout);
    expect(of(sceneItems(buildScene(parts, view())), 'outline').filter((o) => o.role === 'applied')).toEqual([]);
    const scene = buildScene(parts, view({ applied }));
    const outlines = of(scene.layers.overlays, 'outline').filter((o) => o.role === 'applied');
    expect(outlines.map((o) => [o.id, o.rect, o.dashPx !== undefined])).toEqual([['applied:0', applied[0]!.rect, false], ['applied:0', applied[0]!.rect, true]]);
    expect(of(scene.layers.overlays, 'label').map((l) => l.text)).toContain(applied[0]!.label);
    // The fills stay the declared layout's.
    expect(of(scene.layers.regions, 'box').map((b) => b.id)).toEqual(['r0', 'r1']);
  });

  it('puts over the video outlines of the declared regions, never a fill, with labels and applied regions as toggled', () => {
    const parts = layoutParts(model.layout);
    const applied = appliedBoxes({ applied: appliedOf(model), stream: factsOf(model) }, declared, name);
    const kinds = (labels: boolean, withApplied: boolean) => {
      const scene = videoOverlayScene(parts, { ...view(), labels, applied: withApplied ? applied : undefined });
      expect(scene.layers.regions).toEqual([]);
      expect(scene.layers.background).toEqual([]);
      const items = sceneItems(scene);
      return { declared: of(items, 'outline').filter((o) => o.role === 'declared').length, applied: of(items, 'outline').filter((o) => o.role === 'applied').length, labels: of(items, 'label').length };
    };
    expect(kinds(false, false)).toEqual({ declared: 4, applied: 0, labels: 0 });
    expect(kinds(true, false)).toEqual({ declared: 4, applied: 0, labels: 2 });
    expect(kinds(true, true)).toEqual({ declared: 4, applied: 4, labels: 4 });
  });
});
