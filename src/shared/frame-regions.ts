import type { PixelRect } from './layout-model.ts';

/**
 * "Seen": a frozen frame of the output checked region by region. A region whose pixels are all
 * about the same dark value (or the canvas background colour) shows nobody: the mixer had no
 * picture for it, most often because the user is not publishing video. Pure, on RGBA pixels.
 */

/** RGBA pixels, row by row, as ImageData holds them. */
export interface PixelFrame {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

export type RegionVerdict = 'empty' | 'background' | 'picture' | 'offFrame';

export interface RegionLook {
  id: string;
  verdict: RegionVerdict;
  /** Mean luma (0 to 255, BT.601) of the pixels sampled; null when none were. */
  meanLuma: number | null;
  /** Standard deviation of the luma: how far from uniform the region is. */
  lumaSpread: number | null;
  samples: number;
}

/** At or below this mean luma a uniform region is dark: black, or a dark grey after compression. */
export const DARK_LUMA = 40;
/** At or below this spread of luma a region is uniform: compression noise, no picture. */
export const UNIFORM_SPREAD = 6;
/** How close (per channel, 0 to 255) a uniform region's colour must be to the canvas background. */
const BACKGROUND_DISTANCE = 16;
/** Pixels left out at each edge of a region: scaling blends a region's border with its neighbours. */
const EDGE_PX = 2;
/** Samples per side at most: enough to tell a face from a flat colour, few enough for any frame. */
const GRID = 48;

const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/** "#RRGGBB" as channel values; undefined for anything else. */
export function rgbOfHex(hex: string | null | undefined): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  return m ? [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)] : undefined;
}

/** The frame pixels of a rectangle given in canvas pixels, inset from its edges; undefined when nothing is left. */
function frameBox(rect: PixelRect, frame: PixelFrame, canvas: { width: number; height: number }) {
  const sx = frame.width / canvas.width;
  const sy = frame.height / canvas.height;
  const x0 = Math.max(0, Math.ceil(rect.x * sx) + EDGE_PX);
  const y0 = Math.max(0, Math.ceil(rect.y * sy) + EDGE_PX);
  const x1 = Math.min(frame.width, Math.floor((rect.x + rect.width) * sx) - EDGE_PX);
  const y1 = Math.min(frame.height, Math.floor((rect.y + rect.height) * sy) - EDGE_PX);
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : undefined;
}

/**
 * How one region looks in the frame: `rect` is in canvas pixels (the declared layout's), scaled
 * to the frame's size. `background` is the canvas background colour, when known.
 */
export function lookAtRegion(frame: PixelFrame, canvas: { width: number; height: number }, region: { id: string; rect: PixelRect }, background?: readonly [number, number, number]): RegionLook {
  const box = canvas.width > 0 && canvas.height > 0 ? frameBox(region.rect, frame, canvas) : undefined;
  if (box === undefined) return { id: region.id, verdict: 'offFrame', meanLuma: null, lumaSpread: null, samples: 0 };
  const stepX = Math.max(1, Math.floor((box.x1 - box.x0) / GRID));
  const stepY = Math.max(1, Math.floor((box.y1 - box.y0) / GRID));
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  const rgb = [0, 0, 0];
  for (let y = box.y0; y < box.y1; y += stepY) {
    for (let x = box.x0; x < box.x1; x += stepX) {
      const i = (y * frame.width + x) * 4;
      const r = frame.data[i] ?? 0;
      const g = frame.data[i + 1] ?? 0;
      const b = frame.data[i + 2] ?? 0;
      const l = luma(r, g, b);
      sum += l;
      sumSq += l * l;
      rgb[0]! += r;
      rgb[1]! += g;
      rgb[2]! += b;
      n += 1;
    }
  }
  const mean = sum / n;
  const spread = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
  const uniform = spread <= UNIFORM_SPREAD;
  const onBackground = background !== undefined && rgb.every((c, i) => Math.abs(c / n - (background[i] ?? 0)) <= BACKGROUND_DISTANCE);
  const verdict: RegionVerdict = !uniform ? 'picture' : mean <= DARK_LUMA ? 'empty' : onBackground ? 'background' : 'picture';
  return { id: region.id, verdict, meanLuma: Math.round(mean * 10) / 10, lumaSpread: Math.round(spread * 10) / 10, samples: n };
}

/** Every region of a layout in one frame, in the order given. */
export function lookAtRegions(frame: PixelFrame, canvas: { width: number; height: number }, regions: readonly { id: string; rect: PixelRect }[], background?: readonly [number, number, number]): RegionLook[] {
  return regions.map((r) => lookAtRegion(frame, canvas, r, background));
}
