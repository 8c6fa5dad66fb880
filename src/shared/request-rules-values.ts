import type { ApiVersion } from './api-versions.ts';
import type { RuleCode } from './request-rules-text.ts';
import { ID_PATTERN } from './task-ref.ts';
import { appliesTo, checkRange, isFraction, specFor, type FieldSpec } from './volc-field-specs.ts';

/**
 * Building blocks of the request rules: what a value is, how a documented range reads, and the
 * check of one optional field against its spec (a bad optional value is reset to its default,
 * the documented Volcengine behaviour).
 */

export type Obj = Record<string, unknown>;

export interface RuleDraft {
  code: RuleCode;
  /** Dotted path from the body's root, '' for the whole body. */
  path: string;
  params: Record<string, string | number>;
}

/** What a rule needs to know about the request besides the value it checks. */
export interface RuleContext {
  version: ApiVersion;
  /** False for a partial update: what the body leaves out is whatever the task has now. */
  complete: boolean;
}

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A value as JSON shows it, shortened: what the user typed, in no particular language. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = Array.isArray(value) ? (value.length === 0 ? '[]' : '[…]') : isObj(value) ? '{…}' : JSON.stringify(value);
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

export const join = (prefix: string, key: string | number) =>
  typeof key === 'number' ? `${prefix}[${key}]` : prefix === '' ? key : `${prefix}.${key}`;

/** A spec with what volc-field-specs does not say: an open upper bound, strings, booleans. */
export interface ValueSpec extends FieldSpec {
  type?: 'number' | 'boolean' | 'string';
  maxExclusive?: boolean;
  pattern?: { re: RegExp; text: string };
  maxLength?: number;
}

export function rangeText(spec: ValueSpec): string {
  const unit = spec.unit ? ` ${spec.unit}` : '';
  if (spec.oneOf) return `{${spec.oneOf.join(', ')}}`;
  if (spec.enum) return `{${Object.keys(spec.enum).join(', ')}}`;
  const lo = spec.min === undefined ? '(-∞' : `${spec.minExclusive ? '(' : '['}${spec.min}`;
  const hi = spec.max === undefined ? '∞)' : `${spec.max}${spec.maxExclusive ? ')' : ']'}`;
  return `${lo}, ${hi}${unit}`;
}

export function defaultText(spec: ValueSpec): string {
  if (spec.default === undefined) return '—';
  return typeof spec.default === 'string' ? spec.default : JSON.stringify(spec.default);
}

/** The whole number closest to `value` that the spec's range still takes. */
function nearestWhole(spec: ValueSpec, value: number): number {
  const lo = spec.min === undefined ? -Infinity : spec.minExclusive ? Math.floor(spec.min) + 1 : Math.ceil(spec.min);
  const hi = spec.max === undefined ? Infinity : spec.maxExclusive ? Math.ceil(spec.max) - 1 : Math.floor(spec.max);
  return Math.min(Math.max(Math.round(value), lo), hi);
}

const typeOf = (spec: ValueSpec) => spec.type ?? (typeof spec.default === 'boolean' ? 'boolean' : 'number');

/** The rule a present optional value breaks, if any. */
export function checkValue(spec: ValueSpec, value: unknown, path: string): RuleDraft | undefined {
  const field = path;
  const type = typeOf(spec);
  const wrongType = (t: string): RuleDraft => ({ code: 'valueWrongType', path, params: { field, type: t, value: shown(value), default: defaultText(spec) } });
  if (type === 'boolean') return typeof value === 'boolean' ? undefined : wrongType('boolean');
  if (type === 'string') {
    if (typeof value !== 'string') return wrongType('string');
    if (spec.maxLength !== undefined && value.length > spec.maxLength) return { code: 'valueTooLong', path, params: { field, length: value.length, max: spec.maxLength } };
    if (spec.pattern && !spec.pattern.re.test(value)) return { code: 'valueBadFormat', path, params: { field, value: shown(value), format: spec.pattern.text, default: defaultText(spec) } };
    return undefined;
  }
  if (!isNum(value)) return wrongType(spec.integer ? 'integer' : 'number');
  if (isFraction(spec, value)) return { code: 'valueNotInteger', path, params: { field, value, whole: nearestWhole(spec, value) } };
  const verdict = spec.maxExclusive && spec.max !== undefined && value >= spec.max ? 'above' : checkRange(spec, value);
  if (verdict === 'ok') return undefined;
  if (verdict === 'odd') {
    const even = spec.max !== undefined && value + 1 > spec.max ? value - 1 : value + 1;
    return { code: 'valueOdd', path, params: { field, value, even, default: defaultText(spec) } };
  }
  return { code: 'valueOutOfRange', path, params: { field, value, range: rangeText(spec), default: defaultText(spec) } };
}

/** Edit distance, for "did you mean"; keys are short. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

export function suggest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  const near = known.map((k) => ({ k, d: distance(lower, k.toLowerCase()) })).filter((x) => x.d <= 2).sort((a, b) => a.d - b.d);
  return near[0]?.k;
}

/** Keys Volcengine does not know at this level: ignored, with the likely intended name. */
export function unknownKeys(obj: Obj, known: readonly string[], prefix: string): RuleDraft[] {
  return Object.keys(obj)
    .filter((key) => !known.includes(key))
    .map((key): RuleDraft => {
      const suggestion = suggest(key, known);
      const path = join(prefix, key);
      return suggestion
        ? { code: 'unknownFieldSuggest', path, params: { field: path, suggestion } }
        : { code: 'unknownField', path, params: { field: path } };
    });
}

/**
 * Every key of a section checked against its specs: a key of another API version is ignored,
 * an unknown key is ignored (with a suggestion), a bad value is reset. `nested` names keys that
 * another check handles (objects inside the section).
 */
export function sectionRules(raw: unknown, specs: readonly ValueSpec[], prefix: string, version: ApiVersion, nested: readonly string[] = []): RuleDraft[] {
  if (raw === undefined) return [];
  if (!isObj(raw)) return [{ code: 'valueWrongType', path: prefix, params: { field: prefix, type: 'object', value: shown(raw), default: '{}' } }];
  const out: RuleDraft[] = [];
  const known = specs.map((s) => s.key);
  out.push(...unknownKeys(raw, [...known, ...nested], prefix));
  for (const s of specs) {
    const value = raw[s.key];
    if (value === undefined) continue;
    const path = join(prefix, s.key);
    if (!appliesTo(s, version)) {
      out.push({ code: 'notInVersion', path, params: { field: path, version } });
      continue;
    }
    const problem = checkValue(specFor(s, version), value, path);
    if (problem) out.push(problem);
  }
  return out;
}

/** A required ID (AppId, RoomId, TaskId): present, a string, `[a-zA-Z0-9_@.-]{1,128}`. */
export function idRule(body: Obj, key: string): RuleDraft | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') return { code: 'missingRequired', path: key, params: { field: key } };
  if (typeof value !== 'string') return { code: 'idNotString', path: key, params: { field: key, value: shown(value) } };
  if (value.length > 128) return { code: 'idTooLong', path: key, params: { field: key, length: value.length } };
  if (!ID_PATTERN.test(value)) {
    const bad = [...new Set([...value].filter((ch) => !/[a-zA-Z0-9_@.-]/.test(ch)))].slice(0, 5);
    return { code: 'idCharset', path: key, params: { field: key, found: bad.map((ch) => JSON.stringify(ch)).join(' ') } };
  }
  return undefined;
}
