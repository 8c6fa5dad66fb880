import type { ApiVersion } from '../api-versions.ts';
import { normaliseLayout } from '../layout-normalise.ts';
import { parseTask } from '../parse-task.ts';
import { placementFields } from './region-placement.ts';
import { firstFree, isIndex, rawStreams, STREAMS_PATH, streamIndexes } from './task-lists.ts';
import { isObj, setField, type Obj } from './task-paths.ts';

const CUSTOM = 2;

/**
 * A template layout (adaptive, vertical, side by side) turned into the custom layout mixscope
 * draws for it, so each region can be moved. The templates are approximations of pictures in the
 * docs: the result looks like the drawing, not necessarily like Volcengine's output. Streams
 * without an Index get the smallest free ones, since custom regions point at streams by Index.
 * A layout that is custom already comes back as it is.
 */
export function makeCustom(task: Obj, version: ApiVersion): Obj {
  const parsed = parseTask(task).task;
  const layout = normaliseLayout(parsed, version);
  if (!layout.approximate) return task;
  const streams = rawStreams(task);
  const taken = streamIndexes(task);
  const withIndexes = streams.map((s) => {
    if (!isObj(s) || isIndex(s['Index'])) return s;
    const index = firstFree(taken);
    taken.push(index);
    return { ...s, Index: index };
  });
  const canvas = { width: layout.canvas.width.value, height: layout.canvas.height.value };
  // Each template region draws one TargetStreams entry (the main one first): find it, each entry once.
  const list = parsed.TargetStreams?.StreamList ?? [];
  const matched = new Set<number>();
  const order = layout.regions.map((r) => {
    const at = list.findIndex((s, i) => !matched.has(i) && s.UserId === r.stream?.userId && (s.StreamType ?? 0) === r.stream?.streamType.value);
    matched.add(at);
    return at;
  });
  const regions = layout.regions.map((r, i) => {
    const stream = withIndexes[order[i] ?? -1];
    return {
      StreamIndex: isObj(stream) && isIndex(stream['Index']) ? stream['Index'] : i,
      ...placementFields(r.rect, canvas, version),
      ZOrder: r.zOrder.value,
      RenderMode: r.renderMode.value,
    };
  });
  const rawLayout = isObj(task['Layout']) ? task['Layout'] : {};
  const rawCustom = isObj(rawLayout['CustomLayout']) ? rawLayout['CustomLayout'] : {};
  const rawCanvas = isObj(rawCustom['Canvas']) ? rawCustom['Canvas'] : {};
  const out: Obj = {
    ...task,
    Layout: {
      ...rawLayout,
      LayoutMode: CUSTOM,
      CustomLayout: { ...rawCustom, Canvas: { ...rawCanvas, Width: canvas.width, Height: canvas.height }, Regions: regions },
    },
  };
  return streams.length > 0 ? setField(out, STREAMS_PATH, withIndexes) : out;
}
