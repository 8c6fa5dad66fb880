import type { NormalisedRegion } from './layout-model.ts';
import { effectiveCornerRadiusPx, offCanvasExtent, rectArea, visibleFraction, type Size } from './layout-geometry.ts';
import { capitalise, num, percent, regionName, theRegionOf } from './layout-warning-text.ts';
import type { WarningDraft } from './layout-warnings.ts';
import { checkSourceCrop, type CropProblem } from './source-frame.ts';
import type { TaskModel } from './task-model.ts';

/**
 * Below this Alpha a picture is barely there: a 15% blend of a face over a busy background or a
 * bright BackgroundImage is hard to recognise on a phone. Watermark-style overlays that want it
 * faint are rare enough that asking is cheaper than missing an "invisible teacher".
 */
export const ALPHA_VISIBLE_MIN = 0.15;

const SIZE_FIELDS = ['Width', 'Height', 'WidthProportion', 'HeightProportion'];

interface Ctx {
  canvas: Size;
  ratio: boolean;
  rawRegion: (region: NormalisedRegion) => Record<string, unknown> | undefined;
}

function sizeChecks(region: NormalisedRegion, ctx: Ctx): WarningDraft[] {
  const base = { subject: region.id, regionIds: [region.id] };
  const name = theRegionOf(region);
  const out: WarningDraft[] = [];
  if (region.missingRequired.length > 0) {
    const fields = region.missingRequired.join(', ');
    out.push({
      ...base, code: 'missingRequired',
      message: `${capitalise(name)} does not send ${fields}, which the docs require; Volcengine rejects such a layout with InvalidParameter. mixscope draws a missing size as 0.`,
      fix: `Send ${fields} for this region.`,
      params: { region: regionName(region), fields },
    });
  }
  // A missing size is reported above; zeroSize is for a size that was sent.
  const sizeMissing = region.missingRequired.some((f) => SIZE_FIELDS.includes(f));
  if (sizeMissing || (region.rect.width > 0 && region.rect.height > 0)) return out;
  const sizeNote = ctx.ratio ? ` (WidthProportion ${num(region.ratio.width)}, HeightProportion ${num(region.ratio.height)}, rounded to whole pixels)` : '';
  out.push({
    ...base, code: 'zeroSize',
    message: `${capitalise(name)} is ${region.rect.width} × ${region.rect.height} px${sizeNote}: it has no area, so nothing of it is drawn.`,
    fix: ctx.ratio
      ? 'Give it a WidthProportion and HeightProportion in (0, 1] large enough to cover at least a pixel.'
      : 'Give it a Width and Height of at least 1 px.',
    params: { region: regionName(region), width: region.rect.width, height: region.rect.height },
  });
  return out;
}

function offCanvasChecks(region: NormalisedRegion, ctx: Ctx): WarningDraft[] {
  if (rectArea(region.rect) === 0) return [];
  const extent = offCanvasExtent(region.rect, ctx.canvas);
  if (extent === 'inside') return [];
  const { x, y, width, height } = region.rect;
  const params = { region: regionName(region), x, y, width, height, canvasWidth: ctx.canvas.width, canvasHeight: ctx.canvas.height };
  const where = `at x ${x}, y ${y}, ${width} × ${height} px on a ${ctx.canvas.width} × ${ctx.canvas.height} canvas`;
  const range = ctx.ratio ? 'LocationX + WidthProportion ≤ 1 and LocationY + HeightProportion ≤ 1' : 'LocationX + Width ≤ canvas width and LocationY + Height ≤ canvas height';
  if (extent === 'fully') {
    return [{
      code: 'offCanvasFully', subject: region.id, regionIds: [region.id], params,
      message: `${capitalise(theRegionOf(region))} lies entirely outside the canvas (${where}), so it is not in the mix.`,
      fix: `Move it onto the canvas: ${range}.`,
    }];
  }
  const share = visibleFraction(region.rect, ctx.canvas);
  return [{
    code: 'offCanvasPartly', subject: region.id, regionIds: [region.id], params: { ...params, share },
    message: `Only ${percent(share)} of ${theRegionOf(region)} is on the canvas (${where}); the rest is cut off.`,
    fix: `Move or shrink it so that ${range}.`,
  }];
}

function alphaChecks(region: NormalisedRegion): WarningDraft[] {
  if (region.alpha.defaulted) return [];
  const alpha = region.alpha.value;
  const base = { subject: region.id, regionIds: [region.id], params: { region: regionName(region), alpha } };
  if (alpha <= 0 || alpha > 1) {
    const drawn = alpha <= 0 ? 'invisible' : 'opaque';
    return [{
      ...base, code: 'alphaOutOfRange',
      message: `${capitalise(theRegionOf(region))} has Alpha ${num(alpha)}, outside the documented (0, 1]. Volcengine resets an out-of-range value to 1 (opaque), though its docs also call 0 fully transparent; mixscope draws it ${drawn}.`,
      fix: 'Set Alpha above 0 and at most 1 (1 is opaque).',
    }];
  }
  if (alpha >= ALPHA_VISIBLE_MIN) return [];
  return [{
    ...base, code: 'alphaTooLow',
    message: `${capitalise(theRegionOf(region))} has Alpha ${num(alpha)}: at ${percent(alpha)} opacity it is barely visible.`,
    fix: `Raise Alpha to ${ALPHA_VISIBLE_MIN} or more (1 is opaque), unless it is meant as a faint overlay.`,
  }];
}

function describeCropProblem(p: CropProblem, window: { x: number; y: number }): string {
  if (p.problem === 'overflow') {
    const start = p.field === 'WidthProportion' ? `LocationX ${num(window.x)}` : `LocationY ${num(window.y)}`;
    return `${start} + ${p.field} ${num(p.value)} runs past the ${p.field === 'WidthProportion' ? 'right' : 'bottom'} edge (cut to ${num(p.used)})`;
  }
  const range = p.field.startsWith('Location') ? '[0, 1)' : '(0, 1]';
  return `${p.field} ${num(p.value)} is outside ${range} (reset to ${p.used})`;
}

function cropChecks(region: NormalisedRegion): WarningDraft[] {
  const c = region.sourceCrop;
  const crop = checkSourceCrop({ x: c.x.value, y: c.y.value, width: c.width.value, height: c.height.value });
  const out: WarningDraft[] = [];
  const base = { subject: region.id, regionIds: [region.id] };
  if (crop.empty) {
    out.push({
      ...base, code: 'cropEmpty', params: { region: regionName(region), width: c.width.value, height: c.height.value },
      message: `The SourceCrop of ${regionName(region)} selects nothing (WidthProportion ${num(c.width.value)}, HeightProportion ${num(c.height.value)}); Volcengine resets an invalid value to its default, the whole frame.`,
      fix: 'Give WidthProportion and HeightProportion values in (0, 1], or leave SourceCrop out to use the whole frame.',
    });
  }
  // A width or height of 0 or less is the emptiness reported above, not a second problem.
  const others = crop.problems.filter((p) => !(p.problem === 'outOfRange' && !p.field.startsWith('Location') && p.value <= 0));
  if (others.length > 0) {
    const details = others.map((p) => describeCropProblem(p, crop.window)).join('; ');
    out.push({
      ...base, code: 'cropOutsideFrame', params: { region: regionName(region), details },
      message: `The SourceCrop of ${regionName(region)} reaches outside the source frame: ${details}. The canvas shows the window Volcengine will crop.`,
      fix: 'Keep LocationX and LocationY in [0, 1), WidthProportion and HeightProportion in (0, 1], LocationX + WidthProportion ≤ 1 and LocationY + HeightProportion ≤ 1 (all fractions of the frame before cropping).',
    });
  }
  return out;
}

function cornerChecks(region: NormalisedRegion, ctx: Ctx): WarningDraft[] {
  const corner = effectiveCornerRadiusPx(region, ctx.canvas.width);
  if (!corner.ignored) return [];
  const half = Math.min(region.rect.width, region.rect.height) / 2;
  const max = Math.floor((half / ctx.canvas.width) * 10_000) / 10_000;
  return [{
    code: 'cornerRadiusIgnored', subject: region.id, regionIds: [region.id],
    params: { region: regionName(region), cornerRadius: region.cornerRadius.value, radiusPx: corner.requestedPx, halfShorterSide: half, max },
    message: `${capitalise(theRegionOf(region))} asks for CornerRadius ${num(region.cornerRadius.value)}, i.e. ${num(corner.requestedPx)} px (a fraction of the canvas width, ${ctx.canvas.width} px), more than half its shorter side (${num(half)} px); Volcengine then draws square corners.`,
    fix: `Use a CornerRadius of at most ${max} (half the shorter side divided by the canvas width).`,
  }];
}

function pixelsAsRatioChecks(region: NormalisedRegion, ctx: Ctx): WarningDraft[] {
  if (!region.pixelsGivenAsRatio) return [];
  const raw = ctx.rawRegion(region);
  const sent = ['LocationX', 'LocationY']
    .filter((k) => typeof raw?.[k] === 'number' && (raw[k] as number) > 1)
    .map((k) => `${k} ${num(raw?.[k] as number)}`)
    .join(' and ');
  return [{
    code: 'pixelsGivenAsRatio', subject: region.id, regionIds: [region.id], params: { region: regionName(region), sent },
    message: `${capitalise(theRegionOf(region))} has ${sent}: above 1 in a 2020-12-01 task, where a fraction of the canvas is expected. mixscope reads it as pixels (it lands at x ${region.rect.x}, y ${region.rect.y}).`,
    fix: `Send LocationX and LocationY as fractions of the canvas (here ${num(region.ratio.x)} and ${num(region.ratio.y)}), or use API version 2023-06-01 or later, which takes pixels.`,
  }];
}

/** Checks that look at one region at a time. Template layouts are skipped: their regions are mixscope's guess. */
export function regionWarnings(model: TaskModel): WarningDraft[] {
  const { layout } = model;
  if (layout.approximate) return [];
  const rawRegions = model.task.Layout?.CustomLayout?.Regions ?? [];
  const ctx: Ctx = {
    canvas: { width: layout.canvas.width.value, height: layout.canvas.height.value },
    ratio: layout.model === 'ratio',
    rawRegion: (r) => rawRegions[r.arrayIndex],
  };
  return layout.regions.flatMap((region) => [
    ...sizeChecks(region, ctx),
    ...offCanvasChecks(region, ctx),
    ...alphaChecks(region),
    ...cropChecks(region),
    ...cornerChecks(region, ctx),
    ...pixelsAsRatioChecks(region, ctx),
  ]);
}
