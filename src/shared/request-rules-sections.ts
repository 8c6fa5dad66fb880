import type { ApiVersion } from './api-versions.ts';
import {
  checkValue, isInt, isNum, isObj, join, sectionRules, shown, unknownKeys, type Obj, type RuleContext, type RuleDraft, type ValueSpec,
} from './request-rules-values.ts';
import { ID_PATTERN } from './task-ref.ts';
import { CONTROL_FIELDS, ENCODE_FIELDS, SEI_FIELDS, SEI_UUID } from './volc-field-specs.ts';
import { STREAM_TYPE } from './volc-enums.ts';

/** Rules for the stream lists, Encode and Control (with SpatialConfig and SEIConfig). */

const STREAM_KEYS = ['UserId', 'Index', 'StreamType'] as const;
const STREAM_TYPE_SPEC: ValueSpec = { key: 'StreamType', default: 0, enum: STREAM_TYPE, integer: true };

/** One Stream object (a StreamList entry, Layout.MainVideoStream). */
export function streamRules(raw: unknown, path: string): RuleDraft[] {
  if (!isObj(raw)) return [{ code: 'streamInvalid', path, params: { field: path, value: shown(raw) } }];
  const out = unknownKeys(raw, STREAM_KEYS, path);
  const userId = raw['UserId'];
  if (typeof userId !== 'string' || !ID_PATTERN.test(userId)) {
    out.push({ code: 'streamUserIdInvalid', path: join(path, 'UserId'), params: { field: join(path, 'UserId'), value: shown(userId) } });
  }
  const index = raw['Index'];
  if (index !== undefined && !(isInt(index) && index >= 0)) {
    out.push({ code: 'streamIndexInvalid', path: join(path, 'Index'), params: { field: join(path, 'Index'), value: shown(index) } });
  }
  if (raw['StreamType'] !== undefined) {
    const problem = checkValue(STREAM_TYPE_SPEC, raw['StreamType'], join(path, 'StreamType'));
    if (problem) out.push(problem);
  }
  return out;
}

/** The entries of TargetStreams or ExcludeStreams, whatever their shape. */
export function streamEntries(raw: unknown): unknown[] {
  const list = isObj(raw) ? raw['StreamList'] : undefined;
  return Array.isArray(list) ? list : [];
}

/** TargetStreams / ExcludeStreams: a StreamList of streams whose Index values are unique. */
export function streamListRules(raw: unknown, field: string): RuleDraft[] {
  if (raw === undefined || raw === null) return [];
  if (!isObj(raw)) return [{ code: 'streamListInvalid', path: field, params: { field, value: shown(raw) } }];
  const out = unknownKeys(raw, ['StreamList'], field);
  const list = raw['StreamList'];
  if (list === undefined || list === null) return out;
  const listPath = join(field, 'StreamList');
  if (!Array.isArray(list)) return [...out, { code: 'streamListInvalid', path: listPath, params: { field: listPath, value: shown(list) } }];
  list.forEach((entry, i) => out.push(...streamRules(entry, join(listPath, i))));
  const counts = new Map<number, number>();
  for (const entry of list) {
    const index = isObj(entry) ? entry['Index'] : undefined;
    if (isInt(index)) counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  for (const [index, n] of counts) if (n > 1) out.push({ code: 'duplicateIndex', path: listPath, params: { field: listPath, index } });
  return out;
}

export function encodeRules(body: Obj, version: ApiVersion): RuleDraft[] {
  return sectionRules(body['Encode'], ENCODE_FIELDS, 'Encode', version);
}

const SEI_PATH = 'Control.SEIConfig';
const UUID_PATH = `${SEI_PATH}.SEIPayloadUUID`;
// SEIPayloadUUID depends on the payload type: seiUuidRules judges it.
const SEI_SPECS: ValueSpec[] = SEI_FIELDS
  .filter((s) => s.key !== 'SEIPayloadUUID')
  .map((s) => (s.key === 'UserConfigExtraInfo' ? { ...s, type: 'string', maxLength: 4096 } : s));
const V2023: readonly ApiVersion[] = ['2023-06-01', '2023-11-01'];
const PAYLOAD_TYPE_SPEC = SEI_SPECS.find((s) => s.key === 'SEIPayLoadType');

/**
 * The payload type that applies: the one sent when valid, the default (100) when an invalid one
 * is reset or a complete request sends none, unknown when a partial update keeps the task's.
 */
function seiPayloadType(sei: Obj, complete: boolean): number | undefined {
  const sent = sei['SEIPayLoadType'];
  if (sent === undefined) return complete ? 100 : undefined;
  return PAYLOAD_TYPE_SPEC && !checkValue(PAYLOAD_TYPE_SPEC, sent, 'SEIPayLoadType') && isInt(sent) ? sent : 100;
}

/**
 * SEIPayloadUUID (SDK model comment): with SEIPayLoadType 5 it is required and must be 32 hex
 * digits, else InvalidParameter; with 100 its content is ignored, however it is written.
 */
function seiUuidRules(sei: Obj, complete: boolean): RuleDraft[] {
  const type = seiPayloadType(sei, complete);
  const uuid = sei['SEIPayloadUUID'];
  if (type === undefined) return [];
  if (type !== 5) return uuid === undefined ? [] : [{ code: 'seiUuidIgnored', path: UUID_PATH, params: { field: UUID_PATH, type } }];
  // A partial update may keep the UUID the task already has.
  if (uuid === undefined) return complete ? [{ code: 'seiUuidMissing', path: UUID_PATH, params: { field: UUID_PATH } }] : [];
  if (typeof uuid === 'string' && SEI_UUID.test(uuid)) return [];
  return [{ code: 'seiUuidInvalid', path: UUID_PATH, params: { field: UUID_PATH, value: shown(uuid) } }];
}

function seiRules(raw: unknown, { version, complete }: RuleContext): RuleDraft[] {
  if (!V2023.includes(version)) return [{ code: 'notInVersion', path: SEI_PATH, params: { field: SEI_PATH, version } }];
  const out = sectionRules(raw, SEI_SPECS, SEI_PATH, version, ['SEIPayloadUUID']);
  return isObj(raw) ? [...out, ...seiUuidRules(raw, complete)] : out;
}

const AXES = { Forward: [1, 0, 0], Right: [0, 1, 0], Up: [0, 0, 1] } as const;
const isTriple = (v: unknown): v is [number, number, number] => Array.isArray(v) && v.length === 3 && v.every(isNum);

function spatialRules(raw: unknown, path: string): RuleDraft[] {
  if (raw === undefined) return [];
  const specs: ValueSpec[] = [{ key: 'EnableSpatialRender', default: false }];
  const out = sectionRules(raw, specs, path, '2020-12-01', ['AudienceSpatialPosition', 'AudienceSpatialOrientation']);
  if (!isObj(raw)) return out;
  const position = raw['AudienceSpatialPosition'];
  const positionPath = join(path, 'AudienceSpatialPosition');
  if (position !== undefined && !(isTriple(position) && position.every((n) => Number.isInteger(n) && n >= -100 && n <= 100))) {
    out.push({ code: 'valueOutOfRange', path: positionPath, params: { field: positionPath, value: shown(position), range: '[-100, 100] × 3', default: '[0, 0, 0]' } });
  }
  const orientation = raw['AudienceSpatialOrientation'];
  const orientationPath = join(path, 'AudienceSpatialOrientation');
  if (orientation === undefined) return out;
  if (!isObj(orientation)) return [...out, { code: 'valueWrongType', path: orientationPath, params: { field: orientationPath, type: 'object', value: shown(orientation), default: '—' } }];
  out.push(...unknownKeys(orientation, Object.keys(AXES), orientationPath));
  const vectors = Object.entries(AXES).map(([axis, fallback]) => {
    const v = orientation[axis];
    if (v === undefined) return fallback;
    if (isTriple(v)) return v;
    out.push({ code: 'valueWrongType', path: join(orientationPath, axis), params: { field: join(orientationPath, axis), type: '[x, y, z]', value: shown(v), default: JSON.stringify(fallback) } });
    return fallback;
  });
  const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
  const [f = AXES.Forward, r = AXES.Right, u = AXES.Up] = vectors;
  if ([dot(f, r), dot(f, u), dot(r, u)].some((d) => Math.abs(d) > 1e-6)) {
    out.push({ code: 'notPerpendicular', path: orientationPath, params: { field: orientationPath } });
  }
  return out;
}

export function controlRules(body: Obj, context: RuleContext): RuleDraft[] {
  const { version } = context;
  const control = body['Control'];
  const out = sectionRules(control, CONTROL_FIELDS, 'Control', version, ['SpatialConfig', 'SEIConfig']);
  if (!isObj(control)) return out;
  out.push(...spatialRules(control['SpatialConfig'], 'Control.SpatialConfig'));
  if (control['SEIConfig'] !== undefined) out.push(...seiRules(control['SEIConfig'], context));
  return out;
}
