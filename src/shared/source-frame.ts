import type { NormalisedRegion, PixelRect, RatioRect } from './layout-model.ts';
import type { Size } from './layout-geometry.ts';

/**
 * What the source frame becomes in a region: the SourceCrop window, then RenderMode.
 * Every source position is a fraction of the PRE-crop frame (as SourceCrop is), so the UI can
 * draw it over a frame of any size. The source size is an assumption (a 16:9 camera unless the
 * user says otherwise): the task does not say what the publisher sends.
 */

export const DEFAULT_SOURCE: Size = { width: 16, height: 9 };

const EDGE_TOLERANCE = 1e-6;

export type CropField = 'LocationX' | 'LocationY' | 'WidthProportion' | 'HeightProportion';

export interface CropProblem {
  field: CropField;
  value: number;
  /** outOfRange: outside the field's documented range; overflow: the window runs past the frame edge. */
  problem: 'outOfRange' | 'overflow';
  /** The value used instead. */
  used: number;
}

export interface CropWindow {
  requested: RatioRect;
  /** The window Volcengine crops, inside the frame and never empty. */
  window: RatioRect;
  problems: CropProblem[];
  /** The task asked for a window with no width or no height. */
  empty: boolean;
}

/**
 * Applies the documented rules: X/Y in [0, 1), W/H in (0, 1]; an optional field outside its range
 * is reset to its default (0 for X/Y, 1 for W/H). A window that then runs past the right or bottom
 * edge is cut at the edge: the docs say nothing about that case and the frame has no pixels there.
 */
export function checkSourceCrop(requested: RatioRect): CropWindow {
  const problems: CropProblem[] = [];
  const fix = (field: CropField, value: number, ok: boolean, fallback: number): number => {
    if (ok) return value;
    problems.push({ field, value, problem: 'outOfRange', used: fallback });
    return fallback;
  };
  const x = fix('LocationX', requested.x, requested.x >= 0 && requested.x < 1, 0);
  const y = fix('LocationY', requested.y, requested.y >= 0 && requested.y < 1, 0);
  let width = fix('WidthProportion', requested.width, requested.width > 0 && requested.width <= 1, 1);
  let height = fix('HeightProportion', requested.height, requested.height > 0 && requested.height <= 1, 1);
  // Float32 ratios summed in float64: 0.35 + 0.65 must not count as running past the edge.
  if (x + width > 1 + EDGE_TOLERANCE) {
    problems.push({ field: 'WidthProportion', value: width, problem: 'overflow', used: 1 - x });
    width = 1 - x;
  }
  if (y + height > 1 + EDGE_TOLERANCE) {
    problems.push({ field: 'HeightProportion', value: height, problem: 'overflow', used: 1 - y });
    height = 1 - y;
  }
  return { requested, window: { x, y, width, height }, problems, empty: !(requested.width > 0) || !(requested.height > 0) };
}

export type RenderKind = 'stretch' | 'cropFill' | 'fit';

export interface SourceFrame {
  crop: CropWindow;
  /** RenderMode after the reset-to-default rule: an unknown value renders as 0. */
  renderMode: number;
  renderModeReset: boolean;
  kind: RenderKind;
  /** The part of the source frame that reaches the region (RenderMode 1 crops further). */
  visible: RatioRect;
  /** Where the picture lands, in the coordinates of the region rect passed in. */
  content: PixelRect;
  /** Background-coloured gaps of RenderMode 2, same coordinates; empty otherwise. */
  bars: PixelRect[];
  /** Horizontal scale ÷ vertical scale: 1 keeps shapes, above 1 widens faces. Not 1 only for modes 0 and 3. */
  distortion: number;
}

export interface SourceFrameInput {
  crop: RatioRect;
  region: PixelRect;
  renderMode: number;
  source?: Size;
}

const KIND: Record<number, RenderKind> = { 0: 'stretch', 1: 'cropFill', 2: 'fit', 3: 'stretch' };

export function sourceFrame({ crop: requested, region, renderMode, source = DEFAULT_SOURCE }: SourceFrameInput): SourceFrame {
  const crop = checkSourceCrop(requested);
  const known = KIND[renderMode];
  const kind = known ?? 'stretch';
  const base = { crop, renderMode: known ? renderMode : 0, renderModeReset: !known, kind };
  const win = crop.window;
  // The cropped picture in source pixels; products, not divided aspects, keep results exact.
  const cw = win.width * source.width;
  const ch = win.height * source.height;
  const { width: rw, height: rh } = region;
  if (!(rw > 0 && rh > 0 && cw > 0 && ch > 0)) {
    return { ...base, visible: win, content: { x: region.x, y: region.y, width: 0, height: 0 }, bars: [], distortion: 1 };
  }
  const wider = cw * rh > ch * rw; // the cropped source is wider than the region
  if (kind === 'cropFill') {
    const keep = wider ? (ch * rw) / (cw * rh) : (cw * rh) / (ch * rw);
    const visible = wider
      ? { x: win.x + (win.width * (1 - keep)) / 2, y: win.y, width: win.width * keep, height: win.height }
      : { x: win.x, y: win.y + (win.height * (1 - keep)) / 2, width: win.width, height: win.height * keep };
    return { ...base, visible, content: { ...region }, bars: [], distortion: 1 };
  }
  if (kind === 'fit') {
    if (wider) {
      const h = (rw * ch) / cw;
      const gap = (rh - h) / 2;
      const bars = [{ x: region.x, y: region.y, width: rw, height: gap }, { x: region.x, y: region.y + gap + h, width: rw, height: gap }];
      return { ...base, visible: win, content: { x: region.x, y: region.y + gap, width: rw, height: h }, bars: bars.filter((b) => b.height > 0), distortion: 1 };
    }
    const w = (rh * cw) / ch;
    const gap = (rw - w) / 2;
    const bars = [{ x: region.x, y: region.y, width: gap, height: rh }, { x: region.x + gap + w, y: region.y, width: gap, height: rh }];
    return { ...base, visible: win, content: { x: region.x + gap, y: region.y, width: w, height: rh }, bars: bars.filter((b) => b.width > 0), distortion: 1 };
  }
  return { ...base, visible: win, content: { ...region }, bars: [], distortion: (rw * ch) / (rh * cw) };
}

export interface RenderSummary {
  kind: SourceFrame['kind'];
  /** Width ÷ height scale of the picture: 1 keeps shapes. */
  distortion: number;
  /** Share of the crop window's width and height cut away to fill (RenderMode 1). */
  cut: { x: number; y: number };
  /** Share of the region's area left to bars (RenderMode 2). */
  barShare: number;
  /** Share of the source frame's area that reaches the region. */
  sourceUsed: number;
}

export function renderSummary(result: SourceFrame): RenderSummary {
  const w = result.crop.window;
  const v = result.visible;
  const area = (r: PixelRect) => Math.max(0, r.width) * Math.max(0, r.height);
  const barArea = result.bars.reduce((sum, b) => sum + area(b), 0);
  const regionArea = area(result.content) + barArea;
  return {
    kind: result.kind,
    distortion: result.distortion,
    cut: { x: w.width > 0 ? 1 - v.width / w.width : 0, y: w.height > 0 ? 1 - v.height / w.height : 0 },
    barShare: regionArea > 0 ? barArea / regionArea : 0,
    sourceUsed: v.width * v.height,
  };
}

/** The same for a normalised region, with its SourceCrop and RenderMode as sent (or defaulted). */
export function regionSourceFrame(region: NormalisedRegion, source: Size = DEFAULT_SOURCE): SourceFrame {
  const c = region.sourceCrop;
  return sourceFrame({
    crop: { x: c.x.value, y: c.y.value, width: c.width.value, height: c.height.value },
    region: region.rect,
    renderMode: region.renderMode.value,
    source,
  });
}
