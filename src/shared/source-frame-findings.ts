import type { NormalisedRegion } from './layout-model.ts';
import type { Size } from './layout-geometry.ts';
import { DEFAULT_SOURCE, regionSourceFrame, renderSummary, type RenderSummary, type SourceFrame } from './source-frame.ts';

/**
 * What is wrong with what a region shows of its source, judged once for the warnings list and the
 * source-frame view alike. The source's aspect is an assumption (16:9 unless the user picks
 * another): the task does not say what the publisher sends.
 */

/** Under a quarter of the source frame reaching the region reads as "cropped almost away". */
export const SOURCE_USED_MIN = 0.25;
/** RenderMode 0/3 stretching one axis more than 10 % against the other is visible on faces. */
export const STRETCH_LIMIT = 1.1;

export interface SourceFindings {
  frame: SourceFrame;
  summary: RenderSummary;
  /** Less than SOURCE_USED_MIN of the source frame's area reaches the region. */
  croppedAway: boolean;
  /** RenderMode 0/3 distorts by more than STRETCH_LIMIT: how much, and which way. */
  stretch: { factor: number; direction: 'wide' | 'tall' } | undefined;
  /**
   * A SourceCrop the task sent whose shape is off the region's by more than STRETCH_LIMIT: RenderMode 1
   * then cuts part of the window away, RenderMode 2 pads it with bars. (Modes 0/3 stretch instead.)
   */
  cropAspect: { effect: 'cut'; share: number } | { effect: 'bars'; share: number } | undefined;
}

const isSent = (region: NormalisedRegion) => Object.values(region.sourceCrop).some((v) => !v.defaulted);

/** A shape ratio (≥ 1 either way) from the share of a side that survives: kept = 1 / ratio. */
const ratioFromKept = (kept: number) => (kept > 0 ? 1 / kept : Infinity);

export function sourceFindings(region: NormalisedRegion, source: Size = DEFAULT_SOURCE): SourceFindings {
  const frame = regionSourceFrame(region, source);
  const summary = renderSummary(frame);
  const d = summary.distortion;
  const factor = Math.max(d, 1 / d);
  const stretch = frame.kind === 'stretch' && factor > STRETCH_LIMIT ? { factor, direction: d > 1 ? 'wide' as const : 'tall' as const } : undefined;
  let cropAspect: SourceFindings['cropAspect'];
  if (isSent(region)) {
    const cut = Math.max(summary.cut.x, summary.cut.y);
    if (frame.kind === 'cropFill' && ratioFromKept(1 - cut) > STRETCH_LIMIT) cropAspect = { effect: 'cut', share: cut };
    if (frame.kind === 'fit' && ratioFromKept(1 - summary.barShare) > STRETCH_LIMIT) cropAspect = { effect: 'bars', share: summary.barShare };
  }
  return { frame, summary, croppedAway: summary.sourceUsed < SOURCE_USED_MIN, stretch, cropAspect };
}

/** "16:9" for a source size given as its aspect. */
export function aspectText(source: Size): string {
  return `${source.width}:${source.height}`;
}
