import type { NormalisedRegion, PixelRect, Resolved, StreamEntry } from './layout-model.ts';
import type { VolcStream } from './volc-task-schema.ts';

/**
 * Approximations of the server-side templates for LayoutMode 0 (adaptive), 1 (vertical) and
 * 3 (side by side). Volcengine documents them only as pictures, so the UI always marks these
 * drawings as approximate.
 */
const ADAPTIVE = 0;
const VERTICAL = 1;

function fixed<T>(value: T): Resolved<T> {
  return { value, defaulted: true };
}

function gridCells(n: number, size: { width: number; height: number }): PixelRect[] {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const w = Math.floor(size.width / cols);
  const h = Math.floor(size.height / rows);
  return Array.from({ length: n }, (_, i) => ({ x: (i % cols) * w, y: Math.floor(i / cols) * h, width: w, height: h }));
}

/** Main picture on top, the others in a row beneath it. */
function mainWithStrip(n: number, size: { width: number; height: number }, vertical: boolean): PixelRect[] {
  if (n <= 1) return [{ x: 0, y: 0, width: size.width, height: size.height }];
  const others = n - 1;
  if (vertical) {
    // Vertical layout: the main picture fills the canvas, the others stack down the right edge.
    const h = Math.floor(size.height / Math.max(others, 4));
    const w = Math.floor((h * 16) / 9);
    return [
      { x: 0, y: 0, width: size.width, height: size.height },
      ...Array.from({ length: others }, (_, i) => ({ x: size.width - w, y: i * h, width: w, height: h })),
    ];
  }
  // Side by side: the main picture takes the left two thirds, the others share the right third.
  const mainW = Math.floor((size.width * 2) / 3);
  const h = Math.floor(size.height / others);
  return [
    { x: 0, y: 0, width: mainW, height: size.height },
    ...Array.from({ length: others }, (_, i) => ({ x: mainW, y: i * h, width: size.width - mainW, height: h })),
  ];
}

export function templateRegions(
  mode: number,
  targets: StreamEntry[],
  main: VolcStream | undefined,
  size: { width: number; height: number },
): NormalisedRegion[] {
  if (targets.length === 0) return [];
  const mainIdx = main ? targets.findIndex((t) => t.userId === main.UserId && t.streamType.value === (main.StreamType ?? 0)) : -1;
  const ordered = mainIdx > 0 ? [targets[mainIdx]!, ...targets.filter((_, i) => i !== mainIdx)] : targets;
  const rects = mode === ADAPTIVE ? gridCells(ordered.length, size) : mainWithStrip(ordered.length, size, mode === VERTICAL);
  return ordered.map((stream, i) => {
    const rect = rects[i] ?? { x: 0, y: 0, width: 0, height: 0 };
    return {
      id: `t${i}`,
      arrayIndex: i,
      drawOrder: i,
      streamIndex: stream.index,
      stream,
      rect,
      ratio: { x: rect.x / size.width, y: rect.y / size.height, width: rect.width / size.width, height: rect.height / size.height },
      pixelsGivenAsRatio: false,
      missingRequired: [],
      zOrder: fixed(mode === VERTICAL && i > 0 ? 1 : 0),
      alpha: fixed(1),
      cornerRadius: fixed(0),
      renderMode: fixed(1),
      sourceCrop: { x: fixed(0), y: fixed(0), width: fixed(1), height: fixed(1) },
      alternateImage: undefined,
      alternateImageFillMode: fixed(0),
      mediaType: fixed(0),
      applySpatialAudio: fixed(true),
      spatialPosition: fixed([0, 0, 0] as const),
    };
  });
}
