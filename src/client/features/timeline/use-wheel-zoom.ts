import { useEffect, useRef, type RefObject } from 'react';

/**
 * Ctrl (or ⌘) with the wheel, and a trackpad pinch (which browsers send as a Ctrl wheel), zooms
 * around the moment under the pointer; a plain wheel still scrolls the page. The listener is
 * not passive, so the page does not zoom as well.
 */
export function useWheelZoom(target: RefObject<SVGSVGElement | null>, onZoom: (factor: number, clientX: number) => void) {
  const latest = useRef(onZoom);
  useEffect(() => {
    latest.current = onZoom;
  });
  useEffect(() => {
    const el = target.current;
    if (el === null) return undefined;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      // Lines and pages scroll further than pixels: bring them to about the same scale.
      const dy = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1);
      latest.current(2 ** Math.max(-1, Math.min(1, dy / 200)), e.clientX);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [target]);
}
