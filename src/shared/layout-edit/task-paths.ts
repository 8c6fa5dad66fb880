/**
 * Reading and writing one field of a raw task by the dotted paths the rest of mixscope prints
 * (`Layout.CustomLayout.Regions[2].SourceCrop.WidthProportion`, as formatPath and the request
 * rules write them). Writing copies only the objects on the path, so the input is never touched
 * and unchanged parts stay the same objects (cheap to compare, cheap to keep for undo).
 */

export type PathPart = string | number;
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const PART = /([^.[\]]+)|\[(\d+)\]/g;
// Keys that would reach an object's prototype instead of a field of the task.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** `A.B[2].C` → ['A', 'B', 2, 'C']. A malformed path (empty, `[x]`, stray characters) gives undefined. */
export function parsePath(path: string): PathPart[] | undefined {
  const parts: PathPart[] = [];
  let rebuilt = '';
  for (const m of path.matchAll(PART)) {
    if (m[2] !== undefined) {
      parts.push(Number(m[2]));
      rebuilt += m[0];
    } else {
      const key = m[1] ?? '';
      if (FORBIDDEN.has(key)) return undefined;
      rebuilt += rebuilt === '' ? key : `.${key}`;
      parts.push(key);
    }
  }
  // Anything the pattern skipped (a '..', a '[x]', a leading '.') makes rebuilt differ.
  return parts.length > 0 && rebuilt === path ? parts : undefined;
}

export function getIn(root: unknown, parts: readonly PathPart[]): unknown {
  let cur = root;
  for (const part of parts) {
    if (typeof part === 'number' ? !Array.isArray(cur) : !isObj(cur)) return undefined;
    cur = (cur as Record<PathPart, unknown>)[part];
  }
  return cur;
}

/**
 * A copy of `root` with the value at `parts` replaced; `undefined` removes the key, or the
 * element of a list (the later ones move up, as removing a region does). Missing objects on the
 * way are created (a list on the way is never replaced by one); a list is never made up or grown (an index past its end changes nothing), since
 * a made-up region or stream would lack its required fields: appendIn adds to a list.
 */
export function setIn(root: unknown, parts: readonly PathPart[], value: unknown): unknown {
  const [head, ...rest] = parts;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    if (!Array.isArray(root) || !Number.isInteger(head) || head < 0 || head >= root.length) return root;
    const copy = [...root];
    const next = setIn(copy[head], rest, value);
    if (next === undefined) copy.splice(head, 1);
    else copy[head] = next;
    return copy;
  }
  // A key of a list is no field of the task: leave the list alone.
  if (Array.isArray(root)) return root;
  const copy: Obj = isObj(root) ? { ...root } : {};
  const next = setIn(copy[head], rest, value);
  if (next === undefined) {
    // Removing what is not there changes nothing, not even the objects on the way.
    if (!Object.hasOwn(copy, head)) return root;
    delete copy[head];
  } else copy[head] = next;
  return copy;
}

/** setIn on a task, which stays an object: a path that would make it a list changes nothing. */
export function setField(task: Obj, parts: readonly PathPart[], value: unknown): Obj {
  const out = setIn(task, parts, value);
  return isObj(out) ? out : task;
}

/** `task` with `item` added at the end of the list at `listParts` (made when missing or not a list). */
export function appendIn(task: Obj, listParts: readonly PathPart[], item: unknown): Obj {
  const list = getIn(task, listParts);
  return setField(task, listParts, [...(Array.isArray(list) ? list : []), item]);
}
