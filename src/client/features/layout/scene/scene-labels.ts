import { clampToCanvas, type Size } from '../../../../shared/layout-geometry.ts';
import type { DrawBox } from '../draw-boxes.ts';
import { fitLabel, LABEL_FONT_PX, LABEL_INSET_PX, LABEL_MIN_ROOM_PX, LABEL_PAD_PX } from '../label-fit.ts';
import type { SceneLabel } from './scene-types.ts';

/** How labels are sized: screen pixels per canvas pixel, the font size, and a text measure at that size. */
export interface LabelView {
  scale: number;
  fontPx: number;
  /** Text width in screen pixels at fontPx. */
  measure: (text: string) => number;
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
 * For the region the user points at or picked when its own label does not fit inside: below the
 * region, else above it, else over its top, moved sideways and cut so the plate stays on the canvas.
 */
export function outsideLabel(box: Pick<DrawBox, 'id' | 'rect' | 'label'>, canvas: Size, view: LabelView): SceneLabel | undefined {
  const shown = clampToCanvas(box.rect, canvas);
  if (!shown) return undefined;
  const { pad, inset, height } = metrics(view.fontPx);
  const k = 1 / view.scale;
  const text = fitLabel(box.label, canvas.width * view.scale - 2 * pad, view.measure);
  if (!text) return undefined;
  const width = Math.min(view.measure(text) + 2 * pad, canvas.width * view.scale);
  const h = height * k;
  if (h > canvas.height) return undefined;
  const below = shown.y + shown.height + inset * k;
  const above = shown.y - inset * k - h;
  const y = below + h <= canvas.height ? below : above >= 0 ? above : Math.max(0, Math.min(shown.y, canvas.height - h));
  const x = Math.max(0, Math.min(shown.x, canvas.width - width * k));
  return plate(box.id, 'outside', x, y, k, text, width, view.fontPx);
}

function plate(id: string, placement: SceneLabel['placement'], x: number, y: number, k: number, text: string, widthPx: number, fontPx: number): SceneLabel {
  const { em, pad, height } = metrics(fontPx);
  return { kind: 'label', id, placement, x, y, k, text, widthPx, heightPx: height, padPx: pad, fontPx, radiusPx: 3 * em };
}

/** The label inside a region at its bottom-left: where an applied region names itself without covering the declared label. */
export function bottomLabel(box: Pick<DrawBox, 'id' | 'rect' | 'label'>, canvas: Size, view: LabelView): SceneLabel | undefined {
  const top = insideLabel(box, canvas, view);
  const shown = clampToCanvas(box.rect, canvas);
  if (!top || !shown) return undefined;
  const { inset } = metrics(view.fontPx);
  return { ...top, y: shown.y + shown.height - (top.heightPx + inset) * top.k };
}
