import type { ApiVersion } from './api-versions.ts';
import type { NormalisedRegion, Resolved } from './layout-model.ts';
import { rectArea, type Size } from './layout-geometry.ts';
import { capitalise, num, percent, regionName, theRegionOf } from './layout-warning-text.ts';
import type { WarningDraft } from './layout-warnings.ts';
import { aspectText, sourceFindings } from './source-frame-findings.ts';
import type { TaskModel } from './task-model.ts';

/**
 * What a region shows of its source (SourceCrop, then RenderMode), and the optional values
 * Volcengine resets to their defaults. The source-frame view reads the same findings.
 */

function sourceChecks(region: NormalisedRegion, source: Size): WarningDraft[] {
  if (rectArea(region.rect) === 0) return [];
  const f = sourceFindings(region, source);
  const aspect = aspectText(source);
  const base = { subject: region.id, regionIds: [region.id] };
  const name = regionName(region);
  const out: WarningDraft[] = [];
  if (f.croppedAway) {
    const used = f.summary.sourceUsed;
    out.push({
      ...base, code: 'sourceCroppedAway', params: { region: name, used, aspect },
      message: `Only ${percent(used)} of the source frame reaches ${theRegionOf(region)}: its SourceCrop${f.frame.kind === 'cropFill' ? ' and RenderMode 1' : ''} keep less than a quarter of the picture (for a ${aspect} source).`,
      fix: 'Widen SourceCrop (WidthProportion and HeightProportion are fractions of the frame before cropping), or leave SourceCrop out to show the whole frame.',
    });
  }
  if (f.stretch) {
    const { factor, direction } = f.stretch;
    out.push({
      ...base, code: 'sourceStretched', params: { region: name, renderMode: f.frame.renderMode, factor: num(factor), direction, aspect },
      message: `RenderMode ${f.frame.renderMode} scales the picture to ${theRegionOf(region)} whatever its shape: faces come out ${num(factor)}× too ${direction} (for a ${aspect} source).`,
      fix: 'Use RenderMode 1 (crop to fill) or 2 (fit inside), or give the region, or its SourceCrop, the shape of the source.',
    });
  }
  if (f.cropAspect) {
    const { effect, share } = f.cropAspect;
    out.push(effect === 'cut'
      ? {
        ...base, code: 'cropAspectCut', params: { region: name, share, aspect },
        message: `The SourceCrop of ${name} is not the shape of its region, so RenderMode 1 cuts a further ${percent(share)} off the window it selects (for a ${aspect} source).`,
        fix: "Give SourceCrop the region's aspect ratio, so that what it selects is what is shown.",
      }
      : {
        ...base, code: 'cropAspectBars', params: { region: name, share, aspect },
        message: `The SourceCrop of ${name} is not the shape of its region, so RenderMode 2 leaves ${percent(share)} of the region to background bars (for a ${aspect} source).`,
        fix: "Give SourceCrop the region's aspect ratio to fill the region.",
      });
  }
  return out;
}

/** Each optional region field Volcengine checks, with the range it takes. */
function resettable(region: NormalisedRegion, version: ApiVersion): Array<[string, Resolved<number>, string]> {
  return [
    ['ZOrder', region.zOrder, '[0, 100]'],
    ['RenderMode', region.renderMode, '{0, 1, 2, 3}'],
    ['CornerRadius', region.cornerRadius, version === '2023-11-01' ? '[0, 1]' : '(0, 1]'],
    ['AlternateImageFillMode', region.alternateImageFillMode, '{0, 1}'],
    ['MediaType', region.mediaType, '{0, 1, 2}'],
  ];
}

function resetChecks(region: NormalisedRegion, version: ApiVersion): WarningDraft[] {
  return resettable(region, version).flatMap(([field, resolved, range]): WarningDraft[] => {
    if (resolved.resetFrom === undefined) return [];
    const sent = resolved.resetFrom;
    const used = resolved.value;
    return [{
      code: 'valueReset', subject: `${region.id}.${field}`, regionIds: [region.id], params: { region: regionName(region), field, sent, used, range },
      message: `${capitalise(theRegionOf(region))} has ${field} ${num(sent)}, outside ${range}: Volcengine resets it to the default, ${used}, and mixscope draws it that way.`,
      fix: `Use a ${field} within ${range}, or leave it out for the default.`,
    }];
  });
}

/** Source-frame and reset checks of every region a task sent; template layouts are mixscope's guess. */
export function sourceWarnings(model: TaskModel, source: Size): WarningDraft[] {
  if (model.layout.approximate) return [];
  return model.layout.regions.flatMap((region) => [...resetChecks(region, model.version), ...sourceChecks(region, source)]);
}
