import type { ApiVersion } from '../shared/api-versions.ts';
import type { NumberMode, SimControl, SimLayout, SimRegion } from './sim-types.ts';
import type { TaskSnapshot } from './task-lifecycle.ts';

/** Documented canvas defaults, used to turn stored ratios into pixels. */
export const DEFAULT_CANVAS = { width: 640, height: 480 } as const;

/** Ratio to canvas pixels the way the docs' worked example does: 1920 × 0.33 = 633.6 → 634. */
export function ratioToPixels(ratio: number, size: number): number {
  return Math.round(ratio * size);
}

/** Float32 carries about 7 significant digits; 6 decimals keep 2020 answers readable and exact enough. */
export function roundRatio(ratio: number): number {
  return Math.round(ratio * 1e6) / 1e6;
}

function renderRegion(region: SimRegion, version: ApiVersion, width: number, height: number): Record<string, unknown> {
  const { StreamIndex, x, y, w, h, ...rest } = region;
  if (version === '2020-12-01') {
    return {
      StreamIndex,
      LocationX: roundRatio(x),
      LocationY: roundRatio(y),
      WidthProportion: roundRatio(w),
      HeightProportion: roundRatio(h),
      ...rest,
    };
  }
  return {
    StreamIndex,
    LocationX: ratioToPixels(x, width),
    LocationY: ratioToPixels(y, height),
    // Width and Height are (0, Canvas] in 2023: a sliver never rounds away to nothing.
    Width: Math.max(1, ratioToPixels(w, width)),
    Height: Math.max(1, ratioToPixels(h, height)),
    ...rest,
  };
}

function renderLayout(layout: SimLayout, version: ApiVersion): Record<string, unknown> {
  const { CustomLayout, MainVideoStreamIndex, ...rest } = layout;
  const out: Record<string, unknown> = { ...rest };
  // MainVideoStreamIndex is deprecated and gone from the 2023 models.
  if (version === '2020-12-01' && MainVideoStreamIndex !== undefined) out['MainVideoStreamIndex'] = MainVideoStreamIndex;
  if (CustomLayout) {
    const width = CustomLayout.Canvas?.Width ?? DEFAULT_CANVAS.width;
    const height = CustomLayout.Canvas?.Height ?? DEFAULT_CANVAS.height;
    const custom: Record<string, unknown> = {};
    if (CustomLayout.Canvas) custom['Canvas'] = { ...CustomLayout.Canvas };
    if (CustomLayout.Regions) custom['Regions'] = CustomLayout.Regions.map((r) => renderRegion(r, version, width, height));
    out['CustomLayout'] = custom;
  }
  return out;
}

/**
 * 2020-12-01 has TalkVolume and the volume indication at the top level; 2023 moves the volume
 * indication into SEIConfig and drops TalkVolume; 2023-11-01 also drops MaxRecordTime.
 */
export function renderControl(control: SimControl, version: ApiVersion): Record<string, unknown> {
  const { SEIConfig, TalkVolume, VolumeIndicationMode, VolumeIndicationInterval, MaxRecordTime, ...rest } = control;
  const out: Record<string, unknown> = { ...rest };
  if (version === '2020-12-01') {
    if (MaxRecordTime !== undefined) out['MaxRecordTime'] = MaxRecordTime;
    if (TalkVolume !== undefined) out['TalkVolume'] = TalkVolume;
    if (VolumeIndicationMode !== undefined) out['VolumeIndicationMode'] = VolumeIndicationMode;
    // Int32 with a minimum of 1 s in 2020; 2023 allows fractions down to 0.5 s / 0.3 s.
    if (VolumeIndicationInterval !== undefined) out['VolumeIndicationInterval'] = Math.max(1, Math.round(VolumeIndicationInterval));
    return out;
  }
  if (version === '2023-06-01' && MaxRecordTime !== undefined) out['MaxRecordTime'] = MaxRecordTime;
  const sei: Record<string, unknown> = { ...SEIConfig };
  if (VolumeIndicationMode !== undefined) sei['VolumeIndicationMode'] = VolumeIndicationMode;
  if (VolumeIndicationInterval !== undefined) sei['VolumeIndicationInterval'] = VolumeIndicationInterval;
  if (Object.keys(sei).length > 0) out['SEIConfig'] = sei;
  return out;
}

function stringifyNumbers(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(stringifyNumbers);
  if (value !== null && typeof value === 'object') return stringifyRecord(value);
  return value;
}

function stringifyRecord(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, stringifyNumbers(v)]));
}

/** Result.PushMixedStreamToCDNTask in the model of the requested version, keys in documented order. */
export function renderTask(snapshot: TaskSnapshot, version: ApiVersion, numbers: NumberMode = 'numbers'): Record<string, unknown> {
  const { body } = snapshot;
  const task: Record<string, unknown> = {
    StartTime: snapshot.startTime,
    EndTime: snapshot.endTime,
    Status: snapshot.status,
    StopReason: snapshot.stopReason,
    PushStreamState: snapshot.pushState,
  };
  if (body.TargetStreams) task['TargetStreams'] = body.TargetStreams;
  if (body.ExcludeStreams) task['ExcludeStreams'] = body.ExcludeStreams;
  task['PushURL'] = body.PushURL;
  if (body.Layout) task['Layout'] = renderLayout(body.Layout, version);
  if (body.Encode) task['Encode'] = { ...body.Encode };
  if (body.Control) task['Control'] = renderControl(body.Control, version);
  if (numbers === 'all-as-strings') return stringifyRecord(task);
  // The documented response example sends "PushStreamState": "6".
  if (numbers === 'push-state-as-string') task['PushStreamState'] = String(snapshot.pushState);
  return task;
}
