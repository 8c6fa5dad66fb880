import { useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { NormalisedLayout } from '../../../shared/layout-model.ts';
import { hitTest } from '../../../shared/layout-geometry.ts';
import { screenToCanvas } from './canvas-view.ts';
import type { CanvasViewApi } from './use-canvas-view.ts';
import { useCtrlWheelZoom } from './use-ctrl-wheel-zoom.ts';

/** Moves under this many CSS pixels are a click, not a drag. */
const DRAG_THRESHOLD = 4;
const PAN_STEP = 40;

interface Options {
  element: RefObject<HTMLDivElement | null>;
  layout: NormalisedLayout;
  api: CanvasViewApi;
  selectedId: string | undefined;
  onHover: (id: string | undefined) => void;
  onSelect: (id: string | undefined) => void;
}

/**
 * Mouse, wheel and keyboard on the canvas. Hover and click use the pure hitTest on canvas
 * coordinates, so every Konva layer can stay listening={false}.
 */
export function useCanvasPointer({ element, layout, api, selectedId, onHover, onSelect }: Options) {
  const drag = useRef<{ x: number; y: number; moved: boolean; id: number } | null>(null);
  const lastHover = useRef<string | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const { view, zoomAt, pan } = api;

  const local = (e: { clientX: number; clientY: number }) => {
    const box = element.current?.getBoundingClientRect();
    return { x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) };
  };
  const hover = (id: string | undefined) => {
    if (id === lastHover.current) return;
    lastHover.current = id;
    onHover(id);
  };

  useCtrlWheelZoom(element, zoomAt);

  const handlers = {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (e.button !== 0) return;
      drag.current = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      const d = drag.current;
      if (d && d.id === e.pointerId) {
        const dx = e.clientX - d.x;
        const dy = e.clientY - d.y;
        if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        if (!d.moved) {
          d.moved = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          setDragging(true);
        }
        drag.current = { ...d, x: e.clientX, y: e.clientY, moved: true };
        pan(dx, dy);
        return;
      }
      hover(hitTest(layout, screenToCanvas(view, local(e))));
    },
    onPointerUp: (e: PointerEvent<HTMLDivElement>) => {
      const d = drag.current;
      drag.current = null;
      if (!d || d.id !== e.pointerId) return;
      if (d.moved) {
        setDragging(false);
        return;
      }
      onSelect(hitTest(layout, screenToCanvas(view, local(e))));
    },
    onPointerCancel: () => {
      drag.current = null;
      setDragging(false);
    },
    onPointerLeave: () => {
      if (!drag.current?.moved) hover(undefined);
    },
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      const step = e.shiftKey ? PAN_STEP * 5 : PAN_STEP;
      const ids = layout.regions.map((r) => r.id);
      const at = selectedId === undefined ? -1 : ids.indexOf(selectedId);
      const actions: Record<string, () => void> = {
        '+': api.zoomIn, '=': api.zoomIn, '-': api.zoomOut, _: api.zoomOut,
        '0': api.fit, '1': api.actual,
        ArrowLeft: () => pan(step, 0), ArrowRight: () => pan(-step, 0), ArrowUp: () => pan(0, step), ArrowDown: () => pan(0, -step),
        ']': () => onSelect(ids[(at + 1) % ids.length]),
        '[': () => onSelect(ids[at <= 0 ? ids.length - 1 : at - 1]),
        Escape: () => onSelect(undefined),
      };
      const action = e.ctrlKey || e.metaKey || e.altKey ? undefined : actions[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    },
  };
  return { handlers, dragging };
}
