import type { NormalisedLayout } from './layout-model.ts';
import { RECT_TOLERANCE_PX, type ComparisonDraft } from './output-compare-codes.ts';
import type { AppliedLayout, StreamFacts } from './output-api.ts';

/** Width and height in pixels. */
export interface PxSize {
  width: number;
  height: number;
}

const near = (a: PxSize, b: PxSize) => Math.abs(a.width - b.width) <= RECT_TOLERANCE_PX && Math.abs(a.height - b.height) <= RECT_TOLERANCE_PX;
const show = (s: PxSize) => `${s.width} × ${s.height}`;

/** The size the regions of the applied layout are laid out on: the SEI's canvas, else the stream's picture. */
export function appliedCanvasSize(applied: AppliedLayout, stream: StreamFacts): PxSize {
  return { width: applied.canvas.width ?? stream.width, height: applied.canvas.height ?? stream.height };
}

/** The fields the declared size comes from, and whether the task left them to their defaults. */
function declaredSizeSource(layout: NormalisedLayout): { source: string; defaulted: 0 | 1 } {
  const source = layout.canvas.sizeFrom === 'canvas' ? 'Layout.CustomLayout.Canvas' : 'Encode.VideoWidth/VideoHeight';
  return { source, defaulted: layout.canvas.width.defaulted || layout.canvas.height.defaulted ? 1 : 0 };
}

/**
 * The declared output size against the SEI's canvas and the stream's picture. When the SEI canvas
 * and the stream agree with each other, one warning says both (they are one difference).
 */
export function sizeChecks(layout: NormalisedLayout, applied: AppliedLayout, stream: StreamFacts): ComparisonDraft[] {
  const declared = { width: layout.canvas.width.value, height: layout.canvas.height.value };
  const picture = { width: stream.width, height: stream.height };
  const canvas = applied.canvas.width !== null && applied.canvas.height !== null ? { width: applied.canvas.width, height: applied.canvas.height } : undefined;
  const { source: field, defaulted } = declaredSizeSource(layout);
  const source = defaulted ? `${field}, not sent: the default` : field;
  const out: ComparisonDraft[] = [];
  const base = { declaredWidth: declared.width, declaredHeight: declared.height, source: field, defaulted };
  if (!near(declared, picture)) {
    const seiAgrees = canvas !== undefined && near(canvas, picture);
    const smaller = picture.width * picture.height < declared.width * declared.height;
    out.push({
      code: 'streamResolution', regionIds: [],
      params: { ...base, streamWidth: picture.width, streamHeight: picture.height, seiAgrees: seiAgrees ? 1 : 0 },
      message: `The task asks for a ${show(declared)} output (${source}); the stream is ${show(picture)}${seiAgrees ? ', and the layout SEI\'s canvas says the same' : ''}. ${smaller ? 'Viewers get fewer pixels than the layout was designed for: the mixer scaled the picture down.' : 'The mixer scaled the picture up.'}`,
      fix: 'Check the output size the task sends against the largest output your Volcengine RTC plan and region allow for mixing, and whether the task was updated since; a size the mixer cannot give is reduced, not rejected.',
    });
    if (seiAgrees) return out;
  }
  if (canvas !== undefined && !near(declared, canvas)) {
    out.push({
      code: 'appliedCanvasDiffers', regionIds: [],
      params: { ...base, appliedWidth: canvas.width, appliedHeight: canvas.height },
      message: `The task's canvas is ${show(declared)} (${source}); the layout SEI says the mixer laid the regions out on ${show(canvas)}. mixscope compares the regions after scaling the declared ones to that canvas.`,
      fix: 'Check that the task in force is the one you expect (an update may not have taken effect) and that the canvas size is within the documented range.',
    });
  }
  return out;
}
