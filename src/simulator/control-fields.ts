import type { ApiVersion } from '../shared/api-versions.ts';
import { ID_PATTERN } from '../shared/task-ref.ts';
import {
  appliesTo, checkRange, CONTROL_FIELDS, ENCODE_FIELDS, SEI_FIELDS, specFor, type FieldSpec,
} from '../shared/volc-field-specs.ts';
import { fail, type SimErrorCode, type SimFailure } from './sim-errors.ts';
import type { SimCanvas, SimControl, SimSei, SimStream, SimStreams } from './sim-types.ts';

/**
 * Readers for StartPushMixedStreamToCDN / UpdatePushMixedStreamToCDN bodies. The documented rule:
 * a bad *required* value is InvalidParameter, a bad *optional* value is reset to its default (so
 * these readers drop it and the default applies).
 */

export type Obj = Record<string, unknown>;

/** Thrown inside the body parser only; parseControlBody turns it into an error answer. */
export class BodyRejection extends Error {
  readonly failure: SimFailure;
  constructor(code: SimErrorCode, message: string) {
    super(message);
    this.failure = fail(code, message);
  }
}

export const reject = (message: string, code: SimErrorCode = 'InvalidParameter'): BodyRejection => new BodyRejection(code, message);

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** A required ID (AppId, RoomId, TaskId): present, and `[a-zA-Z0-9_@.-]{1,128}`. */
export function requiredId(body: Obj, key: string): string {
  const value = body[key];
  if (value === undefined || value === null || value === '') throw reject(`${key} is required.`, 'MissingParameter');
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw reject(`${key} must be 1 to 128 characters of a-z, A-Z, 0-9, _, @, . and -.`);
  }
  return value;
}

/** An optional value kept only when `ok` says it is valid. */
export function optional<T>(value: unknown, ok: (v: unknown) => v is T): T | undefined {
  return ok(value) ? value : undefined;
}

const STRING_FIELDS = new Set(['SEIPayloadUUID', 'UserConfigExtraInfo']);
const STRING_LIMITS: Record<string, RegExp> = {
  SEIPayloadUUID: /^[0-9a-fA-F]{32}$/,
  UserConfigExtraInfo: /^[\s\S]{0,4096}$/,
};

function validField(spec: FieldSpec, value: unknown): boolean {
  if (typeof spec.default === 'boolean') return typeof value === 'boolean';
  if (STRING_FIELDS.has(spec.key)) return typeof value === 'string' && (STRING_LIMITS[spec.key]?.test(value) ?? true);
  return typeof value === 'number' && Number.isFinite(value) && checkRange(spec, value) === 'ok';
}

/** The fields of one section that this version has and whose values are in range. */
export function pickFields(raw: unknown, specs: readonly FieldSpec[], version: ApiVersion): Obj | undefined {
  if (!isObj(raw)) return undefined;
  const out: Obj = {};
  for (const s of specs) {
    if (!appliesTo(s, version)) continue;
    const spec = specFor(s, version);
    const value = raw[spec.key];
    if (value !== undefined && validField(spec, value)) out[spec.key] = value;
  }
  return out;
}

export function parseEncode(raw: unknown, version: ApiVersion): Record<string, number> | undefined {
  const picked = pickFields(raw, ENCODE_FIELDS, version);
  if (!picked) return undefined;
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(picked)) if (typeof value === 'number') out[key] = value;
  return out;
}

const triple = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length === 3 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
const position = (v: unknown): v is number[] => triple(v) && v.every((n) => Number.isInteger(n) && n >= -100 && n <= 100);
export const spatialPosition = position;

/** Sets target[key] only when there is a value, so absent stays absent (and its default applies). */
export function setIf<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

const bool = (v: unknown): v is boolean => typeof v === 'boolean';

export function parseControl(raw: unknown, version: ApiVersion): SimControl | undefined {
  if (!isObj(raw)) return undefined;
  const control: SimControl = { ...pickFields(raw, CONTROL_FIELDS, version) };
  const spatial = raw['SpatialConfig'];
  if (isObj(spatial)) {
    const config: NonNullable<SimControl['SpatialConfig']> = {};
    setIf(config, 'EnableSpatialRender', optional(spatial['EnableSpatialRender'], bool));
    setIf(config, 'AudienceSpatialPosition', optional(spatial['AudienceSpatialPosition'], position));
    const o = spatial['AudienceSpatialOrientation'];
    if (isObj(o)) {
      const orientation: NonNullable<typeof config.AudienceSpatialOrientation> = {};
      for (const axis of ['Forward', 'Right', 'Up'] as const) setIf(orientation, axis, optional(o[axis], triple));
      config.AudienceSpatialOrientation = orientation;
    }
    control.SpatialConfig = config;
  }
  if (version !== '2020-12-01') {
    const sei = pickFields(raw['SEIConfig'], SEI_FIELDS, version);
    if (sei) {
      // The simulator keeps the volume indication in one place for every version.
      const { VolumeIndicationMode, VolumeIndicationInterval, ...rest } = sei;
      setIf(control, 'VolumeIndicationMode', optional(VolumeIndicationMode, bool));
      setIf(control, 'VolumeIndicationInterval', optional(VolumeIndicationInterval, (v): v is number => typeof v === 'number'));
      // pickFields kept only documented SEI keys, each with its documented type.
      control.SEIConfig = rest as SimSei;
    }
  }
  return control;
}

export function parseCanvas(raw: unknown): SimCanvas | undefined {
  if (!isObj(raw)) return undefined;
  const size = (v: unknown): v is number => isInt(v) && v >= 2 && v <= 1920 && v % 2 === 0;
  const canvas: SimCanvas = {};
  setIf(canvas, 'Width', optional(raw['Width'], size));
  setIf(canvas, 'Height', optional(raw['Height'], size));
  setIf(canvas, 'Background', optional(raw['Background'], (v): v is string => typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)));
  setIf(canvas, 'BackgroundImage', optional(raw['BackgroundImage'], (v): v is string => typeof v === 'string' && v.length <= 1024));
  return canvas;
}

export function parseStream(raw: unknown, where: string): SimStream {
  if (!isObj(raw)) throw reject(`${where} must be an object.`);
  const userId = raw['UserId'];
  if (typeof userId !== 'string' || !ID_PATTERN.test(userId)) throw reject(`${where}.UserId is required and must match [a-zA-Z0-9_@.-]{1,128}.`);
  const stream: SimStream = { UserId: userId };
  const index = raw['Index'];
  if (index !== undefined) {
    if (!isInt(index) || index < 0) throw reject(`${where}.Index must be a non-negative integer.`);
    stream.Index = index;
  }
  setIf(stream, 'StreamType', optional(raw['StreamType'], (v): v is number => v === 0 || v === 1));
  return stream;
}

export function parseStreams(raw: unknown, field: string): SimStreams | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObj(raw)) throw reject(`${field} must be an object with a StreamList.`);
  const list = raw['StreamList'] ?? [];
  if (!Array.isArray(list)) throw reject(`${field}.StreamList must be a list.`);
  const streams = list.map((s, i) => parseStream(s, `${field}.StreamList[${i}]`));
  const indexes = streams.flatMap((s) => (s.Index === undefined ? [] : [s.Index]));
  if (new Set(indexes).size !== indexes.length) throw reject(`${field}.StreamList has a repeated Index; each must be unique.`);
  return { StreamList: streams };
}
