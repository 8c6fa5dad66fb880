import { maskPushUrl } from './push-url.ts';

/**
 * What changed between two task payloads, field by field: the timeline's "since the previous
 * change" list and the editor's diff against the original. Lifecycle fields are left out (the
 * lanes show them); the push URL stays masked.
 */
export interface FieldChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
  /** An array changed length: before/after hold the item counts. */
  count?: boolean;
}

const LIFECYCLE = new Set(['Status', 'PushStreamState', 'StopReason', 'StartTime', 'EndTime']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function show(path: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (path === 'PushURL' && typeof v === 'string') return maskPushUrl(v);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** A part present on one side only is compared with an empty one, so its fields are listed. */
const emptyLike = (v: unknown, other: unknown): unknown =>
  v === undefined ? (Array.isArray(other) ? [] : isObject(other) ? {} : v) : v;

function walk(path: string, x: unknown, y: unknown, out: FieldChange[]) {
  const a = emptyLike(x, y);
  const b = emptyLike(y, x);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push({ path, before: String(a.length), after: String(b.length), count: true });
    for (let i = 0; i < Math.min(a.length, b.length); i++) walk(`${path}[${i}]`, a[i], b[i], out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      if (path === '' && LIFECYCLE.has(k)) continue;
      walk(path === '' ? k : `${path}.${k}`, a[k], b[k], out);
    }
    return;
  }
  const before = show(path, a);
  const after = show(path, b);
  if (before !== after) out.push({ path, before, after });
}

export function diffPayloads(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk('', before ?? {}, after ?? {}, out);
  return out;
}
