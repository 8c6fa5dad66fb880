import type { NormalisedLayout } from './layout-model.ts';
import { buildTaskModel, type TaskModel } from './task-model.ts';

/**
 * Small task builders shared by the geometry, source-frame and warning tests. They produce raw
 * task objects and go through buildTaskModel, so the tests exercise the same path as real data.
 */

export interface TestBox {
  x: number;
  y: number;
  w: number;
  h: number;
  z?: number;
  alpha?: number;
  radius?: number;
  mediaType?: number;
  /** StreamIndex; defaults to the box's position. */
  index?: number;
}

export const CANVAS_720P = { width: 1280, height: 720 };

/** A 2023-11-01 custom-layout task (pixel coordinates) with one target stream per box, user "u<index>". */
export function pixelTask(boxes: TestBox[], canvas = CANVAS_720P): Record<string, unknown> {
  return {
    TargetStreams: { StreamList: boxes.map((b, i) => ({ UserId: `u${b.index ?? i}`, Index: b.index ?? i })) },
    Layout: {
      LayoutMode: 2,
      CustomLayout: {
        Canvas: { Width: canvas.width, Height: canvas.height },
        Regions: boxes.map((b, i) => ({
          StreamIndex: b.index ?? i,
          LocationX: b.x,
          LocationY: b.y,
          Width: b.w,
          Height: b.h,
          ...(b.z === undefined ? {} : { ZOrder: b.z }),
          ...(b.alpha === undefined ? {} : { Alpha: b.alpha }),
          ...(b.radius === undefined ? {} : { CornerRadius: b.radius }),
          ...(b.mediaType === undefined ? {} : { MediaType: b.mediaType }),
        })),
      },
    },
  };
}

/**
 * A warnings list without what the source-frame checks add: the test boxes have any shape, so
 * RenderMode 0 stretches most of them, which is beside the point of a geometry test.
 */
export function apartFromSource<T extends { code: string }>(list: T[]): T[] {
  const source = ['sourceStretched', 'sourceCroppedAway', 'cropAspectCut', 'cropAspectBars'];
  return list.filter((w) => !source.includes(w.code));
}

export function pixelModel(boxes: TestBox[], canvas = CANVAS_720P): TaskModel {
  return buildTaskModel(pixelTask(boxes, canvas), '2023-11-01');
}

export function pixelLayout(boxes: TestBox[], canvas = CANVAS_720P): NormalisedLayout {
  return pixelModel(boxes, canvas).layout;
}
