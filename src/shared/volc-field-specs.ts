import type { ApiVersion } from './api-versions.ts';
import {
  AUDIO_CHANNELS, AUDIO_CODEC, AUDIO_PROFILE, CONTROL_MEDIA_TYPE, FRAME_INTERPOLATION_MODE,
  PUSH_STREAM_MODE, SEI_CONTENT_MODE, VIDEO_CODEC, type EnumTable,
} from './volc-enums.ts';

/**
 * What the docs say about each Encode and Control field: unit, range, default, enum and the
 * versions that have it. Panels render from these rows and warnings check against them, so the
 * facts live in one place.
 */
export interface FieldSpec {
  key: string;
  unit?: string;
  /**
   * Documented default; 'adaptive' where the server computes it. Lists and objects are the JSON
   * the docs give, so they read the same in every language.
   */
  default?: number | boolean | string | readonly number[] | Readonly<Record<string, readonly number[]>>;
  min?: number;
  max?: number;
  /** The lower bound is excluded, as in (0.0, 1.0]. */
  minExclusive?: boolean;
  /** Int32 in the API models: a fraction cannot be decoded into it, so the whole request fails. */
  integer?: boolean;
  even?: boolean;
  oneOf?: readonly number[];
  enum?: EnumTable;
  versions?: readonly ApiVersion[];
  /** Version-specific overrides of the row. */
  byVersion?: Partial<Record<ApiVersion, Partial<Omit<FieldSpec, 'key' | 'byVersion'>>>>;
  note?: string;
}

const V2020 = ['2020-12-01'] as const;
const V2023 = ['2023-06-01', '2023-11-01'] as const;

export const ENCODE_FIELDS: readonly FieldSpec[] = [
  { key: 'VideoCodec', integer: true, default: 0, enum: VIDEO_CODEC },
  {
    key: 'VideoBitrate', integer: true, unit: 'Kbps', default: 'adaptive', min: 1, max: 10000,
    byVersion: { '2023-11-01': { min: 0, default: 0, note: '0 = adaptive, computed from fps and size' } },
  },
  { key: 'VideoWidth', integer: true, unit: 'px', default: 640, min: 2, max: 1920, even: true, note: 'ignored under a custom layout: Canvas.Width wins' },
  { key: 'VideoHeight', integer: true, unit: 'px', default: 480, min: 2, max: 1920, even: true, note: 'ignored under a custom layout: Canvas.Height wins' },
  { key: 'VideoFps', integer: true, unit: 'fps', default: 15, min: 1, max: 60 },
  { key: 'VideoGop', integer: true, unit: 's', default: 4, min: 1, max: 5 },
  { key: 'AudioCodec', integer: true, default: 0, enum: AUDIO_CODEC },
  { key: 'AudioProfile', integer: true, default: 0, enum: AUDIO_PROFILE },
  {
    key: 'AudioBitrate', integer: true, unit: 'Kbps', default: 64, min: 32, max: 192,
    byVersion: { '2023-11-01': { default: 'adaptive', note: 'derived from profile, sample rate and channels' } },
  },
  { key: 'AudioSampleRate', integer: true, unit: 'Hz', default: 48000, oneOf: [32000, 44100, 48000] },
  { key: 'AudioChannels', integer: true, default: 2, enum: AUDIO_CHANNELS },
];

export const CONTROL_FIELDS: readonly FieldSpec[] = [
  { key: 'MediaType', integer: true, default: 0, enum: CONTROL_MEDIA_TYPE },
  { key: 'FrameInterpolationMode', integer: true, default: 0, enum: FRAME_INTERPOLATION_MODE, note: 'no effect in adaptive layout; AlternateImage takes priority' },
  { key: 'MaxIdleTime', integer: true, unit: 's', default: 180, min: 10, max: 86400 },
  { key: 'MaxRecordTime', integer: true, unit: 's', default: 0, min: 0, versions: ['2020-12-01', '2023-06-01'], note: '0 = unlimited; recording only' },
  { key: 'PushStreamMode', integer: true, default: 0, enum: PUSH_STREAM_MODE },
  { key: 'TalkVolume', integer: true, default: 0, min: 0, max: 255, versions: V2020 },
  { key: 'VolumeIndicationMode', default: false, versions: V2020 },
  // Int32 at the top level of 2020-12-01; a Float32 inside 2023's SEIConfig.
  { key: 'VolumeIndicationInterval', integer: true, unit: 's', default: 2, min: 1, versions: V2020 },
];

export const SEI_FIELDS: readonly FieldSpec[] = [
  { key: 'AddVolumeValue', default: false, versions: V2023 },
  { key: 'PassthroughRTCSEIMessage', default: true, versions: V2023 },
  { key: 'SEIContentMode', integer: true, default: 0, enum: SEI_CONTENT_MODE, versions: V2023 },
  { key: 'SEIPayLoadType', integer: true, default: 100, oneOf: [5, 100], versions: V2023 },
  { key: 'SEIPayloadUUID', versions: V2023, note: '32 hex characters, used only with payload type 5' },
  { key: 'UserConfigExtraInfo', versions: V2023, note: 'up to 4096 characters (app_data)' },
  {
    key: 'VolumeIndicationInterval', unit: 's', default: 2, min: 0.5, versions: V2023,
    byVersion: { '2023-11-01': { min: 0.3 } },
  },
  { key: 'VolumeIndicationMode', default: false, versions: V2023 },
];

/** 32 hex digits without dashes: the only SEIPayloadUUID Volcengine takes (with payload type 5). */
export const SEI_UUID = /^[0-9a-fA-F]{32}$/;

export const SPATIAL_FIELDS: readonly FieldSpec[] = [
  { key: 'EnableSpatialRender', default: false },
  { key: 'AudienceSpatialPosition', default: [0, 0, 0], note: 'each in [-100, 100]' },
  { key: 'AudienceSpatialOrientation', default: { Forward: [1, 0, 0], Right: [0, 1, 0], Up: [0, 0, 1] }, note: 'must be mutually perpendicular' },
];

export function specFor(spec: FieldSpec, version: ApiVersion): FieldSpec {
  const override = spec.byVersion?.[version];
  return override ? { ...spec, ...override } : spec;
}

export function appliesTo(spec: FieldSpec, version: ApiVersion): boolean {
  return spec.versions === undefined || spec.versions.includes(version);
}

/** A number with a fractional part sent for an Int32 field: Volcengine cannot decode the request. */
export function isFraction(spec: Pick<FieldSpec, 'integer'>, value: unknown): value is number {
  return spec.integer === true && typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value);
}

export type RangeVerdict = 'ok' | 'below' | 'above' | 'odd' | 'notAllowed' | 'unknownEnum';

/** Checks a present value against its documented range; Volcengine resets a bad optional value to its default. */
export function checkRange(spec: FieldSpec, value: unknown): RangeVerdict {
  if (typeof value !== 'number') return 'ok';
  if (spec.min !== undefined && (spec.minExclusive ? value <= spec.min : value < spec.min)) return 'below';
  if (spec.max !== undefined && value > spec.max) return 'above';
  if (spec.even && value % 2 !== 0) return 'odd';
  if (spec.oneOf && !spec.oneOf.includes(value)) return 'notAllowed';
  if (spec.enum && spec.enum[value] === undefined) return 'unknownEnum';
  return 'ok';
}

export interface ResolvedField {
  spec: FieldSpec;
  value: unknown;
  defaulted: boolean;
  verdict: RangeVerdict;
}

/** Every field of a section for a version: the sent value, or the documented default marked as such. */
export function resolveFields(specs: readonly FieldSpec[], raw: Record<string, unknown> | undefined, version: ApiVersion): ResolvedField[] {
  return specs
    .filter((s) => appliesTo(s, version))
    .map((s) => {
      const spec = specFor(s, version);
      const sent = raw?.[spec.key];
      if (sent === undefined) return { spec, value: spec.default, defaulted: true, verdict: 'ok' as const };
      return { spec, value: sent, defaulted: false, verdict: checkRange(spec, sent) };
    });
}
