/**
 * Where the output canvas sits on the stage, and how to capture it at its true pixel size.
 * The stage shows the canvas through a view (zoom and pan: screen = canvas × scale + offset),
 * so the capture rectangle is the canvas mapped through that transform, and the pixel ratio
 * undoes the scale: the PNG is Canvas.Width × Canvas.Height whatever the zoom.
 */

export interface CaptureRect {
  x: number;
  y: number;
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * `matrix` is a Konva transform [a, b, c, d, e, f] from canvas to stage pixels (no rotation or
 * skew in mixscope's view: a = d = scale, e and f the offset).
 */
export function captureRect(matrix: readonly number[], canvas: { width: number; height: number }): CaptureRect {
  const [a = 1, , , , e = 0, f = 0] = matrix;
  const scale = a > 0 && Number.isFinite(a) ? a : 1;
  return { x: e, y: f, width: canvas.width * scale, height: canvas.height * scale, pixelRatio: 1 / scale };
}

/** Pixels between the layout and a frozen frame of the output in one PNG. */
export const BESIDE_GAP_PX = 16;

/**
 * The PNG with a frozen frame of the output beside the layout: the layout at its true size on the
 * left, the frame scaled to the layout's height on the right (its aspect kept), a gap between.
 */
export function besideLayout(canvas: { width: number; height: number }, frame: { width: number; height: number }) {
  const height = canvas.height;
  const width = frame.height > 0 && frame.width > 0 ? Math.max(1, Math.round(frame.width * height / frame.height)) : 0;
  return { width: canvas.width + (width > 0 ? BESIDE_GAP_PX + width : 0), height, frame: { x: canvas.width + BESIDE_GAP_PX, y: 0, width, height } };
}
