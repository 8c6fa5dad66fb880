import type { Stage } from 'konva/lib/Stage';
import { insertTextChunk } from '../../../shared/png-text-chunk.ts';
import { besideLayout, captureRect } from './export-geometry.ts';

export class ExportError extends Error {
  constructor(readonly reason: 'noCanvas' | 'tainted' | 'encode', message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ExportError('encode', 'the browser produced no PNG'))), 'image/png');
    } catch (e) {
      // A cross-origin image without CORS taints the canvas: the browser refuses to encode it.
      reject(e instanceof DOMException && e.name === 'SecurityError' ? new ExportError('tainted', e.message) : e);
    }
  });
}

/**
 * The stage's drawing of the output canvas at Canvas.Width × Canvas.Height pixels, whatever the
 * zoom and pan, without the selection highlight, as a PNG with `text` in its mixscope chunk; a
 * frozen frame of the output, when given, beside it.
 */
export async function stageToPng(stage: Stage, canvas: { width: number; height: number }, text: string, frame?: HTMLCanvasElement | null): Promise<Uint8Array> {
  const layers = stage.getLayers();
  const first = layers[0];
  if (!first || !(canvas.width > 0 && canvas.height > 0)) throw new ExportError('noCanvas', 'nothing is drawn');
  const rect = captureRect(first.getAbsoluteTransform().getMatrix(), canvas);
  const hidden = layers.filter((l) => l.visible() && /highlight/i.test(l.name()));
  hidden.forEach((l) => l.visible(false));
  let drawn: HTMLCanvasElement;
  try {
    drawn = stage.toCanvas(rect);
  } finally {
    hidden.forEach((l) => l.visible(true));
  }
  // toCanvas sizes its canvas with floating-point maths; copy it onto one of exactly the right size.
  const size = frame ? besideLayout(canvas, frame) : undefined;
  const out = document.createElement('canvas');
  out.width = size?.width ?? canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new ExportError('encode', 'no 2d context');
  ctx.drawImage(drawn, 0, 0, canvas.width, canvas.height);
  if (frame && size) ctx.drawImage(frame, size.frame.x, size.frame.y, size.frame.width, size.frame.height);
  const bytes = new Uint8Array(await (await toBlob(out)).arrayBuffer());
  const withText = insertTextChunk(bytes, text);
  if (!withText.ok) throw new ExportError('encode', `the browser's PNG could not carry the task (${withText.error})`);
  return withText.png;
}
