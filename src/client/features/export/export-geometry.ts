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
