import { z } from 'zod';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphInk } from './bitmap-font.ts';

/**
 * The simulated mixer's picture: the canvas background, then each region in ZOrder as a block of
 * its user's colour with the user id printed on it, blended with the region's Alpha. The picture
 * is what the layout SEI describes, so the video and the applied layout agree.
 */

export interface SceneRegion {
  /** What the region shows: its user id, and 'screen' for a screen share. Also picks its colour. */
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  zorder: number;
  /** 0 (transparent) to 1 (opaque). */
  alpha: number;
}

export interface OutputScene {
  /** '#RRGGBB'. */
  background: string;
  regions: readonly SceneRegion[];
}

const SeiSceneSchema = z.object({
  canvas: z.object({ bgnd: z.string().catch('#000000') }).catch({ bgnd: '#000000' }),
  regions: z.array(z.object({
    uid: z.string().catch(''), x: z.number().catch(0), y: z.number().catch(0), w: z.number().catch(0), h: z.number().catch(0),
    zorder: z.number().catch(0), alpha: z.number().catch(1),
  })).catch([]),
});

/** The scene a layout SEI's JSON describes, for a spec that gives no scene of its own; what cannot be read is left out. */
export function sceneFromSeiJson(json: string): OutputScene {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = {};
  }
  const parsed = SeiSceneSchema.safeParse(value);
  if (!parsed.success) return { background: '#000000', regions: [] };
  return { background: parsed.data.canvas.bgnd, regions: parsed.data.regions.map(({ uid, ...r }) => ({ label: uid, ...r })) };
}

/** A 4:2:0 picture in whole macroblocks: width and height are multiples of 16, the shown size inside. */
export interface Yuv420 {
  width: number;
  height: number;
  shownWidth: number;
  shownHeight: number;
  y: Uint8Array;
  u: Uint8Array;
  v: Uint8Array;
}

type Rgb = readonly [number, number, number];

export function parseHexColour(text: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(text.trim());
  const n = m?.[1] === undefined ? 0 : parseInt(m[1], 16);
  return [n >> 16 & 0xff, n >> 8 & 0xff, n & 0xff];
}

/** A stable, fairly saturated colour per label, so the same stream looks the same every time. */
export function labelColour(label: string): Rgb {
  let hash = 2166136261;
  for (const ch of label) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 16777619);
  // Mix the bits so ids that differ in their last letter still land on different hues.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  hash = (hash ^ (hash >>> 16)) >>> 0;
  const hue = (hash % 360) / 60;
  const c = 0.55 * 255;
  const x = c * (1 - Math.abs(hue % 2 - 1));
  const base = 0.2 * 255;
  const [r, g, b] = hue < 1 ? [c, x, 0] : hue < 2 ? [x, c, 0] : hue < 3 ? [0, c, x] : hue < 4 ? [0, x, c] : hue < 5 ? [x, 0, c] : [c, 0, x];
  return [Math.round(r + base), Math.round(g + base), Math.round(b + base)];
}

/** BT.601 limited range, the colour space a decoder assumes when the stream does not say. */
export function rgbToYuv([r, g, b]: Rgb): Rgb {
  return [
    Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255),
    Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255),
    Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255),
  ];
}

/** Where the label goes in a region: the largest whole scale that fits, centred; characters that never fit are cut. */
export function labelPlacement(region: SceneRegion): { text: string; scale: number; x: number; y: number } {
  const advance = GLYPH_WIDTH + 1;
  const fitChars = Math.max(0, Math.floor((region.w - 2) / advance));
  const text = region.label.slice(0, fitChars);
  const scale = Math.max(1, Math.min(Math.floor(region.w * 0.7 / (advance * Math.max(1, text.length))), Math.floor(region.h / 12 / (GLYPH_HEIGHT + 1))));
  const width = text.length * advance * scale - scale;
  return { text, scale, x: region.x + Math.floor((region.w - width) / 2), y: region.y + Math.floor((region.h - GLYPH_HEIGHT * scale) / 2) };
}

const pack = ([r, g, b]: Rgb): number => (r << 16) | (g << 8) | b;
const unpack = (n: number): Rgb => [n >> 16 & 0xff, n >> 8 & 0xff, n & 0xff];

/** src over dst at alpha, remembered per dst colour: a flat picture has few of them. */
function blender(src: number, alpha: number): (dst: number) => number {
  if (alpha >= 1) return () => src;
  const seen = new Map<number, number>();
  const s = unpack(src);
  return (dst) => {
    let out = seen.get(dst);
    if (out === undefined) {
      const d = unpack(dst);
      const mix = (c: 0 | 1 | 2) => Math.round(s[c] * alpha + d[c] * (1 - alpha));
      out = pack([mix(0), mix(1), mix(2)]);
      seen.set(dst, out);
    }
    return out;
  };
}

function drawRegion(picture: Uint32Array, width: number, height: number, region: SceneRegion): void {
  const alpha = Math.min(1, Math.max(0, region.alpha));
  if (alpha === 0) return;
  const fill = labelColour(region.label);
  const lum = 0.299 * fill[0] + 0.587 * fill[1] + 0.114 * fill[2];
  const overFill = blender(pack(fill), alpha);
  const overInk = blender(pack(lum > 140 ? [16, 16, 16] : [255, 255, 255]), alpha);
  const label = labelPlacement(region);
  const advance = (GLYPH_WIDTH + 1) * label.scale;
  const labelRight = label.x + label.text.length * advance;
  const x0 = Math.max(0, region.x);
  const y0 = Math.max(0, region.y);
  const x1 = Math.min(width, region.x + region.w);
  const y1 = Math.min(height, region.y + region.h);
  for (let y = y0; y < y1; y += 1) {
    const row = Math.floor((y - label.y) / label.scale);
    if (row < 0 || row >= GLYPH_HEIGHT) {
      // Rows without ink: one colour over the whole span, the common case.
      if (alpha >= 1) picture.fill(overFill(0), y * width + x0, y * width + x1);
      else for (let at = y * width + x0; at < y * width + x1; at += 1) picture[at] = overFill(picture[at] ?? 0);
      continue;
    }
    for (let x = x0, at = y * width + x0; x < x1; x += 1, at += 1) {
      const dx = x - label.x;
      const char = dx >= 0 && x < labelRight ? label.text[Math.floor(dx / advance)] : undefined;
      const isInk = char !== undefined && glyphInk(char, Math.floor((dx % advance) / label.scale), row);
      picture[at] = (isInk ? overInk : overFill)(picture[at] ?? 0);
    }
  }
}

/** The scene composed at width×height (even), converted to 4:2:0 and padded to whole macroblocks by repeating the edge. */
export function renderScene(scene: OutputScene, width: number, height: number): Yuv420 {
  const picture = new Uint32Array(width * height).fill(pack(parseHexColour(scene.background)));
  const ordered = scene.regions.map((r, i) => ({ r, i })).sort((a, b) => a.r.zorder - b.r.zorder || a.i - b.i);
  for (const { r } of ordered) drawRegion(picture, width, height, r);

  const codedW = Math.ceil(width / 16) * 16;
  const codedH = Math.ceil(height / 16) * 16;
  const y = new Uint8Array(codedW * codedH);
  const u = new Uint8Array(codedW * codedH / 4);
  const v = new Uint8Array(codedW * codedH / 4);
  const yuvOf = new Map<number, Rgb>();
  const yuvAt = (px: number, py: number): Rgb => {
    const rgb = picture[Math.min(py, height - 1) * width + Math.min(px, width - 1)] ?? 0;
    let yuv = yuvOf.get(rgb);
    if (yuv === undefined) {
      yuv = rgbToYuv(unpack(rgb));
      yuvOf.set(rgb, yuv);
    }
    return yuv;
  };
  for (let py = 0; py < codedH; py += 2) {
    for (let px = 0; px < codedW; px += 2) {
      const a = yuvAt(px, py);
      const b = yuvAt(px + 1, py);
      const c = yuvAt(px, py + 1);
      const d = yuvAt(px + 1, py + 1);
      y[py * codedW + px] = a[0];
      y[py * codedW + px + 1] = b[0];
      y[(py + 1) * codedW + px] = c[0];
      y[(py + 1) * codedW + px + 1] = d[0];
      const ci = (py / 2) * (codedW / 2) + px / 2;
      u[ci] = Math.round((a[1] + b[1] + c[1] + d[1]) / 4);
      v[ci] = Math.round((a[2] + b[2] + c[2] + d[2]) / 4);
    }
  }
  return { width: codedW, height: codedH, shownWidth: width, shownHeight: height, y, u, v };
}
