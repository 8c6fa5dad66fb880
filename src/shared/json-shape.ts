/**
 * How deep and how big a parsed JSON value is, measured without recursion. JSON.parse accepts
 * any nesting, but everything after it that walks a value (JSON.stringify, zod, React) recurses
 * and overflows the stack on a few thousand levels; a value refused here never reaches them.
 */

export interface JsonShapeLimits {
  /** Containers inside containers: `[]` is 1 deep, `{"a":[]}` 2. */
  maxDepth: number;
  /** Values of every kind, containers included. */
  maxValues: number;
}

/** A task is under ten levels and a few hundred values deep: these are far above any real one. */
export const TASK_JSON_LIMITS: JsonShapeLimits = { maxDepth: 64, maxValues: 100_000 };

export type JsonShapeVerdict =
  | { ok: true }
  | { ok: false; problem: 'depth'; limit: number; path: string }
  | { ok: false; problem: 'size'; limit: number };

/** Path segments kept for the message; deeper ones are elided, the path of a deep value is not the point. */
const PATH_SEGMENTS = 4;

interface Place { path: string; segments: number }

function childPlace(parent: Place, key: string): Place {
  if (parent.segments >= PATH_SEGMENTS) return parent.path.endsWith('…') ? parent : { path: `${parent.path}…`, segments: parent.segments };
  const path = key.startsWith('[') || parent.path === '' ? `${parent.path}${key}` : `${parent.path}.${key}`;
  return { path, segments: parent.segments + 1 };
}

export function checkJsonShape(value: unknown, limits: JsonShapeLimits = TASK_JSON_LIMITS): JsonShapeVerdict {
  const stack: { value: unknown; depth: number; place: Place }[] = [{ value, depth: 0, place: { path: '', segments: 0 } }];
  let values = 1;
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const v = item.value;
    if (typeof v !== 'object' || v === null) continue;
    const depth = item.depth + 1;
    if (depth > limits.maxDepth) return { ok: false, problem: 'depth', limit: limits.maxDepth, path: item.place.path === '' ? '(the top level)' : item.place.path };
    const children: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x]) : Object.entries(v);
    values += children.length;
    if (values > limits.maxValues) return { ok: false, problem: 'size', limit: limits.maxValues };
    for (const [key, child] of children) stack.push({ value: child, depth, place: childPlace(item.place, key) });
  }
  return { ok: true };
}

/** The verdict in words, for an error message: what is wrong and how far off it is. */
export function describeJsonShapeProblem(verdict: Exclude<JsonShapeVerdict, { ok: true }>): string {
  return verdict.problem === 'depth'
    ? `the value at ${verdict.path} is nested more than ${verdict.limit} levels deep`
    : `it holds more than ${verdict.limit} values`;
}
