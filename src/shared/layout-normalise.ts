import { coordinateModelOf, type ApiVersion, type CoordinateModel } from './api-versions.ts';
import type {
  NormalisedCanvas, NormalisedLayout, NormalisedRegion, PixelRect, RatioRect, Resolved, StreamEntry,
} from './layout-model.ts';
import { templateRegions } from './layout-templates.ts';
import type { VolcRegion, VolcStream, VolcTask } from './volc-task-schema.ts';

const CUSTOM = 2;

function resolve<T>(value: T | undefined, fallback: T): Resolved<T> {
  return value === undefined ? { value: fallback, defaulted: true } : { value, defaulted: false };
}

/**
 * An optional value Volcengine takes only when `ok`: anything else is reset to the documented
 * default, so that is what is drawn, with the value sent kept to say so.
 */
function resolveValid(value: number | undefined, fallback: number, ok: (v: number) => boolean): Resolved<number> {
  if (value === undefined) return { value: fallback, defaulted: true };
  // Sending the default itself (CornerRadius 0 before 2023-11-01) changes nothing.
  return ok(value) || value === fallback ? { value, defaulted: false } : { value: fallback, defaulted: false, resetFrom: value };
}

const oneOf = (...allowed: number[]) => (v: number) => allowed.includes(v);
const zOrderOk = (v: number) => Number.isInteger(v) && v >= 0 && v <= 100;

export function normaliseStream(stream: VolcStream): StreamEntry {
  return { userId: stream.UserId, index: stream.Index, streamType: resolve(stream.StreamType, 0) };
}

export function streamList(streams: { StreamList?: VolcStream[] | undefined } | undefined): StreamEntry[] {
  return (streams?.StreamList ?? []).map(normaliseStream);
}

function normaliseCanvas(task: VolcTask, custom: boolean): NormalisedCanvas {
  const canvas = task.Layout?.CustomLayout?.Canvas;
  const encode = task.Encode;
  const width = custom ? canvas?.Width : encode?.VideoWidth;
  const height = custom ? canvas?.Height : encode?.VideoHeight;
  // A size under one pixel cannot be drawn; it is out of range and Volcengine resets invalid
  // optional values to their defaults (the canvasSizeInvalid warning reports the value sent).
  const usable = (v: number | undefined) => (v !== undefined && v >= 1 && v <= PX_LIMIT ? v : undefined);
  return {
    width: resolve(usable(width), 640),
    height: resolve(usable(height), 480),
    background: resolve(canvas?.Background, '#000000'),
    backgroundImage: canvas?.BackgroundImage,
    sizeFrom: custom ? 'canvas' : 'encode',
  };
}

/** Far beyond any real canvas (max 1920), small enough that sums of two stay finite. */
const PX_LIMIT = 1e7;
const clampPx = (v: number) => Math.max(-PX_LIMIT, Math.min(PX_LIMIT, v));

/** One axis of a region: returns [pixels, ratio, read-as-pixels]. Always finite. */
function axis(value: number, size: number, model: CoordinateModel, isLocation: boolean): [number, number, boolean] {
  if (model === 'pixel') {
    const px = clampPx(value);
    return [px, px / size, false];
  }
  // 2020-12-01: ratios. A location above 1 can only have been meant as pixels (see reference §6.2).
  if (isLocation && value > 1) {
    const px = clampPx(value);
    return [px, px / size, true];
  }
  const px = clampPx(Math.round(value * size));
  return [px, px === Math.round(value * size) ? value : px / size, false];
}

function normaliseRegion(
  region: VolcRegion,
  arrayIndex: number,
  canvas: { width: number; height: number },
  version: ApiVersion,
  targets: StreamEntry[],
): Omit<NormalisedRegion, 'drawOrder'> {
  const model = coordinateModelOf(version);
  // (0, 1] until 2023-06-01; 2023-11-01 takes 0 (no rounding) too.
  const cornerOk = (v: number) => (version === '2023-11-01' ? v >= 0 : v > 0) && v <= 1;
  const missingRequired: string[] = [];
  const need = (key: keyof VolcRegion): number => {
    const v = region[key];
    if (typeof v === 'number') return v;
    missingRequired.push(String(key));
    return 0;
  };
  if (region.StreamIndex === undefined) missingRequired.push('StreamIndex');
  const [x, rx, xPx] = axis(region.LocationX ?? 0, canvas.width, model, true);
  const [y, ry, yPx] = axis(region.LocationY ?? 0, canvas.height, model, true);
  const w = model === 'pixel' ? need('Width') : need('WidthProportion');
  const h = model === 'pixel' ? need('Height') : need('HeightProportion');
  const [width, rw] = axis(w, canvas.width, model, false);
  const [height, rh] = axis(h, canvas.height, model, false);
  const rect: PixelRect = { x, y, width, height };
  const ratio: RatioRect = { x: rx, y: ry, width: rw, height: rh };
  const crop = region.SourceCrop;
  const pos = region.SpatialPosition;
  return {
    id: `r${arrayIndex}`,
    arrayIndex,
    streamIndex: region.StreamIndex,
    stream: targets.find((t) => t.index !== undefined && t.index === region.StreamIndex),
    rect,
    ratio,
    pixelsGivenAsRatio: xPx || yPx,
    missingRequired,
    zOrder: resolveValid(region.ZOrder, 0, zOrderOk),
    alpha: resolve(region.Alpha, 1),
    cornerRadius: resolveValid(region.CornerRadius, 0, cornerOk),
    renderMode: resolveValid(region.RenderMode, 0, oneOf(0, 1, 2, 3)),
    sourceCrop: {
      x: resolve(crop?.LocationX, 0),
      y: resolve(crop?.LocationY, 0),
      width: resolve(crop?.WidthProportion, 1),
      height: resolve(crop?.HeightProportion, 1),
    },
    alternateImage: region.AlternateImage,
    alternateImageFillMode: resolveValid(region.AlternateImageFillMode, 0, oneOf(0, 1)),
    mediaType: resolveValid(region.MediaType, 0, oneOf(0, 1, 2)),
    applySpatialAudio: resolve(region.ApplySpatialAudio, true),
    spatialPosition:
      pos && pos.length === 3
        ? { value: [pos[0] ?? 0, pos[1] ?? 0, pos[2] ?? 0] as const, defaulted: false }
        : { value: [0, 0, 0] as const, defaulted: true },
  };
}

/** Draw order: ZOrder ascending; equal ZOrder keeps Regions[] order (stable sort). */
export function inDrawOrder<T extends { zOrder: Resolved<number>; arrayIndex: number }>(regions: T[]): T[] {
  return [...regions].sort((a, b) => a.zOrder.value - b.zOrder.value || a.arrayIndex - b.arrayIndex);
}

/**
 * Turns a task's Layout, in either coordinate model, into one model: every region with its
 * rectangle in canvas pixels and in proportions, defaults applied and marked.
 */
export function normaliseLayout(task: VolcTask, version: ApiVersion): NormalisedLayout {
  const model = coordinateModelOf(version);
  const mode = resolve(task.Layout?.LayoutMode, 0);
  const custom = mode.value === CUSTOM;
  const canvas = normaliseCanvas(task, custom);
  const size = { width: canvas.width.value, height: canvas.height.value };
  const targets = streamList(task.TargetStreams);
  if (!custom) {
    const regions = templateRegions(mode.value, targets, task.Layout?.MainVideoStream, size);
    return { mode, model, canvas, regions, approximate: true };
  }
  const raw = task.Layout?.CustomLayout?.Regions ?? [];
  const regions = inDrawOrder(raw.map((r, i) => normaliseRegion(r, i, size, version, targets))).map(
    (r, drawOrder) => ({ ...r, drawOrder }),
  );
  return { mode, model, canvas, regions, approximate: false };
}
