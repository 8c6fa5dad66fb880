import { capitalise, countOf, num } from './layout-warning-text.ts';
import type { WarningDraft } from './layout-warnings.ts';
import { checkRange, type FieldSpec } from './volc-field-specs.ts';
import { LAYOUT_MODE, describeEnum } from './volc-enums.ts';
import type { TaskModel } from './task-model.ts';

/** Canvas.Width/Height and Encode.VideoWidth/Height share one documented rule. */
const SIZE_RULE: Omit<FieldSpec, 'key'> = { min: 2, max: 1920, even: true };
const DEFAULT_SIZE = { width: 640, height: 480 };

function nearestValid(value: number): number {
  const even = Math.round(value / 2) * 2;
  return Math.min(SIZE_RULE.max ?? 1920, Math.max(SIZE_RULE.min ?? 2, even));
}

function sizeChecks(model: TaskModel): WarningDraft[] {
  const { canvas } = model.layout;
  const custom = canvas.sizeFrom === 'canvas';
  const source = custom
    ? { Width: model.task.Layout?.CustomLayout?.Canvas?.Width, Height: model.task.Layout?.CustomLayout?.Canvas?.Height }
    : { Width: model.task.Encode?.VideoWidth, Height: model.task.Encode?.VideoHeight };
  const out: WarningDraft[] = [];
  for (const axis of ['Width', 'Height'] as const) {
    const value = source[axis];
    if (value === undefined) continue;
    const verdict = checkRange({ key: axis, ...SIZE_RULE }, value);
    if (verdict === 'ok') continue;
    const field = custom ? `Canvas.${axis}` : `Encode.Video${axis}`;
    const fallback = axis === 'Width' ? DEFAULT_SIZE.width : DEFAULT_SIZE.height;
    const drawn = axis === 'Width' ? canvas.width.value : canvas.height.value;
    const why = verdict === 'odd' ? 'odd' : verdict === 'below' ? 'below 2' : 'above 1920';
    out.push({
      code: 'canvasSizeInvalid', subject: field, regionIds: [],
      params: { field, value, default: fallback, drawn, suggestion: nearestValid(value) },
      message: `${field} is ${num(value)}, which is ${why}: the output size must be an even number of pixels in [2, 1920]. Volcengine resets an invalid value to the default ${fallback}, so the mix may not have the size drawn here (${drawn} px).`,
      fix: `Set ${field} to an even number between 2 and 1920, e.g. ${nearestValid(value)}.`,
    });
  }
  return out;
}

function encodeIgnoredCheck(model: TaskModel): WarningDraft[] {
  const { canvas } = model.layout;
  if (canvas.sizeFrom !== 'canvas') return [];
  const ew = model.task.Encode?.VideoWidth;
  const eh = model.task.Encode?.VideoHeight;
  // Equal sizes change nothing, so only a difference is worth a line (the documented example has one of each).
  const differs = (ew !== undefined && ew !== canvas.width.value) || (eh !== undefined && eh !== canvas.height.value);
  if (!differs) return [];
  const encode = `${ew ?? '(unset)'} × ${eh ?? '(unset)'}`;
  const size = `${canvas.width.value} × ${canvas.height.value}`;
  return [{
    code: 'encodeSizeIgnored', regionIds: [], params: { encode, canvas: size },
    message: `Encode.VideoWidth × VideoHeight (${encode}) is ignored under a custom layout: the mix is ${size}, the Canvas size${canvas.width.defaulted || canvas.height.defaulted ? ' (Canvas default)' : ''}.`,
    fix: 'Set the output size in Layout.CustomLayout.Canvas; make Encode match it or leave it out to avoid confusion.',
  }];
}

function approximateCheck(model: TaskModel): WarningDraft[] {
  const { layout } = model;
  if (!layout.approximate) return [];
  const mode = describeEnum(LAYOUT_MODE, layout.mode.value);
  return [{
    code: 'approximateLayout', regionIds: [], params: { mode: layout.mode.value, modeName: mode.label, streams: layout.regions.length },
    message: `LayoutMode ${layout.mode.value} (${mode.label}${layout.mode.defaulted ? ', the default' : ''}) is laid out by Volcengine's own templates, which it documents only as pictures: the canvas shows an approximation for ${countOf(layout.regions.length, 'stream')}, not the exact picture.`,
    fix: 'Nothing to fix. Use a custom layout (LayoutMode 2) to control where every stream goes.',
  }];
}

export function canvasWarnings(model: TaskModel): WarningDraft[] {
  return [...sizeChecks(model), ...encodeIgnoredCheck(model), ...approximateCheck(model)];
}

const REGION_PATH = /^Layout\.CustomLayout\.Regions\[(\d+)\](.*)$/;

/**
 * Fields the parser ignored. A region element that is not an object is dropped, which shifts the
 * later regions' ids (r<n> counts kept elements), so the issue path is mapped the same way.
 */
export function parseIssueWarnings(model: TaskModel): WarningDraft[] {
  const dropped = model.issues.flatMap((i) => {
    const m = REGION_PATH.exec(i.path);
    return m && m[2] === '' ? [Number(m[1])] : [];
  });
  const ids = new Set(model.layout.approximate ? [] : model.layout.regions.map((r) => r.id));
  return model.issues.map((issue) => {
    const m = REGION_PATH.exec(issue.path);
    const raw = m ? Number(m[1]) : -1;
    const id = m && m[2] !== '' ? `r${raw - dropped.filter((d) => d < raw).length}` : undefined;
    return {
      code: 'parseIssue' as const, subject: issue.path,
      regionIds: id !== undefined && ids.has(id) ? [id] : [],
      params: { path: issue.path, detail: issue.message, expected: issue.expected, got: issue.got },
      message: `${issue.path}: ${capitalise(issue.message)}`,
      fix: `Send ${issue.path} with the type and range the Volcengine docs give; until then the default is shown.`,
    };
  });
}
