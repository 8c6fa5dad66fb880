import type { PixelRect } from '../../../../shared/layout-model.ts';
import { spacingFigure, spacingLines } from '../../../../shared/region-spacing.ts';
import type { DrawBox } from '../draw-boxes.ts';
import { LABEL_PAD_PX } from '../label-fit.ts';
import type { LabelView } from './scene-labels.ts';
import type { SceneSpacing } from './scene-types.ts';

/** Figma's measuring red, dark enough for white figures on it (WCAG AA). */
export const SPACING_LINE = '#e11d48';
export const SPACING_PLATE = '#be123c';

/** Where the figure's plate goes, in canvas pixels: centred on the line's middle. */
export function spacingPlate(item: SceneSpacing): { x: number; y: number; heightPx: number } {
  const heightPx = item.fontPx + 2 * item.padPx;
  const mx = (item.from.x + item.to.x) / 2;
  const my = (item.from.y + item.to.y) / 2;
  return { x: mx - (item.widthPx / 2) * item.k, y: my - (heightPx / 2) * item.k, heightPx };
}

/** The figure's plate as a rectangle in canvas pixels: labels keep clear of it. */
export function spacingPlateRect(item: SceneSpacing): PixelRect {
  const plate = spacingPlate(item);
  return { x: plate.x, y: plate.y, width: item.widthPx * item.k, height: plate.heightPx * item.k };
}

/** Figma-style measuring lines from `selected` to its nearest shown neighbours, or the canvas edges. */
export function sceneSpacing(selected: DrawBox, shown: readonly DrawBox[], canvas: { width: number; height: number }, view: LabelView): SceneSpacing[] {
  const others = shown.filter((b) => b.id !== selected.id && b.rect.width > 0 && b.rect.height > 0);
  const k = 1 / view.scale;
  return spacingLines(selected.rect, others, canvas).map((line) => {
    const text = spacingFigure(line.length);
    return {
      kind: 'spacing', id: selected.id, side: line.side, targetId: line.targetId, from: line.from, to: line.to, k, text,
      widthPx: view.measure(text) + 2 * LABEL_PAD_PX, fontPx: view.fontPx, padPx: LABEL_PAD_PX,
    };
  });
}
