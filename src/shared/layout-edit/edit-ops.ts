import type { ApiVersion } from '../api-versions.ts';
import type { PixelRect } from '../layout-model.ts';
import { makeCustom } from './make-custom.ts';
import { editCanvas, placementFields } from './region-placement.ts';
import {
  firstFree, isIndex, rawRegions, rawStreams, REGIONS_PATH, regionStreamIndexes, streamIndexes, STREAMS_PATH,
} from './task-lists.ts';
import { appendIn, isObj, parsePath, setField, type Obj } from './task-paths.ts';

/**
 * The what-if editor's edits of a raw task document (the Volcengine-shaped object, in its API
 * version): each returns a new document and leaves its input alone, so the drawing, warnings and
 * region table read the edited copy exactly as they read a task, and undo keeps old ones as they were.
 * An edit that does not apply (an index past the end, a malformed path) returns the input itself.
 */
export type EditOp =
  /** Canvas pixels; written in the version's coordinate model, whole pixels, inside the documented ranges. */
  | { kind: 'place'; regionIndex: number; rect: PixelRect }
  /** Any field by its path, e.g. `Layout.CustomLayout.Regions[2].ZOrder`; `undefined` removes it. */
  | { kind: 'set'; path: string; value: unknown }
  /** A region for `streamIndex`, else the first stream without one: centred, a quarter of the canvas, on top. */
  | { kind: 'addRegion'; streamIndex?: number }
  | { kind: 'removeRegion'; regionIndex: number }
  /** A TargetStreams entry; `index` defaults to the smallest Index no stream or region uses. */
  | { kind: 'addStream'; userId: string; streamType?: number; index?: number }
  /** Regions that pointed at it stay: the warnings and request rules say they match no stream. */
  | { kind: 'removeStream'; listIndex: number }
  /** A template layout (adaptive, vertical, side by side) as the custom layout it approximates, to edit region by region. */
  | { kind: 'makeCustom' };

export { regionFieldPath } from './task-lists.ts';

const ZORDER_TOP = 100;

function place(task: Obj, version: ApiVersion, regionIndex: number, rect: PixelRect): Obj {
  const regions = rawRegions(task);
  if (!isIndex(regionIndex) || regionIndex >= regions.length) return task;
  const current = regions[regionIndex];
  const region = { ...(isObj(current) ? current : {}), ...placementFields(rect, editCanvas(task, version), version) };
  return setField(task, [...REGIONS_PATH, regionIndex], region);
}

function addRegion(task: Obj, version: ApiVersion, streamIndex: number | undefined): Obj {
  const regions = rawRegions(task);
  const used = regionStreamIndexes(task);
  const withoutRegion = streamIndexes(task).find((i) => !used.includes(i));
  const index = streamIndex ?? withoutRegion ?? firstFree([...used, ...streamIndexes(task)]);
  const canvas = editCanvas(task, version);
  const rect = { x: canvas.width / 4, y: canvas.height / 4, width: canvas.width / 2, height: canvas.height / 2 };
  const zOrders = regions.flatMap((r) => (isObj(r) && isIndex(r['ZOrder']) && r['ZOrder'] <= ZORDER_TOP ? [r['ZOrder']] : []));
  // One above the highest; at the top already, equal ZOrder draws in Regions[] order, and it comes last.
  const zOrder = Math.min(ZORDER_TOP, Math.max(-1, ...zOrders) + 1);
  const region = { StreamIndex: index, ...placementFields(rect, canvas, version), ZOrder: zOrder };
  return appendIn(task, REGIONS_PATH, region);
}

function removeAt(task: Obj, path: readonly string[], listIndex: number, length: number): Obj {
  return isIndex(listIndex) && listIndex < length ? setField(task, [...path, listIndex], undefined) : task;
}

function addStream(task: Obj, op: Extract<EditOp, { kind: 'addStream' }>): Obj {
  const index = op.index ?? firstFree([...streamIndexes(task), ...regionStreamIndexes(task)]);
  const stream: Obj = { UserId: op.userId, Index: index };
  if (op.streamType !== undefined) stream['StreamType'] = op.streamType;
  return appendIn(task, STREAMS_PATH, stream);
}

/** One edit of a raw task document; pure, never mutates `task`. */
export function applyEdit(task: unknown, version: ApiVersion, op: EditOp): Obj {
  const base = isObj(task) ? task : {};
  switch (op.kind) {
    case 'place':
      return place(base, version, op.regionIndex, op.rect);
    case 'set': {
      const parts = parsePath(op.path);
      return parts ? setField(base, parts, op.value) : base;
    }
    case 'addRegion':
      return addRegion(base, version, op.streamIndex);
    case 'removeRegion':
      return removeAt(base, REGIONS_PATH, op.regionIndex, rawRegions(base).length);
    case 'addStream':
      return addStream(base, op);
    case 'removeStream':
      return removeAt(base, STREAMS_PATH, op.listIndex, rawStreams(base).length);
    case 'makeCustom':
      return makeCustom(base, version);
  }
}
