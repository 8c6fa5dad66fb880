import { useEffect, type RefObject } from 'react';
import type { Point } from '../../../shared/layout-geometry.ts';
import { wheelFactor } from './canvas-view.ts';

/**
 * Ctrl (or ⌘) + wheel zooms a canvas around the pointer; a plain wheel scrolls the page. A
 * listener of its own because React's onWheel is passive and cannot stop the browser's zoom.
 */
export function useCtrlWheelZoom(element: RefObject<HTMLElement | null>, zoomAt: (factor: number, at: Point) => void) {
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      const box = el.getBoundingClientRect();
      zoomAt(wheelFactor(e.deltaY, e.deltaMode), { x: e.clientX - box.left, y: e.clientY - box.top });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [element, zoomAt]);
}
