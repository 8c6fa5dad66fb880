import type { Point, Size } from '../../../shared/layout-geometry.ts';
import type { PixelRect } from '../../../shared/layout-model.ts';

/**
 * The view onto the output canvas: screen = canvas × scale + (x, y), in CSS pixels of the
 * viewport. Pure, so that zoom, pan and hit-testing agree and can be tested without a browser.
 */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 8;
/** One press of a zoom button or key. */
export const ZOOM_STEP = 1.25;
/** Tall canvases (9:16) must not push everything else off the screen. */
export const MAX_VIEWPORT_HEIGHT = 640;
export const MIN_VIEWPORT_HEIGHT = 160;

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The viewport for an available width: the canvas aspect ratio, within a sensible height (`maxHeight`, 640 px on a page). */
export function viewportFor(availableWidth: number, canvas: Size, maxHeight = MAX_VIEWPORT_HEIGHT): Size {
  const width = Math.max(0, Math.floor(availableWidth));
  if (width === 0 || !(canvas.width > 0 && canvas.height > 0)) return { width, height: 0 };
  const natural = Math.round((width * canvas.height) / canvas.width);
  return { width, height: Math.max(MIN_VIEWPORT_HEIGHT, Math.min(Math.max(MIN_VIEWPORT_HEIGHT, maxHeight), natural)) };
}

/** The whole canvas, as large as fits, centred. */
export function fitView(viewport: Size, canvas: Size): View {
  if (!(viewport.width > 0 && viewport.height > 0 && canvas.width > 0 && canvas.height > 0)) return { scale: 1, x: 0, y: 0 };
  const scale = Math.min(viewport.width / canvas.width, viewport.height / canvas.height);
  return { scale, x: (viewport.width - canvas.width * scale) / 2, y: (viewport.height - canvas.height * scale) / 2 };
}

export function screenToCanvas(view: View, point: Point): Point {
  return { x: (point.x - view.x) / view.scale, y: (point.y - view.y) / view.scale };
}

/** The part of the canvas's plane the viewport shows, in canvas pixels (beyond the canvas where the view shows more than it). */
export function visibleCanvasRect(view: View, viewport: Size): PixelRect {
  return { x: -view.x / view.scale, y: -view.y / view.scale, width: viewport.width / view.scale, height: viewport.height / view.scale };
}

export function canvasToScreen(view: View, point: Point): Point {
  return { x: point.x * view.scale + view.x, y: point.y * view.scale + view.y };
}

/**
 * Whole screen pixels at 1:1 keep every canvas pixel on exactly one screen pixel, so what is
 * seen (and what a test reads) is the region's exact rectangle, not an antialiased edge.
 */
function snap(view: View): View {
  return view.scale === 1 ? { scale: 1, x: Math.round(view.x), y: Math.round(view.y) } : view;
}

/** Zooms to `scale`, keeping the canvas point under the screen point `anchor` where it is. */
export function zoomTo(view: View, scale: number, anchor: Point): View {
  const next = clampScale(scale);
  const ratio = next / view.scale;
  return snap({ scale: next, x: anchor.x - (anchor.x - view.x) * ratio, y: anchor.y - (anchor.y - view.y) * ratio });
}

export function zoomBy(view: View, factor: number, anchor: Point): View {
  return zoomTo(view, view.scale * factor, anchor);
}

export function viewportCentre(viewport: Size): Point {
  return { x: viewport.width / 2, y: viewport.height / 2 };
}

/** 1:1 around the canvas point now at the viewport's centre. */
export function actualSize(view: View, viewport: Size): View {
  return zoomTo(view, 1, viewportCentre(viewport));
}

/**
 * Panning stops while some of the canvas is still in view: a lost canvas helps nobody.
 * `keep` screen pixels of the canvas stay visible on each axis.
 */
export function panBy(view: View, dx: number, dy: number, viewport: Size, canvas: Size, keep = 48): View {
  const w = canvas.width * view.scale;
  const h = canvas.height * view.scale;
  const clamp = (v: number, size: number, extent: number) => {
    const k = Math.min(keep, extent);
    return Math.min(size - k, Math.max(k - extent, v));
  };
  return snap({ scale: view.scale, x: clamp(view.x + dx, viewport.width, w), y: clamp(view.y + dy, viewport.height, h) });
}

/** A wheel turn to a zoom factor: one notch (100 px) is about one ZOOM_STEP; pinch gestures send small deltas. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const bounded = Math.max(-300, Math.min(300, px));
  return Math.pow(ZOOM_STEP, -bounded / 100);
}
