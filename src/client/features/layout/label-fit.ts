/**
 * Region labels in screen pixels: a fixed font size at every zoom, cut with an ellipsis to the
 * region's width. Measuring is injected so the fitting is a pure function.
 */
export const LABEL_FONT_PX = 12;
export const LABEL_PAD_PX = 3;
export const LABEL_INSET_PX = 4;
/** Below this many screen pixels of room a label is not drawn. */
export const LABEL_MIN_ROOM_PX = 36;
/** The light rim of a label's dark plate, so it reads on a dark region too. */
export const LABEL_RIM = 'rgba(248,250,252,0.55)';
export const LABEL_FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

export function fitLabel(text: string, maxWidth: number, measure: (s: string) => number): string | undefined {
  if (measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  // The longest prefix that still fits with an ellipsis: binary search over the prefix length.
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? undefined : `${chars.slice(0, lo).join('').trimEnd()}…`;
}

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** Text width in CSS pixels at the label font (at `fontPx`, 12 by default), cached (browser only). */
export function measureLabel(text: string, fontPx = LABEL_FONT_PX): number {
  const key = fontPx === LABEL_FONT_PX ? text : `${fontPx}\u0000${text}`;
  const cached = widths.get(key);
  if (cached !== undefined) return cached;
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (!context) return text.length * fontPx * 0.6;
  context.font = `${fontPx}px ${LABEL_FONT_FAMILY}`;
  const width = context.measureText(text).width;
  if (widths.size > 5000) widths.clear();
  widths.set(key, width);
  return width;
}
