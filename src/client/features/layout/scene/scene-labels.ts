import { canvasRect, clampToCanvas, OPAQUE_ALPHA, rectIntersection, type Size } from '../../../../shared/layout-geometry.ts';
import type { PixelRect } from '../../../../shared/layout-model.ts';
import type { DrawBox } from '../draw-boxes.ts';
import { fitLabel, LABEL_FONT_PX, LABEL_INSET_PX, LABEL_MIN_ROOM_PX, LABEL_PAD_PX } from '../label-fit.ts';
import { placeLabels, type LabelAsk } from './label-placement.ts';
import type { SceneLabel } from './scene-types.ts';

/** How labels are sized: screen pixels per canvas pixel, the font size, and a text measure at that size. */
export interface LabelView {
  scale: number;
  fontPx: number;
  /** Text width in screen pixels at fontPx. */
  measure: (text: string) => number;
  /** The part of the picture on the screen, in canvas pixels (beyond the canvas where the view shows more): labels stay on it. The canvas by default. */
  stage?: PixelRect | undefined;
  /** Figures labels keep clear of where they can (the measuring lines' plates), in canvas pixels. */
  keepClear?: readonly PixelRect[] | undefined;
}

function metrics(fontPx: number) {
  const em = fontPx / LABEL_FONT_PX;
  return { em, pad: LABEL_PAD_PX * em, inset: LABEL_INSET_PX * em, height: fontPx + 2 * LABEL_PAD_PX * em };
}

/**
 * The label inside the visible part of its region, top-left, cut to the room; none where it would
 * not be read (two letters and an ellipsis help nobody, and cost a text draw each in a layout of
 * hundreds of tiny regions: zoom in to read them).
 */
export function insideLabel(box: Pick<DrawBox, 'id' | 'rect' | 'label'>, canvas: Size, view: LabelView): SceneLabel | undefined {
  const shown = clampToCanvas(box.rect, canvas);
  if (!shown) return undefined;
  const { em, pad, inset, height } = metrics(view.fontPx);
  const room = shown.width * view.scale - 2 * (inset + pad);
  if (shown.height * view.scale < height + 2 * inset || room < LABEL_MIN_ROOM_PX * em) return undefined;
  const text = fitLabel(box.label, room, view.measure);
  if (!text) return undefined;
  const k = 1 / view.scale;
  return plate(box.id, 'inside', shown.x + inset * k, shown.y + inset * k, k, text, view.measure(text) + 2 * pad, view.fontPx);
}

/**
 * Every region's label, whole: inside its region where it fits clear of the regions drawn over it,
 * else beside it, and every plate on the stage (`view.stage`, the canvas by default), clear of the
 * others where the stage has room (label-placement.ts). `boxes` in drawing order, bottom first;
 * the top ones choose first, being the ones seen.
 */
export function sceneLabels(boxes: readonly Pick<DrawBox, 'id' | 'rect' | 'label' | 'opacity' | 'audioOnly' | 'colour'>[], canvas: Size, view: LabelView): SceneLabel[] {
  const { pad, inset, height } = metrics(view.fontPx);
  const s = view.scale;
  const k = 1 / s;
  const toScreen = (r: PixelRect): PixelRect => ({ x: r.x * s, y: r.y * s, width: r.width * s, height: r.height * s });
  const stage = toScreen(view.stage ?? canvasRect(canvas));
  const texts = new Map<string, { text: string; width: number; colour: string }>();
  const asks: LabelAsk[] = [];
  // What each region paints over the ones drawn before it: its part of the canvas, when opaque and not audio-only.
  const painted = boxes.map((b) => (b.opacity >= OPAQUE_ALPHA && !b.audioOnly ? clampToCanvas(b.rect, canvas) : undefined));
  for (let i = boxes.length - 1; i >= 0; i--) {
    const b = boxes[i];
    if (!b || !(b.rect.width > 0 && b.rect.height > 0)) continue;
    // A region wholly off the canvas is named beside its dashed outline, where the stage shows it.
    const anchor = toScreen(clampToCanvas(b.rect, canvas) ?? b.rect);
    const whole = view.measure(b.label) + 2 * pad;
    const text = whole <= stage.width ? b.label : fitLabel(b.label, stage.width - 2 * pad, view.measure);
    if (!text) continue;
    const width = text === b.label ? whole : view.measure(text) + 2 * pad;
    texts.set(b.id, { text, width, colour: b.colour });
    const covers = painted.slice(i + 1).flatMap((r) => (r && rectIntersection(r, b.rect) ? [toScreen(r)] : []));
    asks.push({ id: b.id, anchor, covers, width, height });
  }
  return placeLabels(asks, stage, inset, view.keepClear?.map(toScreen)).flatMap((p) => {
    const t = texts.get(p.id);
    if (!t) return [];
    return [p.inside ? plate(p.id, 'inside', p.rect.x * k, p.rect.y * k, k, t.text, t.width, view.fontPx) : { ...plate(p.id, 'outside', p.rect.x * k, p.rect.y * k, k, t.text, t.width, view.fontPx), rim: t.colour }];
  });
}

function plate(id: string, placement: SceneLabel['placement'], x: number, y: number, k: number, text: string, widthPx: number, fontPx: number): SceneLabel {
  const { em, pad, height } = metrics(fontPx);
  return { kind: 'label', id, placement, x, y, k, text, widthPx, heightPx: height, padPx: pad, fontPx, radiusPx: 3 * em, rim: undefined };
}

/** The label inside a region at its bottom-left: where an applied region names itself without covering the declared label. */
export function bottomLabel(box: Pick<DrawBox, 'id' | 'rect' | 'label'>, canvas: Size, view: LabelView): SceneLabel | undefined {
  const top = insideLabel(box, canvas, view);
  const shown = clampToCanvas(box.rect, canvas);
  if (!top || !shown) return undefined;
  const { inset } = metrics(view.fontPx);
  return { ...top, y: shown.y + shown.height - (top.heightPx + inset) * top.k };
}
