import type { NormalisedLayout, NormalisedRegion, PixelRect } from './layout-model.ts';
import { num, regionName } from './layout-warning-text.ts';
import { RECT_TOLERANCE_PX, type ComparisonDraft } from './output-compare-codes.ts';
import type { PxSize } from './output-compare-size.ts';
import type { AppliedLayout, AppliedRegion } from './output-api.ts';

/** Alpha is a fraction; the SEI may write it with fewer digits than the task sent. */
const ALPHA_TOLERANCE = 0.01;

const rectText = (r: PixelRect) => `x ${num(r.x)}, y ${num(r.y)}, ${num(r.width)} × ${num(r.height)} px`;
const round = (r: PixelRect): PixelRect => ({ x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) });
const quoted = (user: string) => `"${user}"`;

const STALE_FIX = 'mixscope reads the task and the output a moment apart: if the task was just updated, ask again. If the difference stays, compare the raw SEI JSON with the task; the mixer is not applying the region as sent.';

/** An applied region's rectangle in output pixels, whatever units the SEI used. */
export function appliedRect(region: AppliedRegion, units: AppliedLayout['units'], canvas: PxSize): PixelRect {
  if (units === 'pixels') return { x: region.x, y: region.y, width: region.width, height: region.height };
  return { x: region.x * canvas.width, y: region.y * canvas.height, width: region.width * canvas.width, height: region.height * canvas.height };
}

interface Pair {
  declared: NormalisedRegion;
  applied: AppliedRegion;
}

const userOf = (region: AppliedRegion) => (region.userId === null || region.userId === '' ? undefined : region.userId);

/** Regions paired by user id, each user's regions in drawing order on both sides. */
function pairByUser(declared: NormalisedRegion[], applied: AppliedRegion[]) {
  const byUser = new Map<string, AppliedRegion[]>();
  // Stable: equal ZOrder keeps the SEI's order, as the declared side keeps Regions[] order.
  const drawn = [...applied].sort((a, b) => (a.zOrder ?? 0) - (b.zOrder ?? 0));
  for (const region of drawn) {
    const user = userOf(region);
    if (user !== undefined) byUser.set(user, [...(byUser.get(user) ?? []), region]);
  }
  const pairs: Pair[] = [];
  const missing: NormalisedRegion[] = [];
  for (const region of declared) {
    const user = region.stream?.userId;
    if (user === undefined) continue;
    const next = byUser.get(user)?.shift();
    if (next === undefined) missing.push(region);
    else pairs.push({ declared: region, applied: next });
  }
  return { pairs, missing, extra: [...byUser.values()].flat() };
}

interface Frame {
  units: AppliedLayout['units'];
  canvas: PxSize;
  scale: { x: number; y: number };
  /** Said after a declared rectangle when it was scaled to the applied canvas. */
  scaledNote: string;
}

function rectCheck({ declared, applied }: Pair, frame: Frame): ComparisonDraft[] {
  const { x, y, width, height } = declared.rect;
  const want = round({ x: x * frame.scale.x, y: y * frame.scale.y, width: width * frame.scale.x, height: height * frame.scale.y });
  const got = appliedRect(applied, frame.units, frame.canvas);
  if ((['x', 'y', 'width', 'height'] as const).every((k) => Math.abs(want[k] - got[k]) <= RECT_TOLERANCE_PX)) return [];
  const name = regionName(declared);
  return [{
    code: 'appliedRegionRect', subject: declared.id, regionIds: [declared.id],
    params: { region: name, declared: rectText(want), applied: rectText(round(got)), tolerance: RECT_TOLERANCE_PX },
    message: `The region of ${name} is at ${rectText(round(got))} in the output; the task places it at ${rectText(want)}${frame.scaledNote}. That is more than the ${RECT_TOLERANCE_PX} px rounding allows.`,
    fix: STALE_FIX,
  }];
}

/** ZOrder, Alpha and RenderMode, compared only where the SEI gives them. */
function valueChecks({ declared, applied }: Pair): ComparisonDraft[] {
  const name = regionName(declared);
  const base = { subject: declared.id, regionIds: [declared.id] };
  const out: ComparisonDraft[] = [];
  if (applied.zOrder !== null && applied.zOrder !== declared.zOrder.value) {
    out.push({
      ...base, code: 'appliedRegionZOrder', params: { region: name, declared: declared.zOrder.value, applied: applied.zOrder },
      message: `The region of ${name} is drawn at ZOrder ${applied.zOrder} in the output; the task gives ${declared.zOrder.value}${declared.zOrder.defaulted ? ' (not sent, the default)' : ''}. What covers what may differ from the declared drawing.`,
      fix: STALE_FIX,
    });
  }
  if (applied.alpha !== null && Math.abs(applied.alpha - declared.alpha.value) > ALPHA_TOLERANCE) {
    out.push({
      ...base, code: 'appliedRegionAlpha', params: { region: name, declared: declared.alpha.value, applied: applied.alpha },
      message: `The region of ${name} is blended with Alpha ${num(applied.alpha)} in the output; the task gives ${num(declared.alpha.value)}${declared.alpha.defaulted ? ' (not sent, the default)' : ''}. An Alpha out of the documented range is reset by Volcengine.`,
      fix: `Check the region's Alpha (0 to 1) in the task. ${STALE_FIX}`,
    });
  }
  if (applied.renderMode !== null && applied.renderMode !== declared.renderMode.value) {
    out.push({
      ...base, code: 'appliedRegionRenderMode', params: { region: name, declared: declared.renderMode.value, applied: applied.renderMode },
      message: `The region of ${name} has renderMode ${applied.renderMode} in the SEI; the task's RenderMode is ${declared.renderMode.value}${declared.renderMode.defaulted ? ' (not sent, the default)' : ''}. mixscope assumes the SEI numbers render modes as the API does, which the docs do not confirm; if they differ, the picture is cropped or letterboxed differently from what the task asks.`,
      fix: 'Look at the region in the video: cropped to fill (RenderMode 1) or fitted with bars (RenderMode 2). Compare with the raw SEI JSON before changing the task.',
    });
  }
  return out;
}

function missingCheck(region: NormalisedRegion): ComparisonDraft {
  const name = regionName(region);
  return {
    code: 'appliedRegionMissing', subject: region.id, regionIds: [region.id], params: { region: name, user: region.stream?.userId ?? '' },
    message: `The task places ${name}, but the layout the mixer applied has no region for that user: viewers do not see them.`,
    fix: 'Check that the user is in the room and publishing video (a user who is not publishing gets no region), and that the UserId in TargetStreams is spelled as the user joined.',
  };
}

function extraCheck(user: string): ComparisonDraft {
  return {
    code: 'appliedRegionExtra', subject: user, regionIds: [], params: { user },
    message: `The applied layout has a region for ${quoted(user)}, which the task's layout does not place.`,
    fix: 'Check the task\'s Regions and TargetStreams: an empty TargetStreams mixes everyone in the room, and a template layout places every stream it mixes. If the task was just updated, ask again.',
  };
}

/** `infos` lists the users whose audio is in the mix (the volume indication). */
function speakerChecks(layout: NormalisedLayout, applied: AppliedLayout, targets: readonly (string | undefined)[]): ComparisonDraft[] {
  if (applied.infos === null) return [];
  const declaredUsers = new Set(layout.regions.map((r) => r.stream?.userId));
  const appliedUsers = new Set(applied.regions.map(userOf));
  const out: ComparisonDraft[] = [];
  const seen = new Set<string>();
  for (const info of applied.infos) {
    const user = info.userId ?? '';
    if (user === '' || seen.has(user) || appliedUsers.has(user) || declaredUsers.has(user)) continue;
    seen.add(user);
    if (info.talk === true) {
      out.push({
        code: 'speakerNotShown', subject: user, regionIds: [], params: { user },
        message: `${quoted(user)} is speaking (the SEI's infos say talk: true) and is heard in the mix, but has no region in the picture: viewers hear someone they cannot see.`,
        fix: 'Give the user a region in the custom layout, or leave them out of TargetStreams if only their audio is meant to be in the mix.',
      });
    } else if (targets.length > 0 && !targets.includes(user)) {
      out.push({
        code: 'speakerNotDeclared', subject: user, regionIds: [], params: { user },
        message: `The SEI's infos list ${quoted(user)}, so their audio is in the mix, but the task's TargetStreams does not name them.`,
        fix: 'Check TargetStreams and ExcludeStreams in the task in force; if the task was just updated, ask again.',
      });
    }
  }
  return out;
}

/** Informs the reader where mixscope had to interpret or could not compare. */
function readingNotes(layout: NormalisedLayout, applied: AppliedLayout): ComparisonDraft[] {
  const out: ComparisonDraft[] = [];
  if (applied.units === 'ratios') {
    out.push({
      code: 'appliedUnitsRatios', regionIds: [], params: {},
      message: 'Every x, y, w and h in the layout SEI is between 0 and 1, so mixscope reads them as fractions of the canvas. Volcengine\'s examples show pixels and the docs do not say; this reading is mixscope\'s interpretation.',
      fix: 'Compare the raw SEI JSON with the picture before trusting the rectangles.',
    });
  }
  if (layout.approximate) {
    out.push({
      code: 'declaredApproximate', regionIds: [], params: { mode: layout.mode.value },
      message: `LayoutMode ${layout.mode.value} is laid out by Volcengine's own template, of which the docs give only a sketch, so mixscope compares which users are placed but not their rectangles, ZOrder, Alpha or RenderMode.`,
      fix: 'Read the applied rectangles from the SEI: they are what the template did. Use a custom layout (LayoutMode 2) to control them.',
    });
  }
  const unnamedDeclared = layout.regions.filter((r) => r.stream?.userId === undefined).length;
  const unnamedApplied = applied.regions.filter((r) => userOf(r) === undefined).length;
  if (unnamedDeclared + unnamedApplied > 0) {
    out.push({
      code: 'regionsWithoutUser', regionIds: layout.regions.filter((r) => r.stream?.userId === undefined).map((r) => r.id),
      params: { declared: unnamedDeclared, applied: unnamedApplied },
      message: `Regions are matched by user id; ${unnamedDeclared} declared and ${unnamedApplied} applied regions have none, so they are not compared.`,
      fix: 'Give every region a stream with a UserId (StreamIndex matching a TargetStreams entry) so that it can be compared.',
    });
  }
  return out;
}

/** Declared regions against the SEI's, matched by user id. */
export function regionChecks(layout: NormalisedLayout, applied: AppliedLayout, canvas: PxSize, targets: readonly (string | undefined)[]): ComparisonDraft[] {
  const declaredSize = { width: layout.canvas.width.value, height: layout.canvas.height.value };
  const scale = { x: canvas.width / declaredSize.width, y: canvas.height / declaredSize.height };
  const scaled = scale.x !== 1 || scale.y !== 1;
  const frame: Frame = {
    units: applied.units, canvas, scale,
    scaledNote: scaled ? ` (scaled from its ${declaredSize.width} × ${declaredSize.height} canvas to the ${canvas.width} × ${canvas.height} applied)` : '',
  };
  const { pairs, missing, extra } = pairByUser(layout.regions, applied.regions);
  const exact = !layout.approximate;
  return [
    ...missing.map(missingCheck),
    ...(exact ? pairs.flatMap((p) => [...rectCheck(p, frame), ...valueChecks(p)]) : []),
    ...[...new Set(extra.map((r) => userOf(r) ?? ''))].map(extraCheck),
    ...speakerChecks(layout, applied, targets),
    ...readingNotes(layout, applied),
  ];
}
