import { coordinateModelOf, type ApiVersion } from '../api-versions.ts';
import type { Size } from '../layout-geometry.ts';
import type { PixelRect } from '../layout-model.ts';
import { normaliseLayout } from '../layout-normalise.ts';
import { parseTask } from '../parse-task.ts';
import { isObj } from './task-paths.ts';

/**
 * Where a region goes, written the way its API version wants it: 2020-12-01 as ratios of the
 * canvas (LocationX, LocationY, WidthProportion, HeightProportion), 2023-* as Int32 canvas
 * pixels (LocationX, LocationY, Width, Height). Either way the rectangle is first rounded to whole
 * pixels and kept inside the documented ranges (position [0, side), size (0, side]), so the body
 * is never refused for its geometry and the drawing shows exactly what was written.
 */

/** Float32 carries about 7 significant digits: 6 decimals of a ratio still land on the pixel. */
const RATIO_DECIMALS = 1e6;

/** The canvas a custom layout's regions are measured on, with the defaults normalisation applies. */
export function editCanvas(task: unknown, version: ApiVersion): Size {
  const raw = isObj(task) ? task : {};
  const layout = isObj(raw['Layout']) ? raw['Layout'] : {};
  // Regions are always written into CustomLayout, so measure them on its canvas whatever the mode.
  const { canvas } = normaliseLayout(parseTask({ ...raw, Layout: { ...layout, LayoutMode: 2 } }).task, version);
  return { width: canvas.width.value, height: canvas.height.value };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
/** A non-finite input (a drag that divided by zero) lands on the low end rather than NaN. */
const whole = (v: number) => (Number.isFinite(v) ? Math.round(v) : 0);

/** The rectangle as it will be written: whole pixels, inside the ranges the docs allow. */
export function placedRect(rect: PixelRect, canvas: Size): PixelRect {
  // Position [0, side) and size (0, side] in whole pixels.
  const lastX = Math.max(0, Math.ceil(canvas.width) - 1);
  const lastY = Math.max(0, Math.ceil(canvas.height) - 1);
  return {
    x: clamp(whole(rect.x), 0, lastX),
    y: clamp(whole(rect.y), 0, lastY),
    width: clamp(whole(rect.width), 1, Math.max(1, Math.floor(canvas.width))),
    height: clamp(whole(rect.height), 1, Math.max(1, Math.floor(canvas.height))),
  };
}

function ratio(px: number, side: number): number {
  const r = Math.round((px / side) * RATIO_DECIMALS) / RATIO_DECIMALS;
  // A one-pixel size on a huge canvas must not round to 0, which the docs' (0, 1] refuses.
  return px > 0 ? Math.max(r, 1 / RATIO_DECIMALS) : r;
}

/** The region fields that put it at `rect` (canvas pixels) in `version`'s coordinate model. */
export function placementFields(rect: PixelRect, canvas: Size, version: ApiVersion): Record<string, number> {
  const p = placedRect(rect, canvas);
  if (coordinateModelOf(version) === 'pixel') return { LocationX: p.x, LocationY: p.y, Width: p.width, Height: p.height };
  const { width: w, height: h } = canvas;
  return { LocationX: ratio(p.x, w), LocationY: ratio(p.y, h), WidthProportion: ratio(p.width, w), HeightProportion: ratio(p.height, h) };
}
