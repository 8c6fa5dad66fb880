/**
 * The visible part of the timeline: zoom and pan, always inside the task's life. Pure, so the
 * buttons, the keys and the drag all move it by the same rules.
 */
export interface ViewRange {
  from: number;
  to: number;
}

/** The closest zoom: a few seconds across the whole width. */
export const MIN_VIEW_MS = 2_000;
export const ZOOM_STEP = 2;

/** The whole life; a life shorter than the closest zoom gets that much room after its start. */
export function fitView(life: ViewRange): ViewRange {
  return { from: life.from, to: Math.max(life.to, life.from + MIN_VIEW_MS) };
}

export function clampView(view: ViewRange, life: ViewRange): ViewRange {
  const bounds = fitView(life);
  const full = bounds.to - bounds.from;
  const span = Math.min(full, Math.max(MIN_VIEW_MS, view.to - view.from));
  const from = Math.min(Math.max(view.from, bounds.from), bounds.to - span);
  return { from, to: from + span };
}

/** factor < 1 zooms in. The anchor (default: the middle) stays where it is on screen. */
export function zoomView(view: ViewRange, life: ViewRange, factor: number, anchor = (view.from + view.to) / 2): ViewRange {
  const at = Math.min(Math.max(anchor, view.from), view.to);
  const share = view.to > view.from ? (at - view.from) / (view.to - view.from) : 0.5;
  const span = (view.to - view.from) * factor;
  return clampView({ from: at - share * span, to: at - share * span + span }, life);
}

/** Moves by a share of the visible span: -0.25 is a quarter to the left. */
export function panView(view: ViewRange, life: ViewRange, share: number): ViewRange {
  const by = (view.to - view.from) * share;
  return clampView({ from: view.from + by, to: view.to + by }, life);
}

/** Around a moment, `span` wide (to show a cluster of markers, for example). */
export function focusView(life: ViewRange, from: number, to: number): ViewRange {
  const pad = Math.max((to - from) * 0.5, MIN_VIEW_MS / 2);
  return clampView({ from: from - pad, to: to + pad }, life);
}

export function isWholeLife(view: ViewRange, life: ViewRange): boolean {
  const bounds = fitView(life);
  return view.from <= bounds.from && view.to >= bounds.to;
}
