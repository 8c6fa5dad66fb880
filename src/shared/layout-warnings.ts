import type { TaskModel } from './task-model.ts';
import { regionWarnings } from './layout-warnings-regions.ts';
import { overlapWarnings } from './layout-warnings-overlap.ts';
import { streamWarnings } from './layout-warnings-streams.ts';
import { canvasWarnings, parseIssueWarnings } from './layout-warnings-canvas.ts';
import { sourceWarnings } from './layout-warnings-source.ts';
import type { Size } from './layout-geometry.ts';
import { DEFAULT_SOURCE } from './source-frame.ts';

/**
 * Everything in a task's layout that explains "my participant is missing / cut / invisible",
 * each with a severity and a fix in plain words. Pure: the model in, a sorted list out.
 *
 * Severity says what the viewer gets:
 *   error   - a participant is not seen, or Volcengine rejects the layout (InvalidParameter);
 *   warning - the mix differs from what the task asks for (a value reset or ignored, an order
 *             Volcengine does not document, most of a picture hidden);
 *   info    - worth knowing, nothing is wrong.
 */
export const WARNING_CODES = [
  'offCanvasFully',
  'offCanvasPartly',
  'hiddenFully',
  'hiddenPartly',
  'equalZOrderOverlap',
  'alphaOutOfRange',
  'alphaTooLow',
  'zeroSize',
  'missingRequired',
  'cropOutsideFrame',
  'cropEmpty',
  'cornerRadiusIgnored',
  'valueReset',
  'sourceCroppedAway',
  'sourceStretched',
  'cropAspectCut',
  'cropAspectBars',
  'pixelsGivenAsRatio',
  'streamIndexUnmatched',
  'targetWithoutRegion',
  'targetedAndExcluded',
  'duplicateTargetIndex',
  'duplicateStreamIndex',
  'tooManyRegions',
  'tooManyStreams',
  'targetsEmpty',
  'canvasSizeInvalid',
  'encodeSizeIgnored',
  'approximateLayout',
  'parseIssue',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];
export type Severity = 'error' | 'warning' | 'info';

export interface LayoutWarning {
  /** `code` or `code:subject`, stable across polls of the same task (a key for React and i18n). */
  id: string;
  code: WarningCode;
  severity: Severity;
  /** The regions concerned, the one the warning is about first. */
  regionIds: string[];
  /** What is wrong, in plain English. */
  message: string;
  /** How to fix it, in plain English. */
  fix: string;
  /** The values in the message, for translations. */
  params: Record<string, string | number>;
}

/** What a check produces; the id and severity are added here so that they follow one rule. */
export interface WarningDraft {
  code: WarningCode;
  /** What the warning is about when a code can occur more than once: a region id, a field path. */
  subject?: string;
  regionIds: string[];
  message: string;
  fix: string;
  params: Record<string, string | number>;
}

export const SEVERITY: Readonly<Record<WarningCode, Severity>> = {
  offCanvasFully: 'error',
  offCanvasPartly: 'warning',
  hiddenFully: 'error',
  hiddenPartly: 'warning',
  equalZOrderOverlap: 'warning',
  alphaOutOfRange: 'warning',
  alphaTooLow: 'warning',
  zeroSize: 'error',
  missingRequired: 'error',
  cropOutsideFrame: 'warning',
  cropEmpty: 'warning',
  cornerRadiusIgnored: 'warning',
  valueReset: 'warning',
  sourceCroppedAway: 'warning',
  sourceStretched: 'warning',
  cropAspectCut: 'warning',
  cropAspectBars: 'info',
  pixelsGivenAsRatio: 'warning',
  streamIndexUnmatched: 'error',
  targetWithoutRegion: 'error',
  targetedAndExcluded: 'warning',
  duplicateTargetIndex: 'error',
  duplicateStreamIndex: 'error',
  tooManyRegions: 'error',
  tooManyStreams: 'error',
  targetsEmpty: 'info',
  canvasSizeInvalid: 'error',
  encodeSizeIgnored: 'info',
  approximateLayout: 'info',
  parseIssue: 'warning',
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface WarningOptions {
  /** The aspect assumed for every source frame (the task does not say); 16:9 by default. */
  source?: Size;
}

/** Every warning for a task, errors first, then by the draw order of the region concerned. */
export function layoutWarnings(model: TaskModel, { source = DEFAULT_SOURCE }: WarningOptions = {}): LayoutWarning[] {
  const drafts = [
    ...canvasWarnings(model),
    ...streamWarnings(model),
    ...regionWarnings(model),
    ...sourceWarnings(model, source),
    ...overlapWarnings(model.layout),
    ...parseIssueWarnings(model),
  ];
  const drawOrder = new Map(model.layout.regions.map((r) => [r.id, r.drawOrder]));
  // Task-wide warnings (no region) come before region ones of the same severity.
  const position = (w: LayoutWarning) => (w.regionIds[0] === undefined ? -1 : (drawOrder.get(w.regionIds[0]) ?? -1));
  // The sort is stable: ties keep the order the checks found them in (Width before Height, ...).
  return drafts
    .map(({ subject, ...d }): LayoutWarning => ({ ...d, id: subject === undefined ? d.code : `${d.code}:${subject}`, severity: SEVERITY[d.code] }))
    .sort(
      (a, b) =>
        RANK[a.severity] - RANK[b.severity] ||
        position(a) - position(b) ||
        WARNING_CODES.indexOf(a.code) - WARNING_CODES.indexOf(b.code),
    );
}
