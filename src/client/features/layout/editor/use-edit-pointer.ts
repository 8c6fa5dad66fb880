import { useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { hitTest, type Point } from '../../../../shared/layout-geometry.ts';
import { snapRect, type Guide } from '../../../../shared/layout-edit/snap.ts';
import type { NormalisedLayout, PixelRect } from '../../../../shared/layout-model.ts';
import { screenToCanvas } from '../canvas-view.ts';
import type { CanvasViewApi } from '../use-canvas-view.ts';
import { DRAG_CURSOR, dragRect, handleAt, nudgeRect, type DragKind } from './drag-rect.ts';
import { HANDLE_PX, screenRect } from './editor-marks.ts';
import { useCtrlWheelZoom } from '../use-ctrl-wheel-zoom.ts';

/** Moves under this many CSS pixels are a click, not a drag. */
const DRAG_THRESHOLD = 3;
const PAN_STEP = 40;
/** How near an edge, in screen pixels, a dragged edge snaps to it. */
export const SNAP_SCREEN_PX = 6;
/** A finger needs a larger target than a mouse around each handle. */
const GRAB_PX = { mouse: HANDLE_PX / 2 + 3, touch: 16 } as const;

interface Gesture {
  pointerId: number;
  /** Where the canvas element was when the press began: read once, not at every move (a forced layout). */
  box: { left: number; top: number };
  kind: DragKind | 'pan';
  start: Point;
  last: Point;
  moved: boolean;
  /** The region dragged, its rectangle when the drag began, and the undo step it makes. */
  region?: { id: string; index: number; rect: PixelRect; step: string };
}

export interface EditPointerOptions {
  element: RefObject<HTMLDivElement | null>;
  /** What the pointer can pick: the layout without the regions hidden in the list. */
  layout: NormalisedLayout;
  canvas: { width: number; height: number };
  api: CanvasViewApi;
  selectedId: string | undefined;
  snapping: boolean;
  onHover: (id: string | undefined) => void;
  onSelect: (id: string | undefined) => void;
  /** A region placed at `rect` (canvas pixels); calls with the same `step` are one undo step. */
  onPlace: (regionIndex: number, rect: PixelRect, step: string) => void;
  onRemove: (regionIndex: number) => void;
  /** A region is being dragged (true from its first move to its release). */
  onDragging: (dragging: boolean) => void;
}

let gestures = 0;
const nextStep = (what: string) => `${what}:${++gestures}`;

/**
 * Mouse, touch and keyboard on the editor's canvas, as in design tools: a press on a handle of
 * the selected region resizes it, on a region moves it (the selected one first, even where
 * another lies over it, so a hidden region can be dragged out), on the empty canvas pans; a
 * click picks the region on top. Snapping to the other regions and the canvas unless turned off
 * or Alt (Option) is held; arrows move the selected region by 1 px, 10 with Shift.
 */
export function useEditPointer(o: EditPointerOptions) {
  const { element, layout, api, selectedId } = o;
  const { view, zoomAt, pan } = api;
  const gesture = useRef<Gesture | null>(null);
  const [guides, setGuides] = useState<readonly Guide[]>([]);
  const [cursor, setCursor] = useState<string>('default');
  const lastHover = useRef<string | undefined>(undefined);
  const selected = selectedId === undefined ? undefined : layout.regions.find((r) => r.id === selectedId);
  const others = layout.regions.filter((r) => r.id !== selectedId).map((r) => r.rect);

  const local = (e: { clientX: number; clientY: number }, at?: Gesture['box']): Point => {
    const box = at ?? element.current?.getBoundingClientRect();
    return { x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) };
  };
  const hover = (id: string | undefined) => {
    if (id === lastHover.current) return;
    lastHover.current = id;
    o.onHover(id);
  };
  const grabbed = (p: Point, pointerType: string): DragKind | undefined => {
    if (!selected) return undefined;
    const handle = handleAt(screenRect(selected.rect, view), p, pointerType === 'touch' ? GRAB_PX.touch : GRAB_PX.mouse);
    if (handle) return handle;
    const c = screenToCanvas(view, p);
    const r = selected.rect;
    return c.x >= r.x && c.x <= r.x + r.width && c.y >= r.y && c.y <= r.y + r.height ? 'move' : undefined;
  };

  useCtrlWheelZoom(element, zoomAt);

  const place = (g: Gesture, e: { altKey: boolean }, p: Point) => {
    const region = g.region;
    if (!region || g.kind === 'pan') return;
    const dragged = dragRect(region.rect, g.kind, (p.x - g.start.x) / view.scale, (p.y - g.start.y) / view.scale);
    const snapped = o.snapping && !e.altKey ? snapRect(dragged, others, o.canvas, SNAP_SCREEN_PX / view.scale, g.kind) : { rect: dragged, guides: [] };
    setGuides(snapped.guides);
    o.onPlace(region.index, snapped.rect, region.step);
  };

  const handlers = {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (e.button !== 0) return;
      const rect = e.currentTarget.getBoundingClientRect();
      const box = { left: rect.left, top: rect.top };
      const p = local(e, box);
      let kind: DragKind | 'pan' | undefined = grabbed(p, e.pointerType);
      let target = kind ? selected : undefined;
      if (!kind) {
        const id = hitTest(layout, screenToCanvas(view, p));
        target = id === undefined ? undefined : layout.regions.find((r) => r.id === id);
        kind = target ? 'move' : 'pan';
      }
      gesture.current = {
        pointerId: e.pointerId, box, kind, start: p, last: p, moved: false,
        ...(target ? { region: { id: target.id, index: target.arrayIndex, rect: target.rect, step: nextStep(`drag:${target.id}`) } } : {}),
      };
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      const g = gesture.current;
      const p = local(e, g?.box);
      if (!g || g.pointerId !== e.pointerId) {
        const kind = grabbed(p, e.pointerType);
        const id = hitTest(layout, screenToCanvas(view, p));
        setCursor(kind ? DRAG_CURSOR[kind] : id ? 'pointer' : 'grab');
        hover(id);
        return;
      }
      if (!g.moved && Math.hypot(p.x - g.start.x, p.y - g.start.y) < DRAG_THRESHOLD) return;
      if (!g.moved) {
        g.moved = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        // A region dragged becomes the selected one, as in every design tool.
        if (g.region && g.region.id !== selectedId) o.onSelect(g.region.id);
        if (g.region) o.onDragging(true);
        setCursor(g.kind === 'pan' ? 'grabbing' : DRAG_CURSOR[g.kind]);
      }
      if (g.kind === 'pan') pan(p.x - g.last.x, p.y - g.last.y);
      else place(g, e, p);
      g.last = p;
    },
    onPointerUp: (e: PointerEvent<HTMLDivElement>) => {
      const g = gesture.current;
      gesture.current = null;
      setGuides([]);
      if (g?.moved && g.region) o.onDragging(false);
      if (!g || g.pointerId !== e.pointerId || g.moved) return;
      o.onSelect(hitTest(layout, screenToCanvas(view, local(e))));
    },
    onPointerCancel: () => {
      if (gesture.current?.moved && gesture.current.region) o.onDragging(false);
      gesture.current = null;
      setGuides([]);
    },
    onPointerLeave: () => {
      if (!gesture.current?.moved) hover(undefined);
    },
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const ids = layout.regions.map((r) => r.id);
      const at = selectedId === undefined ? -1 : ids.indexOf(selectedId);
      const nudged = selected && nudgeRect(selected.rect, e.key, e.shiftKey ? 10 : 1);
      const step = e.shiftKey ? PAN_STEP * 5 : PAN_STEP;
      const actions: Record<string, () => void> = {
        '+': api.zoomIn, '=': api.zoomIn, '-': api.zoomOut, _: api.zoomOut, '0': api.fit, '1': api.actual,
        ArrowLeft: () => pan(step, 0), ArrowRight: () => pan(-step, 0), ArrowUp: () => pan(0, step), ArrowDown: () => pan(0, -step),
        ']': () => o.onSelect(ids[(at + 1) % ids.length]),
        '[': () => o.onSelect(ids[at <= 0 ? ids.length - 1 : at - 1]),
        Escape: () => o.onSelect(undefined),
        ...(selected ? { Delete: () => o.onRemove(selected.arrayIndex), Backspace: () => o.onRemove(selected.arrayIndex) } : {}),
      };
      // One undo step for a run of arrow presses on one region.
      const action = selected && nudged ? () => o.onPlace(selected.arrayIndex, nudged, `nudge:${selected.id}`) : actions[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    },
  };
  return { handlers, guides, cursor };
}
