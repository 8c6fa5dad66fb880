import type { Guide } from '../../../../shared/layout-edit/snap.ts';
import type { PixelRect } from '../../../../shared/layout-model.ts';
import { canvasToScreen, type View } from '../canvas-view.ts';
import { HANDLES, handlePoint, type Handle } from './drag-rect.ts';

/**
 * What the editor draws over the layout's picture, in screen pixels of the viewport so it keeps
 * its size at every zoom: the selected region's resize handles and the snapping guides of the
 * gesture under way. Pure; editor-canvas.tsx draws it.
 */
export interface HandleMark {
  kind: 'handle';
  handle: Handle;
  /** Top-left corner of the square. */
  x: number;
  y: number;
  size: number;
}

export interface GuideMark {
  kind: 'guide';
  axis: Guide['axis'];
  points: [number, number, number, number];
}

export type EditorMark = HandleMark | GuideMark;

/** Drawn size of a handle on a mouse screen, in CSS pixels; touch screens grab a larger area around it. */
export const HANDLE_PX = 9;

export function editorMarks(selected: PixelRect | undefined, guides: readonly Guide[], view: View, handlePx = HANDLE_PX): EditorMark[] {
  const marks: EditorMark[] = guides.map((g) => {
    const a = canvasToScreen(view, g.axis === 'x' ? { x: g.at, y: g.from } : { x: g.from, y: g.at });
    const b = canvasToScreen(view, g.axis === 'x' ? { x: g.at, y: g.to } : { x: g.to, y: g.at });
    return { kind: 'guide', axis: g.axis, points: [a.x, a.y, b.x, b.y] };
  });
  if (selected) {
    for (const handle of HANDLES) {
      const p = canvasToScreen(view, handlePoint(selected, handle));
      marks.push({ kind: 'handle', handle, x: p.x - handlePx / 2, y: p.y - handlePx / 2, size: handlePx });
    }
  }
  return marks;
}

/** The selected region's rectangle on the screen, where its handles are looked for. */
export function screenRect(rect: PixelRect, view: View): PixelRect {
  const a = canvasToScreen(view, rect);
  return { x: a.x, y: a.y, width: rect.width * view.scale, height: rect.height * view.scale };
}
