import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Tracks an element's content width with a ResizeObserver (no polling, no layout thrash). The
 * first width is read before the browser paints, so nothing is ever shown (or read by a test) at
 * width 0: a component loaded on demand mounts after the page has settled.
 */
export function useElementWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
