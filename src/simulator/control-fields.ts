import type { ApiVersion } from '../shared/api-versions.ts';
import { ID_PATTERN } from '../shared/task-ref.ts';
import {
  appliesTo, checkRange, CONTROL_FIELDS, ENCODE_FIELDS, isFraction, SEI_FIELDS, SEI_UUID, specFor, type FieldSpec,
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

/**
 * An Int32 field sent with a fraction: the API models cannot decode it, so the request fails
 * (InvalidParameter) rather than falling back to the default as an out-of-range value does.
 */
export function refuseFraction(value: unknown, where: string): void {
  if (isFraction({ integer: true }, value)) throw reject(`${where} must be a whole number (Int32); got ${value}.`);
}

/** An optional Int32 field: a fraction fails the request, any other invalid value is dropped. */
export function optionalInt(value: unknown, where: string, ok: (v: unknown) => v is number): number | undefined {
  refuseFraction(value, where);
  return optional(value, ok);
}

/** An optional value kept only when `ok` says it is valid. */
export function optional<T>(value: unknown, ok: (v: unknown) => v is T): T | undefined {
  return ok(value) ? value : undefined;
}

function validField(spec: FieldSpec, value: unknown): boolean {
  if (typeof spec.default === 'boolean') return typeof value === 'boolean';
  if (spec.key === 'UserConfigExtraInfo') return typeof value === 'string' && value.length <= 4096;
  return typeof value === 'number' && Number.isFinite(value) && checkRange(spec, value) === 'ok';
}

/**
 * The fields of one section that this version has and whose values are in range; an Int32 sent
 * with a fraction fails the request. `section` names it in that answer.
 */
export function pickFields(raw: unknown, specs: readonly FieldSpec[], version: ApiVersion, section: string): Obj | undefined {
  if (!isObj(raw)) return undefined;
  const out: Obj = {};
  for (const s of specs) {
    if (!appliesTo(s, version)) continue;
    const spec = specFor(s, version);
    const value = raw[spec.key];
    if (isFraction(spec, value)) throw reject(`${section}.${spec.key} must be a whole number (Int32); got ${value}.`);
    if (value !== undefined && validField(spec, value)) out[spec.key] = value;
  }
  return out;
}

export function parseEncode(raw: unknown, version: ApiVersion): Record<string, number> | undefined {
  const picked = pickFields(raw, ENCODE_FIELDS, version, 'Encode');
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

const SEI_PICKED = SEI_FIELDS.filter((s) => s.key !== 'SEIPayloadUUID');

/**
 * SEIPayloadUUID as the SDK model describes it: with SEIPayLoadType 5 it is required and must be
 * 32 hex digits (InvalidParameter otherwise); with 100, the default, it is ignored. `kept` is the
 * task's SEIConfig when a partial update leaves the payload type or UUID as they are.
 */
function seiUuid(raw: Obj, picked: Obj, kept: SimSei | undefined): string | undefined {
  const sentType = raw['SEIPayLoadType'];
  const type = sentType === undefined ? (kept?.SEIPayLoadType ?? 100) : (picked['SEIPayLoadType'] ?? 100);
  if (type !== 5) return undefined;
  const uuid = raw['SEIPayloadUUID'];
  if (uuid === undefined) {
    if (kept?.SEIPayloadUUID !== undefined) return undefined;
    throw reject('Control.SEIConfig.SEIPayloadUUID is required when SEIPayLoadType is 5.');
  }
  if (typeof uuid !== 'string' || !SEI_UUID.test(uuid)) {
    throw reject('Control.SEIConfig.SEIPayloadUUID must be 32 hexadecimal characters (0-9, a-f, A-F), without dashes.');
  }
  return uuid;
}

/** `kept` is the task's Control when a partial update merges into it, else undefined. */
export function parseControl(raw: unknown, version: ApiVersion, kept?: SimControl): SimControl | undefined {
  if (!isObj(raw)) return undefined;
  const control: SimControl = { ...pickFields(raw, CONTROL_FIELDS, version, 'Control') };
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
  const rawSei = raw['SEIConfig'];
  if (version !== '2020-12-01' && isObj(rawSei)) {
    const sei = pickFields(rawSei, SEI_PICKED, version, 'Control.SEIConfig') ?? {};
    setIf(sei, 'SEIPayloadUUID', seiUuid(rawSei, sei, kept?.SEIConfig));
    // The simulator keeps the volume indication in one place for every version.
    const { VolumeIndicationMode, VolumeIndicationInterval, ...rest } = sei;
    setIf(control, 'VolumeIndicationMode', optional(VolumeIndicationMode, bool));
    setIf(control, 'VolumeIndicationInterval', optional(VolumeIndicationInterval, (v): v is number => typeof v === 'number'));
    // pickFields kept only documented SEI keys, each with its documented type.
    control.SEIConfig = rest as SimSei;
  }
  return control;
}

export function parseCanvas(raw: unknown): SimCanvas | undefined {
  if (!isObj(raw)) return undefined;
  const size = (v: unknown): v is number => isInt(v) && v >= 2 && v <= 1920 && v % 2 === 0;
  const canvas: SimCanvas = {};
  setIf(canvas, 'Width', optionalInt(raw['Width'], 'Layout.CustomLayout.Canvas.Width', size));
  setIf(canvas, 'Height', optionalInt(raw['Height'], 'Layout.CustomLayout.Canvas.Height', size));
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
  setIf(stream, 'StreamType', optionalInt(raw['StreamType'], `${where}.StreamType`, (v): v is number => v === 0 || v === 1));
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
