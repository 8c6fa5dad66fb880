import type { NormalisedLayout, NormalisedRegion, PixelRect } from './layout-model.ts';
import { unionArea } from './rect-union-area.ts';

/**
 * Pure geometry on a normalised layout, in output-canvas pixels. Konva components and the
 * warnings both read from here, so what is drawn and what is reported cannot disagree.
 * Rectangles are half-open: a region at x = 0 with width 10 covers pixels 0 to 9.
 */

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Negative sizes come straight from the task (the parser keeps any finite number): they cover nothing. */
export function rectArea(rect: PixelRect): number {
  return rect.width > 0 && rect.height > 0 ? rect.width * rect.height : 0;
}

/** Far outside any canvas (at most 1920 px), yet small enough that areas stay finite. */
const FAR = 1e7;
const far = (v: number) => Math.min(FAR, Math.max(-FAR, v));

/**
 * A task can overflow a rectangle to ±Infinity (a 2020 ratio of 1e308 times the canvas size);
 * this clamps its edges far off the canvas so that shares stay numbers. Ordinary rects pass
 * through untouched, so their arithmetic stays exact. An edge that is NaN (−∞ + ∞) collapses.
 */
export function finiteRect(rect: PixelRect): PixelRect {
  const { x, y, width, height } = rect;
  if ([x, y, width, height].every((v) => Math.abs(v) < FAR) && Math.abs(x + width) < FAR && Math.abs(y + height) < FAR) return rect;
  const left = Number.isNaN(x) ? 0 : far(x);
  const top = Number.isNaN(y) ? 0 : far(y);
  const right = Number.isNaN(x + width) ? left : far(x + width);
  const bottom = Number.isNaN(y + height) ? top : far(y + height);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The overlap of two rectangles, or undefined when they share no area (touching edges share none). */
export function rectIntersection(a: PixelRect, b: PixelRect): PixelRect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  // Written as "not overlapping" so that a NaN edge also means no overlap.
  if (!(right > x && bottom > y)) return undefined;
  return { x, y, width: right - x, height: bottom - y };
}

export function intersectionArea(a: PixelRect, b: PixelRect): number {
  const overlap = rectIntersection(a, b);
  return overlap ? rectArea(overlap) : 0;
}

export function canvasRect(canvas: Size): PixelRect {
  return { x: 0, y: 0, width: canvas.width, height: canvas.height };
}

/** The part of a rectangle the canvas shows, or undefined when none of it is on the canvas. */
export function clampToCanvas(rect: PixelRect, canvas: Size): PixelRect | undefined {
  return rectIntersection(rect, canvasRect(canvas));
}

/** The share of a rectangle's area inside the canvas, in [0, 1]; 0 for a rectangle with no area. */
export function visibleFraction(input: PixelRect, canvas: Size): number {
  const rect = finiteRect(input);
  const area = rectArea(rect);
  if (area === 0) return 0;
  return Math.min(1, intersectionArea(rect, canvasRect(canvas)) / area);
}

export type OffCanvasExtent = 'inside' | 'partly' | 'fully';

/**
 * How much of a rectangle falls outside the canvas. A rectangle with no area has no share to
 * measure, so it is judged by its position: inside the canvas bounds or fully off.
 */
export function offCanvasExtent(input: PixelRect, canvas: Size): OffCanvasExtent {
  const rect = finiteRect(input);
  if (rectArea(rect) === 0) {
    const inside = rect.x >= 0 && rect.y >= 0 && rect.x + Math.max(0, rect.width) <= canvas.width && rect.y + Math.max(0, rect.height) <= canvas.height;
    return inside ? 'inside' : 'fully';
  }
  const fraction = visibleFraction(rect, canvas);
  if (fraction === 0) return 'fully';
  return fraction < 1 ? 'partly' : 'inside';
}

/** `partly` asks whether any of the rectangle is off the canvas, `fully` whether all of it is. */
export function isOffCanvas(rect: PixelRect, canvas: Size, extent: 'fully' | 'partly'): boolean {
  const actual = offCanvasExtent(rect, canvas);
  return extent === 'fully' ? actual === 'fully' : actual !== 'inside';
}

export interface CornerRadius {
  /** The radius drawn, in canvas pixels: 0 when there is none or Volcengine ignores it. */
  px: number;
  /** The task asks for rounding that Volcengine will not apply. */
  ignored: boolean;
  /** CornerRadius × canvas width, before the size rule. */
  requestedPx: number;
}

/**
 * CornerRadius is a fraction of the canvas WIDTH (not of the region). Volcengine applies no
 * rounding at all, rather than a smaller radius, when the radius exceeds half the region's
 * shorter side. A zero or negative value (outside the documented (0, 1]) means square corners.
 */
export function effectiveCornerRadiusPx(region: Pick<NormalisedRegion, 'rect' | 'cornerRadius'>, canvasWidth: number): CornerRadius {
  const requestedPx = region.cornerRadius.value * canvasWidth;
  if (!(requestedPx > 0)) return { px: 0, ignored: false, requestedPx };
  const limit = Math.min(Math.max(0, region.rect.width), Math.max(0, region.rect.height)) / 2;
  return requestedPx > limit ? { px: 0, ignored: true, requestedPx } : { px: requestedPx, ignored: false, requestedPx };
}

/** Volcengine's Alpha is a Float32: 0.999 and above renders as opaque. */
export const OPAQUE_ALPHA = 0.999;

/** Audio-only regions (MediaType 1) draw no picture. */
const AUDIO_ONLY = 1;

/**
 * The area a region is sure to paint over, as rectangles. Translucent and audio-only regions
 * paint over nothing. A rounded region paints its rectangle minus the four r × r corner squares
 * (a plus shape, two rectangles): the quarter discs it also paints are left out on purpose, so
 * the occlusion figures never claim a region is more hidden than it is (the error is at most
 * π r² per rounded region, and "hidden completely" stays exact).
 */
export function coverShapes(region: NormalisedRegion, canvasWidth: number): PixelRect[] {
  if (region.alpha.value < OPAQUE_ALPHA || region.mediaType.value === AUDIO_ONLY) return [];
  const rect = finiteRect(region.rect);
  if (rectArea(rect) === 0) return [];
  const r = effectiveCornerRadiusPx(region, canvasWidth).px;
  if (r === 0) return [rect];
  return [
    { x: rect.x, y: rect.y + r, width: rect.width, height: rect.height - 2 * r },
    { x: rect.x + r, y: rect.y, width: rect.width - 2 * r, height: rect.height },
  ].filter((shape) => rectArea(shape) > 0);
}

/** Whether a canvas point falls on the region as drawn, rounded corners included. */
export function regionContains(region: Pick<NormalisedRegion, 'rect' | 'cornerRadius'>, point: Point, canvasWidth: number): boolean {
  const { x, y, width, height } = region.rect;
  if (!(point.x >= x && point.x < x + width && point.y >= y && point.y < y + height)) return false;
  const r = effectiveCornerRadiusPx(region, canvasWidth).px;
  if (r === 0) return true;
  // Outside the corner squares the rectangle test is enough; inside one, measure to the arc's centre.
  const cx = Math.min(Math.max(point.x, x + r), x + width - r);
  const cy = Math.min(Math.max(point.y, y + r), y + height - r);
  return (point.x - cx) ** 2 + (point.y - cy) ** 2 <= r * r;
}

/**
 * The topmost region drawn at a canvas point, for hover and click. Regions are in draw order,
 * so the last match wins. Points outside the canvas hit nothing: the canvas clips what sticks out.
 */
export function hitTest(layout: NormalisedLayout, point: Point): string | undefined {
  const canvas = { width: layout.canvas.width.value, height: layout.canvas.height.value };
  if (!(point.x >= 0 && point.y >= 0 && point.x < canvas.width && point.y < canvas.height)) return undefined;
  for (let i = layout.regions.length - 1; i >= 0; i--) {
    const region = layout.regions[i];
    if (region && regionContains(region, point, canvas.width)) return region.id;
  }
  return undefined;
}

export interface RegionVisibility {
  /** Share of the region's area inside the canvas. */
  onCanvas: number;
  /** Share of its on-canvas part that no opaque region above covers; 1 when none of it is on the canvas. */
  uncovered: number;
  /** Share of the whole region a viewer sees: on the canvas and not covered. */
  visible: number;
  /** Opaque regions above it that cover some of it, bottom first. */
  coveredBy: string[];
}

/**
 * Occlusion by opaque regions drawn later (regions are in draw order). Exact for rectangles:
 * the covered area is a union computed by a sweep, O(n log n) per region, O(n² log n) in all.
 */
export function occlusion(layout: NormalisedLayout): Map<string, RegionVisibility> {
  const canvas = { width: layout.canvas.width.value, height: layout.canvas.height.value };
  const shapes = layout.regions.map((r) => coverShapes(r, canvas.width));
  const out = new Map<string, RegionVisibility>();
  layout.regions.forEach((region, i) => {
    const rect = finiteRect(region.rect);
    const area = rectArea(rect);
    const onRect = clampToCanvas(rect, canvas);
    if (area === 0 || onRect === undefined) {
      out.set(region.id, { onCanvas: 0, uncovered: 1, visible: 0, coveredBy: [] });
      return;
    }
    const clips: PixelRect[] = [];
    const coveredBy: string[] = [];
    for (let j = i + 1; j < layout.regions.length; j++) {
      const before = clips.length;
      for (const shape of shapes[j] ?? []) {
        const clip = rectIntersection(shape, onRect);
        if (clip) clips.push(clip);
      }
      if (clips.length > before) coveredBy.push(layout.regions[j]?.id ?? '');
    }
    const onArea = rectArea(onRect);
    // One cover over the whole on-canvas part settles it without a sweep (full-screen backdrops).
    const whole = clips.some((c) => rectArea(c) === onArea);
    const free = whole ? 0 : Math.max(0, onArea - unionArea(clips));
    out.set(region.id, {
      onCanvas: Math.min(1, onArea / area),
      uncovered: Math.min(1, free / onArea),
      visible: Math.min(1, free / area),
      coveredBy,
    });
  });
  return out;
}

/** For each region id, the share of its area a viewer sees: on the canvas and under no opaque region. */
export function visibleShare(layout: NormalisedLayout): Map<string, number> {
  return new Map([...occlusion(layout)].map(([id, v]) => [id, v.visible]));
}
