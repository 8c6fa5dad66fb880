import { clampToCanvas, type Size } from '../../../shared/layout-geometry.ts';
import type { View } from './canvas-view.ts';
import type { DrawBox } from './draw-boxes.ts';
import { fitLabel, LABEL_FONT_FAMILY, LABEL_FONT_PX, LABEL_INSET_PX, LABEL_MIN_ROOM_PX, LABEL_PAD_PX } from './label-fit.ts';

/**
 * The layout's first picture, painted with the plain canvas API while the Konva canvas loads
 * (layout-preview.tsx). It paints what the Konva layers paint before any image has loaded, from
 * the same DrawBoxes and with the same constants: background, regions clipped to the canvas,
 * the canvas edge, the dashed outlines and the labels. Images, the spatial map and hover come
 * with Konva. Keep it in step with canvas-background.tsx, region-shapes.tsx and region-overlays.tsx.
 */

/** The slice of CanvasRenderingContext2D the preview uses (a test passes a recorder). */
export type PaintContext = Pick<CanvasRenderingContext2D,
  'save' | 'restore' | 'setTransform' | 'beginPath' | 'rect' | 'roundRect' | 'clip' | 'fill' | 'fillRect' | 'stroke'
  | 'setLineDash' | 'fillText' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'globalAlpha' | 'font' | 'textBaseline'> & {
  measureText(text: string): Pick<TextMetrics, 'fontBoundingBoxAscent' | 'fontBoundingBoxDescent' | 'actualBoundingBoxAscent' | 'actualBoundingBoxDescent'>;
};

export interface PreviewScene {
  /** Device pixels per CSS pixel: the canvas element's backing store is this much larger. */
  dpr: number;
  view: View;
  canvas: Size;
  background: string;
  boxes: readonly DrawBox[];
  measure: (text: string) => number;
}

/** As region-shapes.tsx: an audio-only region paints no picture, a faint fill keeps it findable. */
const AUDIO_ONLY_FILL = 0.25;
const DASH = [6, 4];

/** Konva's rounded rectangle: the radius never exceeds half a side. */
function boxPath(ctx: PaintContext, x: number, y: number, w: number, h: number, radius: number): void {
  ctx.beginPath();
  const r = Math.max(0, Math.min(radius, w / 2, h / 2));
  if (r > 0) ctx.roundRect(x, y, w, h, r);
  else ctx.rect(x, y, w, h);
}

export function paintLayoutPreview(ctx: PaintContext, scene: PreviewScene): void {
  const { dpr, view, canvas, boxes } = scene;
  const s = view.scale;
  // Screen (CSS pixel) coordinates of a canvas rectangle; overlays keep their screen size at every zoom.
  const toScreen = (r: { x: number; y: number; width: number; height: number }) => ({ x: view.x + r.x * s, y: view.y + r.y * s, w: r.width * s, h: r.height * s });
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const whole = toScreen({ x: 0, y: 0, ...canvas });
  ctx.fillStyle = scene.background;
  ctx.fillRect(whole.x, whole.y, whole.w, whole.h);

  ctx.save();
  boxPath(ctx, whole.x, whole.y, whole.w, whole.h, 0);
  ctx.clip();
  for (const b of boxes) {
    if (!(b.rect.width > 0 && b.rect.height > 0)) continue;
    const r = toScreen(b.rect);
    ctx.globalAlpha = b.audioOnly ? b.opacity * AUDIO_ONLY_FILL : b.opacity;
    ctx.fillStyle = b.colour;
    boxPath(ctx, r.x, r.y, r.w, r.h, b.cornerRadius * s);
    ctx.fill();
  }
  ctx.restore();
  ctx.globalAlpha = 1;

  // The canvas edge, half a screen pixel outside it.
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#64748b';
  ctx.setLineDash([]);
  boxPath(ctx, whole.x - 0.5, whole.y - 0.5, whole.w + 1, whole.h + 1, 0);
  ctx.stroke();
  for (const b of boxes) {
    const r = toScreen(b.rect);
    const outline = (colour: string, width: number, dash: number[], radius: number) => {
      ctx.strokeStyle = colour;
      ctx.lineWidth = width;
      ctx.setLineDash(dash);
      boxPath(ctx, r.x, r.y, r.w, r.h, radius * s);
      ctx.stroke();
    };
    if (b.offCanvas !== 'inside') outline(b.colour, 1.5, DASH, 0);
    if (b.ignoredRadius > 0) outline('#f8fafc', 1, [3, 3], b.ignoredRadius);
    if (b.audioOnly) outline(b.colour, 2, DASH, b.cornerRadius);
  }
  ctx.setLineDash([]);
  for (const b of boxes) paintLabel(ctx, scene, b);
  ctx.restore();
}

/** As RegionLabel in region-overlays.tsx: top-left, cut to the room, none where it would not be read. */
function paintLabel(ctx: PaintContext, { view, canvas, measure }: PreviewScene, box: DrawBox): void {
  const shown = clampToCanvas(box.rect, canvas);
  if (!shown) return;
  const room = shown.width * view.scale - 2 * (LABEL_INSET_PX + LABEL_PAD_PX);
  if (shown.height * view.scale < LABEL_FONT_PX + 2 * (LABEL_INSET_PX + LABEL_PAD_PX) || room < LABEL_MIN_ROOM_PX) return;
  const text = fitLabel(box.label, room, measure);
  if (!text) return;
  const x = view.x + shown.x * view.scale + LABEL_INSET_PX;
  const y = view.y + shown.y * view.scale + LABEL_INSET_PX;
  ctx.fillStyle = 'rgba(15,23,42,0.78)';
  boxPath(ctx, x, y, measure(text) + 2 * LABEL_PAD_PX, LABEL_FONT_PX + 2 * LABEL_PAD_PX, 3);
  ctx.fill();
  ctx.fillStyle = '#f8fafc';
  ctx.font = `${LABEL_FONT_PX}px ${LABEL_FONT_FAMILY}`;
  // Konva 10's Text: on the alphabetic baseline, centred in the line by the font's ascent and descent of "M".
  ctx.textBaseline = 'alphabetic';
  const m = ctx.measureText('M');
  const middle = ((m.fontBoundingBoxAscent ?? m.actualBoundingBoxAscent) - (m.fontBoundingBoxDescent ?? m.actualBoundingBoxDescent)) / 2;
  ctx.fillText(text, x + LABEL_PAD_PX, y + LABEL_PAD_PX + 0.5 + LABEL_FONT_PX / 2 + middle);
}
