import type { PixelRect, RatioRect } from '../../../shared/layout-model.ts';
import type { Size } from '../../../shared/layout-geometry.ts';
import type { SourceFrame } from '../../../shared/source-frame.ts';

/**
 * The source-frame view in panel pixels: on the left the assumed source frame with its SourceCrop
 * window (and, for RenderMode 1, the part that reaches the region); on the right the region with
 * where the picture lands and the bars. A reference circle (a "face") drawn in the source shows
 * what RenderMode does to shapes: it stays round unless the picture is stretched.
 */

export const SOURCE_ASPECTS = [
  { id: '16:9', size: { width: 16, height: 9 } },
  { id: '4:3', size: { width: 4, height: 3 } },
  { id: '1:1', size: { width: 1, height: 1 } },
  { id: '9:16', size: { width: 9, height: 16 } },
  { id: '21:9', size: { width: 21, height: 9 } },
] as const;
export type SourceAspectId = (typeof SOURCE_ASPECTS)[number]['id'];

export function aspectSize(id: SourceAspectId): Size {
  return SOURCE_ASPECTS.find((a) => a.id === id)?.size ?? { width: 16, height: 9 };
}

export interface Ellipse {
  x: number;
  y: number;
  rx: number;
  ry: number;
}

export interface SourceFrameDrawing {
  frame: PixelRect;
  cropWindow: PixelRect;
  /** The part of the frame that reaches the region (smaller than the crop only for RenderMode 1). */
  visibleWindow: PixelRect;
  face: Ellipse;
  region: PixelRect;
  content: PixelRect;
  bars: PixelRect[];
  /** The face as it lands in the region. */
  regionFace: Ellipse;
  /** Rule-of-thirds lines of the source, [x1, y1, x2, y2], in the frame and as they land in the region. */
  frameLines: number[][];
  regionLines: number[][];
}

/** `size` scaled to fit `box`, centred in it. */
export function fitInto(size: Size, box: Size): PixelRect {
  if (!(size.width > 0 && size.height > 0)) return { x: box.width / 2, y: box.height / 2, width: 0, height: 0 };
  const scale = Math.min(box.width / size.width, box.height / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height };
}

function inFrame(frame: PixelRect, r: RatioRect): PixelRect {
  return { x: frame.x + r.x * frame.width, y: frame.y + r.y * frame.height, width: r.width * frame.width, height: r.height * frame.height };
}

/** Face: centred, its diameter 60% of the frame's shorter side. */
const FACE = { u: 0.5, v: 0.5, share: 0.3 };

export function sourceFrameDrawing(result: SourceFrame, source: Size, regionRect: PixelRect, box: Size): SourceFrameDrawing {
  const frame = fitInto(source, box);
  const faceR = FACE.share * Math.min(frame.width, frame.height);
  const face = { x: frame.x + FACE.u * frame.width, y: frame.y + FACE.v * frame.height, rx: faceR, ry: faceR };
  const region = fitInto({ width: Math.max(0, regionRect.width), height: Math.max(0, regionRect.height) }, box);
  const k = regionRect.width > 0 ? region.width / regionRect.width : 0;
  // The source result is in the coordinates of the region rect passed to it: move it into the panel.
  const toPanel = (r: PixelRect): PixelRect => ({ x: region.x + (r.x - regionRect.x) * k, y: region.y + (r.y - regionRect.y) * k, width: r.width * k, height: r.height * k });
  const content = toPanel(result.content);
  const v = result.visible;
  // Source fraction (u, v) to panel pixels of the region: the visible window fills the content rect.
  const sx = v.width > 0 ? content.width / (v.width * frame.width) : 0;
  const sy = v.height > 0 ? content.height / (v.height * frame.height) : 0;
  const regionFace = {
    x: content.x + (FACE.u - v.x) * frame.width * sx,
    y: content.y + (FACE.v - v.y) * frame.height * sy,
    rx: faceR * sx,
    ry: faceR * sy,
  };
  const thirds = [1 / 3, 2 / 3];
  const rx = (u: number) => content.x + (u - v.x) * frame.width * sx;
  const ry = (w: number) => content.y + (w - v.y) * frame.height * sy;
  const frameLines = thirds.flatMap((f) => [
    [frame.x + f * frame.width, frame.y, frame.x + f * frame.width, frame.y + frame.height],
    [frame.x, frame.y + f * frame.height, frame.x + frame.width, frame.y + f * frame.height],
  ]);
  const regionLines = thirds.flatMap((f) => [
    [rx(f), ry(0), rx(f), ry(1)],
    [rx(0), ry(f), rx(1), ry(f)],
  ]);
  return {
    frameLines,
    regionLines,
    frame,
    cropWindow: inFrame(frame, result.crop.window),
    visibleWindow: inFrame(frame, v),
    face,
    region,
    content,
    bars: result.bars.map(toPanel),
    regionFace,
  };
}
