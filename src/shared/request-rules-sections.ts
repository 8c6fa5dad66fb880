import type { ApiVersion } from './api-versions.ts';
import {
  checkValue, isInt, isNum, isObj, join, sectionRules, shown, unknownKeys, type Obj, type RuleDraft, type ValueSpec,
} from './request-rules-values.ts';
import { ID_PATTERN } from './task-ref.ts';
import { CONTROL_FIELDS, ENCODE_FIELDS, SEI_FIELDS } from './volc-field-specs.ts';
import { STREAM_TYPE } from './volc-enums.ts';

/** Rules for the stream lists, Encode and Control (with SpatialConfig and SEIConfig). */

const STREAM_KEYS = ['UserId', 'Index', 'StreamType'] as const;
const STREAM_TYPE_SPEC: ValueSpec = { key: 'StreamType', default: 0, enum: STREAM_TYPE };

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

const SEI_STRINGS: Record<string, Partial<ValueSpec>> = {
  SEIPayloadUUID: { type: 'string', pattern: { re: /^[0-9a-fA-F]{32}$/, text: '[0-9a-fA-F]{32}' } },
  UserConfigExtraInfo: { type: 'string', maxLength: 4096 },
};
const SEI_SPECS: ValueSpec[] = SEI_FIELDS.map((s) => ({ ...s, ...SEI_STRINGS[s.key] }));
const V2023: readonly ApiVersion[] = ['2023-06-01', '2023-11-01'];

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

export function controlRules(body: Obj, version: ApiVersion): RuleDraft[] {
  const control = body['Control'];
  const out = sectionRules(control, CONTROL_FIELDS, 'Control', version, ['SpatialConfig', 'SEIConfig']);
  if (!isObj(control)) return out;
  out.push(...spatialRules(control['SpatialConfig'], 'Control.SpatialConfig'));
  if (control['SEIConfig'] !== undefined) {
    out.push(...(V2023.includes(version)
      ? sectionRules(control['SEIConfig'], SEI_SPECS, 'Control.SEIConfig', version)
      : [{ code: 'notInVersion' as const, path: 'Control.SEIConfig', params: { field: 'Control.SEIConfig', version } }]));
  }
  return out;
}
