/**
 * Rulers in a gutter along the top and left of the canvas view, in output pixels: ticks at a round
 * step that leaves room for its figure at the current zoom. Pure; positions are screen pixels of the
 * viewport, which the gutter's rulers line up with.
 */
export interface RulerTick {
  /** Screen pixels along the ruler. */
  at: number;
  /** Output pixels. */
  value: number;
  major: boolean;
}

/** Screen pixels between labelled ticks, at least: room for "1920" at the ruler's font. */
export const RULER_MIN_GAP_PX = 56;
export const RULER_SIZE_PX = 18;
export const RULER_FONT_PX = 10;
/** Between a tick and its figure. */
const FIGURE_GAP_PX = 2;

/** The smallest of 1, 2, 5 × 10^n output pixels whose ticks are at least `minGap` screen pixels apart. */
export function rulerStep(scale: number, minGap = RULER_MIN_GAP_PX): number {
  if (!(scale > 0)) return 1;
  const raw = minGap / scale;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

/**
 * The ticks of one ruler: `offset` is where output pixel 0 is on the screen, `length` the ruler's
 * length in screen pixels, `extent` the canvas size on this axis. Only the canvas is measured.
 */
export function rulerTicks(scale: number, offset: number, length: number, extent: number): RulerTick[] {
  if (!(scale > 0) || !(length > 0) || !(extent > 0)) return [];
  const step = rulerStep(scale);
  const minor = step / 5;
  const first = Math.max(0, Math.ceil(-offset / scale / minor) * minor);
  const last = Math.min(extent, (length - offset) / scale);
  const ticks: RulerTick[] = [];
  for (let i = 0; ; i++) {
    const value = Math.round((first + i * minor) * 1e6) / 1e6;
    if (value > last || ticks.length > 2000) break;
    ticks.push({ at: offset + value * scale, value, major: Math.abs(value / step - Math.round(value / step)) < 1e-9 });
  }
  return ticks;
}

/**
 * Where a major tick's figure goes along the ruler: after the tick, or before it where it would run
 * off the ruler's end, so no figure is cut by the gutter's edge.
 */
export function rulerFigure(at: number, widthPx: number, length: number): { at: number; anchor: 'start' | 'end' } {
  return at + FIGURE_GAP_PX + widthPx <= length ? { at: at + FIGURE_GAP_PX, anchor: 'start' } : { at: at - FIGURE_GAP_PX, anchor: 'end' };
}
