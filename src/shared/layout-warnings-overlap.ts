import type { NormalisedLayout, NormalisedRegion } from './layout-model.ts';
import { canvasRect, occlusion, rectArea, rectIntersection } from './layout-geometry.ts';
import { capitalise, listNames, percent, regionName, theRegionOf } from './layout-warning-text.ts';
import type { WarningDraft } from './layout-warnings.ts';

/**
 * Warn when MORE than half of a region's on-canvas part is under opaque regions. Picture-in-
 * picture is the common deliberate overlap and covers far less (a third of the width and height
 * is 11% of the main picture); past half, a centred face is likely gone, which is the "guest cut
 * in half" ticket. Smaller shares are still shown in the region table, without a warning.
 */
export const HIDDEN_PARTLY_MIN = 0.5;

/** Shares are exact for whole pixels; the tolerance absorbs float sums of fractional rects. */
const NONE_LEFT = 1e-9;

function hiddenChecks(layout: NormalisedLayout): WarningDraft[] {
  const byId = new Map(layout.regions.map((r) => [r.id, r]));
  const names = (ids: string[]) => ids.map((id) => { const r = byId.get(id); return r ? regionName(r) : id; });
  const out: WarningDraft[] = [];
  for (const [id, v] of occlusion(layout)) {
    const region = byId.get(id);
    if (!region || v.onCanvas === 0 || v.coveredBy.length === 0) continue;
    const above = listNames(names(v.coveredBy));
    const params = { region: regionName(region), above, visible: v.uncovered, hidden: 1 - v.uncovered };
    const regionIds = [id, ...v.coveredBy];
    if (v.uncovered <= NONE_LEFT) {
      out.push({
        code: 'hiddenFully', subject: id, regionIds, params,
        message: `${capitalise(theRegionOf(region))} is completely hidden behind opaque regions drawn above it: ${above}.`,
        fix: `Give it a higher ZOrder than ${above}, move it, or make the regions above it translucent (Alpha below 1).`,
      });
    } else if (1 - v.uncovered > HIDDEN_PARTLY_MIN) {
      out.push({
        code: 'hiddenPartly', subject: id, regionIds, params,
        message: `${capitalise(percent(1 - v.uncovered))} of ${v.onCanvas < 1 ? 'the on-canvas part of ' : ''}${theRegionOf(region)} is hidden behind opaque regions drawn above it (${above}); ${percent(v.uncovered)} still shows.`,
        fix: `Move it or the regions above it apart, or give it a higher ZOrder than ${above}.`,
      });
    }
  }
  return out;
}

/**
 * Equal ZOrder leaves the stacking to the order of Regions[], which Volcengine does not
 * document; mixscope draws the later one on top and says so.
 */
function equalZOrderChecks(layout: NormalisedLayout): WarningDraft[] {
  const out: WarningDraft[] = [];
  // Only what the canvas shows counts: an overlap that is entirely off the canvas changes nothing.
  const frame = canvasRect({ width: layout.canvas.width.value, height: layout.canvas.height.value });
  const drawn = layout.regions.filter((r) => rectArea(r.rect) > 0);
  drawn.forEach((lower: NormalisedRegion, i) => {
    for (const upper of drawn.slice(i + 1)) {
      if (upper.zOrder.value !== lower.zOrder.value) continue;
      const overlap = rectIntersection(lower.rect, upper.rect);
      if (!overlap || !rectIntersection(overlap, frame)) continue;
      const z = lower.zOrder.value;
      out.push({
        code: 'equalZOrderOverlap', subject: `${lower.id}+${upper.id}`, regionIds: [lower.id, upper.id],
        params: { region: regionName(lower), other: regionName(upper), zOrder: z },
        message: `${capitalise(theRegionOf(lower))} and ${theRegionOf(upper)} overlap and both have ZOrder ${z}${lower.zOrder.defaulted && upper.zOrder.defaulted ? ' (the default)' : ''}. Which is on top then depends on their order in Regions[], which Volcengine does not document; mixscope draws ${regionName(upper)} on top because it comes later.`,
        fix: 'Give the region that should be on top a higher ZOrder (0 to 100).',
      });
    }
  });
  return out;
}

/** Checks about regions stacked over each other. Template layouts are mixscope's guess: skipped. */
export function overlapWarnings(layout: NormalisedLayout): WarningDraft[] {
  if (layout.approximate) return [];
  return [...hiddenChecks(layout), ...equalZOrderChecks(layout)];
}
