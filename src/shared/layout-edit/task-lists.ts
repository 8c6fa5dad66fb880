import { isObj, type Obj } from './task-paths.ts';

/** The two lists the editor adds to and removes from, read whatever shape the document has. */

export const REGIONS_PATH = ['Layout', 'CustomLayout', 'Regions'] as const;
export const STREAMS_PATH = ['TargetStreams', 'StreamList'] as const;

/** The path of one field of one region, as the `set` edit takes it. */
export function regionFieldPath(regionIndex: number, field: string): string {
  return `${REGIONS_PATH.join('.')}[${regionIndex}].${field}`;
}

export const isIndex = (v: unknown): v is number => Number.isInteger(v) && Number(v) >= 0;

function listAt(task: Obj, path: readonly string[]): unknown[] {
  let cur: unknown = task;
  for (const key of path) cur = isObj(cur) ? cur[key] : undefined;
  return Array.isArray(cur) ? cur : [];
}

export const rawRegions = (task: Obj): unknown[] => listAt(task, REGIONS_PATH);
export const rawStreams = (task: Obj): unknown[] => listAt(task, STREAMS_PATH);

/** StreamIndex of every region that has a valid one. */
export const regionStreamIndexes = (task: Obj): number[] =>
  rawRegions(task).flatMap((r) => (isObj(r) && isIndex(r['StreamIndex']) ? [r['StreamIndex']] : []));
/** Index of every TargetStreams entry that has a valid one. */
export const streamIndexes = (task: Obj): number[] =>
  rawStreams(task).flatMap((s) => (isObj(s) && isIndex(s['Index']) ? [s['Index']] : []));

/** The smallest non-negative integer not in `used`. */
export function firstFree(used: Iterable<number>): number {
  const taken = new Set(used);
  let i = 0;
  while (taken.has(i)) i++;
  return i;
}
