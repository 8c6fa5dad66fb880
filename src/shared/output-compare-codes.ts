import type { LayoutWarning, Severity } from './layout-warnings.ts';

/**
 * The differences between the layout a task declares and the one Volcengine's mixer applied
 * (read from the SEI of its output), and between its Encode and the stream itself.
 *
 * Severity says what the viewer gets, as for layout warnings:
 *   error   - a participant the task places is not in the picture;
 *   warning - the picture differs from what the task asks for;
 *   info    - worth knowing (a reading mixscope had to interpret, a comparison it could not make).
 */
export const COMPARISON_CODES = [
  'appliedRegionMissing',
  'speakerNotShown',
  'appliedCanvasDiffers',
  'appliedRegionRect',
  'appliedRegionZOrder',
  'appliedRegionAlpha',
  'appliedRegionRenderMode',
  'appliedRegionExtra',
  'speakerNotDeclared',
  'streamResolution',
  'streamFrameRate',
  'streamGop',
  'streamBitrate',
  'appliedUnitsRatios',
  'declaredApproximate',
  'regionsWithoutUser',
] as const;

export type ComparisonCode = (typeof COMPARISON_CODES)[number];

export const COMPARISON_SEVERITY: Readonly<Record<ComparisonCode, Severity>> = {
  appliedRegionMissing: 'error',
  speakerNotShown: 'warning',
  appliedCanvasDiffers: 'warning',
  appliedRegionRect: 'warning',
  appliedRegionZOrder: 'warning',
  appliedRegionAlpha: 'warning',
  appliedRegionRenderMode: 'warning',
  appliedRegionExtra: 'warning',
  speakerNotDeclared: 'warning',
  streamResolution: 'warning',
  streamFrameRate: 'warning',
  streamGop: 'warning',
  streamBitrate: 'info',
  appliedUnitsRatios: 'info',
  declaredApproximate: 'info',
  regionsWithoutUser: 'info',
};

/** A difference in the same shape as a layout warning, so one list can show both. */
export interface ComparisonWarning extends Omit<LayoutWarning, 'code'> {
  code: ComparisonCode;
}

export interface ComparisonDraft {
  code: ComparisonCode;
  /** What the difference is about when a code can occur more than once: a user id. */
  subject?: string;
  /** Declared regions concerned (ids of the normalised layout), the one it is about first. */
  regionIds: string[];
  message: string;
  fix: string;
  params: Record<string, string | number>;
}

/**
 * Rectangles are compared in output pixels and may differ by this much: the mixer rounds a
 * proportion to whole pixels, and a scaled canvas rounds once more.
 */
export const RECT_TOLERANCE_PX = 2;
