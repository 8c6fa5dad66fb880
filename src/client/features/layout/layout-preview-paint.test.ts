import { describe, expect, it } from 'vitest';
import { pixelLayout } from '../../../shared/layout-test-tasks.ts';
import { layoutColours, toDrawBoxes } from './draw-boxes.ts';
import { paintLayoutPreview, type PaintContext } from './layout-preview-paint.ts';

/** A context that records what is filled and stroked, with the style in force at the time. */
function recorder() {
  const ops: { op: string; args: number[]; fill: string; stroke: string; alpha: number; dash: number[] }[] = [];
  let path: number[] = [];
  let dash: number[] = [];
  const ctx: PaintContext & { ops: typeof ops } = {
    ops,
    fillStyle: '', strokeStyle: '', lineWidth: 1, globalAlpha: 1, font: '', textBaseline: 'alphabetic',
    save() {}, restore() {}, setTransform() {}, clip() {},
    beginPath() { path = []; },
    rect(x, y, w, h) { path = [x, y, w, h]; },
    roundRect(x, y, w, h, r) { path = [x, y, w, h, Number(r)]; },
    fill() { ops.push({ op: 'fill', args: path, fill: String(this.fillStyle), stroke: '', alpha: this.globalAlpha, dash }); },
    stroke() { ops.push({ op: 'stroke', args: path, fill: '', stroke: String(this.strokeStyle), alpha: this.globalAlpha, dash }); },
    fillRect(x, y, w, h) { ops.push({ op: 'fillRect', args: [x, y, w, h], fill: String(this.fillStyle), stroke: '', alpha: this.globalAlpha, dash }); },
    fillText(text) { ops.push({ op: `text:${text}`, args: [], fill: String(this.fillStyle), stroke: '', alpha: 1, dash }); },
    setLineDash(d) { dash = [...d]; },
    // About what Chromium measures for "M" at the label font.
    measureText: () => ({ fontBoundingBoxAscent: 11, fontBoundingBoxDescent: 3, actualBoundingBoxAscent: 9, actualBoundingBoxDescent: 0 }),
  };
  return ctx;
}

describe('paintLayoutPreview', () => {
  const layout = pixelLayout([{ x: 128, y: 144, w: 256, h: 216, alpha: 0.5 }, { x: 1200, y: 0, w: 200, h: 100 }]);
  const boxes = toDrawBoxes(layout, layoutColours(layout));
  const scene = { dpr: 2, view: { scale: 0.5, x: 10, y: 20 }, canvas: { width: 1280, height: 720 }, background: '#102030', boxes, measure: (s: string) => s.length * 7 };

  it('fills the background, then each region where the view puts it, with its opacity', () => {
    const ctx = recorder();
    paintLayoutPreview(ctx, scene);
    expect(ctx.ops[0]).toMatchObject({ op: 'fillRect', args: [10, 20, 640, 360], fill: '#102030' });
    // x 10 + 128 × 0.5, y 20 + 144 × 0.5
    expect(ctx.ops[1]).toMatchObject({ op: 'fill', args: [74, 92, 128, 108], fill: boxes[0]?.colour, alpha: 0.5 });
  });

  it('outlines the canvas edge outside it and the off-canvas region dashed', () => {
    const ctx = recorder();
    paintLayoutPreview(ctx, scene);
    const strokes = ctx.ops.filter((o) => o.op === 'stroke');
    expect(strokes[0]).toMatchObject({ args: [9.5, 19.5, 641, 361], stroke: '#64748b', dash: [] });
    expect(strokes[1]).toMatchObject({ args: [610, 20, 100, 50], stroke: boxes[1]?.colour, dash: [6, 4] });
  });

  it('labels a region with room for a label, not one without', () => {
    const ctx = recorder();
    paintLayoutPreview(ctx, scene);
    // The second region shows 80 canvas pixels, 40 on screen: less room than a label needs.
    expect(ctx.ops.filter((o) => o.op.startsWith('text:')).map((o) => o.op)).toEqual([`text:${boxes[0]?.label}`]);
    const far = recorder();
    paintLayoutPreview(far, { ...scene, view: { scale: 0.05, x: 0, y: 0 } });
    expect(far.ops.filter((o) => o.op.startsWith('text:'))).toEqual([]);
  });
});
