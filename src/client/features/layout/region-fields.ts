import type { NormalisedLayout, NormalisedRegion, Resolved, StreamEntry } from '../../../shared/layout-model.ts';
import { effectiveCornerRadiusPx } from '../../../shared/layout-geometry.ts';
import type { VolcRegion, VolcTask } from '../../../shared/volc-task-schema.ts';
import type { EnumTableId } from '../../i18n/enum-tables.ts';

/**
 * Every field of a region for the detail panel: geometry in proportions and in canvas pixels
 * side by side (with which one the task sent), everything else as sent or as its documented
 * default, marked.
 */
export type FieldValue =
  | { kind: 'geometry'; ratio: number; px: number; sentAs: 'ratio' | 'px' | 'template' }
  | { kind: 'radius'; ratio: number; px: number; ignored: boolean }
  | { kind: 'ratio'; ratio: number }
  | { kind: 'number'; value: number | undefined }
  | { kind: 'enum'; table: EnumTableId; value: number }
  | { kind: 'text'; value: string | undefined }
  | { kind: 'bool'; value: boolean }
  | { kind: 'triple'; value: readonly [number, number, number] };

export interface FieldRow {
  field: string;
  value: FieldValue;
  defaulted: boolean;
  /** A required field the task did not send (drawn as 0). */
  missing: boolean;
  /** The value sent, when Volcengine resets it to the default shown (and drawn) instead. */
  resetFrom?: number;
}

/** The Regions[] entry the task sent for a custom-layout region; templates have none. */
export function rawRegion(task: VolcTask, layout: NormalisedLayout, region: NormalisedRegion): VolcRegion | undefined {
  if (layout.approximate) return undefined;
  return task.Layout?.CustomLayout?.Regions?.[region.arrayIndex];
}

function row(field: string, value: FieldValue, defaulted = false, missing = false): FieldRow {
  return { field, value, defaulted, missing };
}

const fromResolved = <T>(field: string, r: Resolved<T>, value: (v: T) => FieldValue): FieldRow => {
  const out = row(field, value(r.value), r.defaulted);
  return typeof r.resetFrom === 'number' ? { ...out, resetFrom: r.resetFrom } : out;
};

export function regionFieldRows(region: NormalisedRegion, layout: NormalisedLayout, raw: VolcRegion | undefined): FieldRow[] {
  const pixelModel = layout.model === 'pixel';
  const template = layout.approximate;
  const sentAs = (isLocation: boolean): 'ratio' | 'px' | 'template' => {
    if (template) return 'template';
    return pixelModel || (isLocation && region.pixelsGivenAsRatio) ? 'px' : 'ratio';
  };
  const geo = (field: string, ratio: number, px: number, isLocation: boolean) => {
    const sent = raw?.[field as keyof VolcRegion];
    const missing = region.missingRequired.includes(field);
    return row(field, { kind: 'geometry', ratio, px, sentAs: sentAs(isLocation) }, !template && isLocation && sent === undefined, missing);
  };
  const corner = effectiveCornerRadiusPx(region, layout.canvas.width.value);
  const crop = region.sourceCrop;
  return [
    row('StreamIndex', { kind: 'number', value: region.streamIndex }, false, region.missingRequired.includes('StreamIndex')),
    geo('LocationX', region.ratio.x, region.rect.x, true),
    geo('LocationY', region.ratio.y, region.rect.y, true),
    geo(pixelModel ? 'Width' : 'WidthProportion', region.ratio.width, region.rect.width, false),
    geo(pixelModel ? 'Height' : 'HeightProportion', region.ratio.height, region.rect.height, false),
    fromResolved('ZOrder', region.zOrder, (value) => ({ kind: 'number', value })),
    fromResolved('Alpha', region.alpha, (value) => ({ kind: 'number', value })),
    {
      ...row('CornerRadius', { kind: 'radius', ratio: region.cornerRadius.value, px: corner.requestedPx, ignored: corner.ignored }, region.cornerRadius.defaulted),
      ...(region.cornerRadius.resetFrom === undefined ? {} : { resetFrom: region.cornerRadius.resetFrom }),
    },
    fromResolved('RenderMode', region.renderMode, (value) => ({ kind: 'enum', table: 'renderMode', value })),
    fromResolved('SourceCrop.LocationX', crop.x, (ratio) => ({ kind: 'ratio', ratio })),
    fromResolved('SourceCrop.LocationY', crop.y, (ratio) => ({ kind: 'ratio', ratio })),
    fromResolved('SourceCrop.WidthProportion', crop.width, (ratio) => ({ kind: 'ratio', ratio })),
    fromResolved('SourceCrop.HeightProportion', crop.height, (ratio) => ({ kind: 'ratio', ratio })),
    row('AlternateImage', { kind: 'text', value: region.alternateImage }, region.alternateImage === undefined),
    fromResolved('AlternateImageFillMode', region.alternateImageFillMode, (value) => ({ kind: 'enum', table: 'alternateImageFill', value })),
    fromResolved('MediaType', region.mediaType, (value) => ({ kind: 'enum', table: 'mediaType', value })),
    fromResolved('ApplySpatialAudio', region.applySpatialAudio, (value) => ({ kind: 'bool', value })),
    fromResolved('SpatialPosition', region.spatialPosition, (value) => ({ kind: 'triple', value })),
  ];
}

/** A number for a table cell: at most `digits` decimals, no trailing zeros. */
export function fmt(n: number, digits = 4): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toFixed(digits)));
}

/** Where the region's stream sits in TargetStreams.StreamList, or -1 when no entry matches. */
export function streamPosition(targets: readonly StreamEntry[], region: NormalisedRegion): number {
  const s = region.stream;
  if (!s) return -1;
  return targets.findIndex((t) => t.userId === s.userId && t.index === s.index && t.streamType.value === s.streamType.value);
}
