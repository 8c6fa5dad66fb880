import type { Severity } from './layout-warnings.ts';
import { COMPARISON_CODES, COMPARISON_SEVERITY, RECT_TOLERANCE_PX, type ComparisonWarning } from './output-compare-codes.ts';
import { encodeChecks } from './output-compare-encode.ts';
import { regionChecks } from './output-compare-regions.ts';
import { appliedCanvasSize, sizeChecks } from './output-compare-size.ts';
import type { AppliedLayout, OutputComparison, StreamFacts } from './output-api.ts';
import type { TaskModel } from './task-model.ts';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface AppliedOutput {
  applied: AppliedLayout;
  stream: StreamFacts;
  /** Media time the stream facts were measured over, in ms. */
  mediaMs: number;
}

/**
 * Declared against applied: the task's layout and Encode against the layout SEI the mixer wrote
 * and the facts of the stream. Pure; an empty list means the output is what the task asks for.
 */
export function compareOutput(model: TaskModel, output: AppliedOutput): OutputComparison {
  const { layout } = model;
  const canvas = appliedCanvasSize(output.applied, output.stream);
  const drafts = [
    ...sizeChecks(layout, output.applied, output.stream),
    ...regionChecks(layout, output.applied, canvas, model.targets.map((t) => t.userId)),
    ...encodeChecks(model.task.Encode, output.stream, output.mediaMs),
  ];
  const drawOrder = new Map(layout.regions.map((r) => [r.id, r.drawOrder]));
  const position = (w: ComparisonWarning) => (w.regionIds[0] === undefined ? -1 : (drawOrder.get(w.regionIds[0]) ?? -1));
  const warnings = drafts
    .map(({ subject, ...d }): ComparisonWarning => ({ ...d, id: subject === undefined ? d.code : `${d.code}:${subject}`, severity: COMPARISON_SEVERITY[d.code] }))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || position(a) - position(b) || COMPARISON_CODES.indexOf(a.code) - COMPARISON_CODES.indexOf(b.code));
  return { tolerancePx: RECT_TOLERANCE_PX, warnings };
}
