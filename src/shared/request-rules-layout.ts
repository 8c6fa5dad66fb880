import { MAX_STREAMS_CUSTOM, MAX_STREAMS_OTHER } from './layout-warnings-streams.ts';
import { regionRules, type CanvasSize } from './request-rules-region.ts';
import { streamEntries, streamRules } from './request-rules-sections.ts';
import {
  checkValue, isInt, isObj, join, sectionRules, shown, unknownKeys, type Obj, type RuleContext, type RuleDraft, type ValueSpec,
} from './request-rules-values.ts';
import { LAYOUT_MODE } from './volc-enums.ts';

/** Rules for Layout: mode, canvas, regions, and the one-to-one mapping of regions to streams. */

const CUSTOM = 2;
const REGIONS = 'Layout.CustomLayout.Regions';

const CANVAS_SPECS: ValueSpec[] = [
  { key: 'Width', unit: 'px', default: 640, min: 2, max: 1920, even: true, integer: true },
  { key: 'Height', unit: 'px', default: 480, min: 2, max: 1920, even: true, integer: true },
  { key: 'Background', type: 'string', default: '#000000', pattern: { re: /^#[0-9a-fA-F]{6}$/, text: '#RRGGBB' } },
  { key: 'BackgroundImage', type: 'string', maxLength: 1024 },
];
const LAYOUT_MODE_SPEC: ValueSpec = { key: 'LayoutMode', default: 0, enum: LAYOUT_MODE, integer: true };
// Deprecated, 2020-12-01 only; left out, a random stream is the main one.
const MAIN_VIDEO_STREAM_INDEX_SPEC: ValueSpec = { key: 'MainVideoStreamIndex', integer: true, versions: ['2020-12-01'] };

/** The canvas the regions are measured on: the sent size when valid, else the default; unknown for an update that sends none. */
function canvasSize(canvas: unknown, knownDefault: boolean): CanvasSize | undefined {
  const c = isObj(canvas) ? canvas : {};
  const side = (key: 'Width' | 'Height', fallback: number) => {
    const spec = CANVAS_SPECS.find((s) => s.key === key);
    return spec && c[key] !== undefined && !checkValue(spec, c[key], key) && isInt(c[key]) ? c[key] : fallback;
  };
  if (!knownDefault && (c['Width'] === undefined || c['Height'] === undefined)) return undefined;
  return { width: side('Width', 640), height: side('Height', 480) };
}

/** Regions ↔ TargetStreams: Volcengine requires them one-to-one by Index, else InvalidParameter. */
function mappingRules(regions: readonly unknown[], targets: readonly unknown[]): RuleDraft[] {
  const out: RuleDraft[] = [];
  const indexOf = (r: unknown) => (isObj(r) && isInt(r['StreamIndex']) ? r['StreamIndex'] : undefined);
  const targetIndexes = new Set(targets.flatMap((t) => (isObj(t) && isInt(t['Index']) ? [t['Index']] : [])));
  const used = new Map<number, number>();
  regions.forEach((r, i) => {
    const index = indexOf(r);
    if (index === undefined) return;
    used.set(index, (used.get(index) ?? 0) + 1);
    if (!targetIndexes.has(index)) out.push({ code: 'regionUnmatched', path: join(join(REGIONS, i), 'StreamIndex'), params: { streamIndex: index } });
  });
  for (const [streamIndex, count] of used) if (count > 1) out.push({ code: 'duplicateStreamIndex', path: REGIONS, params: { streamIndex, count } });
  targets.forEach((t, i) => {
    if (!isObj(t)) return;
    const path = `TargetStreams.StreamList[${i}]`;
    const userId = typeof t['UserId'] === 'string' ? t['UserId'] : shown(t['UserId']);
    const index = t['Index'];
    if (!isInt(index)) out.push({ code: 'targetWithoutIndex', path, params: { userId } });
    else if (!used.has(index)) out.push({ code: 'targetWithoutRegion', path, params: { userId, index } });
  });
  return out;
}

/**
 * The rules that need regions and streams together: the stream count for the layout mode (30 in a
 * custom layout, 17 in the others), the region count, and in a custom layout the one-to-one
 * mapping of Regions[].StreamIndex to TargetStreams indexes. Every one is InvalidParameter. The
 * simulator enforces these same rules on each Start and Update (src/simulator/control-layout.ts).
 *
 * `mode` undefined: a partial update that keeps the task's mode (judged as custom, the larger
 * limit). `regions` undefined: not known here, so the mapping is not judged.
 */
export function streamLayoutRules(mode: number | undefined, regions: readonly unknown[] | undefined, targets: readonly unknown[]): RuleDraft[] {
  const custom = mode === undefined || mode === CUSTOM;
  const max = custom ? MAX_STREAMS_CUSTOM : MAX_STREAMS_OTHER;
  const out: RuleDraft[] = [];
  if (targets.length > max) out.push({ code: 'tooManyStreams', path: 'TargetStreams.StreamList', params: { count: targets.length, max, mode: mode ?? CUSTOM } });
  if (!custom || regions === undefined) return out;
  if (regions.length > MAX_STREAMS_CUSTOM) out.push({ code: 'tooManyRegions', path: REGIONS, params: { count: regions.length, max: MAX_STREAMS_CUSTOM } });
  return [...out, ...mappingRules(regions, targets)];
}

/** Canvas and regions of Layout.CustomLayout; returns the regions when they are a list. */
function customLayoutRules(custom: Obj, { version, complete }: RuleContext, out: RuleDraft[]): unknown[] | undefined {
  out.push(...unknownKeys(custom, ['Canvas', 'Regions'], 'Layout.CustomLayout'));
  out.push(...sectionRules(custom['Canvas'], CANVAS_SPECS, 'Layout.CustomLayout.Canvas', version));
  const regions = custom['Regions'];
  if (regions === undefined) return complete ? [] : undefined;
  if (!Array.isArray(regions)) {
    out.push({ code: 'regionsNotList', path: REGIONS, params: { field: REGIONS, value: shown(regions) } });
    return undefined;
  }
  const canvas = canvasSize(custom['Canvas'], complete);
  regions.forEach((r, i) => out.push(...regionRules(r, join(REGIONS, i), version, canvas)));
  return regions;
}

export function layoutRules(body: Obj, context: RuleContext): RuleDraft[] {
  const { version, complete } = context;
  const layout = body['Layout'];
  if (layout !== undefined && !isObj(layout)) {
    return [{ code: 'valueWrongType', path: 'Layout', params: { field: 'Layout', type: 'object', value: shown(layout), default: '{}' } }];
  }
  const l: Obj = layout ?? {};
  const out = unknownKeys(l, ['LayoutMode', 'MainVideoStream', 'MainVideoStreamIndex', 'CustomLayout'], 'Layout');
  const modeProblem = l['LayoutMode'] === undefined ? undefined : checkValue(LAYOUT_MODE_SPEC, l['LayoutMode'], 'Layout.LayoutMode');
  if (modeProblem) out.push(modeProblem);
  // An invalid mode is reset to 0; an absent one is 0 unless a partial update keeps the task's.
  const sentMode = l['LayoutMode'];
  const mode = sentMode === undefined ? (complete ? 0 : undefined) : !modeProblem && isInt(sentMode) ? sentMode : 0;
  if (l['MainVideoStream'] !== undefined) out.push(...streamRules(l['MainVideoStream'], 'Layout.MainVideoStream'));
  out.push(...sectionRules({ MainVideoStreamIndex: l['MainVideoStreamIndex'] }, [MAIN_VIDEO_STREAM_INDEX_SPEC], 'Layout', version));
  const custom = l['CustomLayout'];
  let regions: unknown[] | undefined = complete ? [] : undefined;
  if (custom !== undefined && mode !== undefined && mode !== CUSTOM) {
    out.push({ code: 'customLayoutIgnored', path: 'Layout.CustomLayout', params: { mode } });
  } else if (custom !== undefined && !isObj(custom)) {
    out.push({ code: 'valueWrongType', path: 'Layout.CustomLayout', params: { field: 'Layout.CustomLayout', type: 'object', value: shown(custom), default: '{}' } });
    regions = undefined;
  } else if (isObj(custom)) {
    regions = customLayoutRules(custom, context, out);
  }
  // A partial update that sends no TargetStreams keeps the task's: the mapping cannot be judged here.
  const targetsKnown = complete || body['TargetStreams'] !== undefined;
  out.push(...streamLayoutRules(mode, targetsKnown ? regions : undefined, streamEntries(body['TargetStreams'])));
  return out;
}
