import type { Layer } from 'konva/lib/Layer';

/**
 * User Timing marks for "link opened → picture shown", timed from navigation start
 * (bench/nav.bench.ts, or the browser's performance panel). Once per page load each, which is
 * what a cold navigation measures:
 * - `layout-drawn`: the layout's first picture: in the server's HTML (marked by the inline script
 *   that follows it, server/first-paint/layout-drawn-script.ts), else by the preview or by Konva,
 *   whichever is first;
 * - `layout-interactive`: the Konva canvas drawn (zoom, hover and export work from then on).
 */
export const LAYOUT_DRAWN_MARK = 'layout-drawn';
export const LAYOUT_INTERACTIVE_MARK = 'layout-interactive';
const EVENT = 'draw.layout-drawn-mark';
const marked = new Set<string>();

function markOnce(name: string): void {
  // The server's HTML may have marked its picture already (server/first-paint/layout-drawn-script.ts).
  if (marked.has(name) || performance.getEntriesByName(name, 'mark').length > 0) return;
  marked.add(name);
  performance.mark(name);
}

export function markLayoutDrawn(): void {
  markOnce(LAYOUT_DRAWN_MARK);
}

/** Ref callback for the Konva regions layer: marks after its first draw, then stops listening. */
export function markFirstDraw(layer: Layer | null): (() => void) | undefined {
  if (layer === null || marked.has(LAYOUT_INTERACTIVE_MARK)) return undefined;
  layer.on(EVENT, () => {
    layer.off(EVENT);
    markLayoutDrawn();
    markOnce(LAYOUT_INTERACTIVE_MARK);
  });
  return () => void layer.off(EVENT);
}
