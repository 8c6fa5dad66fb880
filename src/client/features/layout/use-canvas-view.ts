import { useCallback, useMemo, useState } from 'react';
import type { Point, Size } from '../../../shared/layout-geometry.ts';
import { actualSize, fitView, panBy, viewportCentre, zoomBy, ZOOM_STEP, type View } from './canvas-view.ts';

export interface CanvasViewApi {
  view: View;
  /** The view follows the viewport (fit) until the user zooms or pans. */
  fitted: boolean;
  fit: () => void;
  actual: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  zoomAt: (factor: number, anchor: Point) => void;
  pan: (dx: number, dy: number) => void;
}

/**
 * Zoom and pan state. `null` means "fit": the view is derived from the viewport, so a resize
 * or a new canvas size keeps the whole canvas in view. A chosen view belongs to one canvas size.
 */
export function useCanvasView(viewport: Size, canvas: Size): CanvasViewApi {
  const key = `${canvas.width}x${canvas.height}`;
  const [chosen, setChosen] = useState<{ key: string; view: View } | null>(null);
  const fitted = chosen === null || chosen.key !== key;
  const fit = useMemo(() => fitView(viewport, canvas), [viewport, canvas]);
  const view = fitted ? fit : chosen.view;

  // Updaters read the latest view, so several wheel or pointer events between renders add up.
  const update = useCallback(
    (next: (current: View) => View) =>
      setChosen((prev) => ({ key, view: next(prev !== null && prev.key === key ? prev.view : fit) })),
    [key, fit],
  );
  const centre = viewportCentre(viewport);
  return {
    view,
    fitted,
    fit: useCallback(() => setChosen(null), []),
    actual: () => update((v) => actualSize(v, viewport)),
    zoomIn: () => update((v) => zoomBy(v, ZOOM_STEP, centre)),
    zoomOut: () => update((v) => zoomBy(v, 1 / ZOOM_STEP, centre)),
    zoomAt: useCallback((factor: number, anchor: Point) => update((v) => zoomBy(v, factor, anchor)), [update]),
    pan: useCallback((dx: number, dy: number) => update((v) => panBy(v, dx, dy, viewport, canvas)), [update, viewport, canvas]),
  };
}
