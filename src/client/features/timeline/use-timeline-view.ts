import { useMemo, useState } from 'react';
import { clusterMarkers, downsample, sliceSegments } from '../../../shared/timeline-downsample.ts';
import type { Timeline } from '../../../shared/timeline-lanes.ts';
import type { RowId } from './timeline-geometry.ts';
import { xScale } from './timeline-scale.ts';
import { clampView, fitView, focusView, isWholeLife, panView, zoomView, ZOOM_STEP, type ViewRange } from './view-range.ts';

/** Markers closer than this many pixels share one drawn cluster. */
export const MARKER_SPACING_PX = 14;

/**
 * What part of the life is shown and what is drawn in it. `null` means "the whole life", which
 * keeps following a live task's growing life; any zoom or pan inside it pins the view.
 */
export function useTimelineView(timeline: Timeline, plotWidth: number) {
  const [pinned, setPinnedView] = useState<ViewRange | null>(null);
  const life = timeline.life;
  // Zoomed or panned back to the whole life: fitted again, so a live task's view follows now.
  const setPinned = (v: ViewRange) => setPinnedView(isWholeLife(v, life) ? null : v);
  const view = pinned === null ? fitView(life) : clampView(pinned, life);
  const width = Math.max(1, plotWidth);
  const msPerPx = (view.to - view.from) / width;

  const drawn = useMemo(() => {
    const inView = timeline.markers.filter((m) => m.at >= view.from && m.at <= view.to);
    return {
      status: downsample(sliceSegments(timeline.lanes.status, view.from, view.to), msPerPx),
      push: downsample(sliceSegments(timeline.lanes.push, view.from, view.to), msPerPx),
      markers: clusterMarkers(inView, msPerPx * MARKER_SPACING_PX),
    };
  }, [timeline, view.from, view.to, msPerPx]);

  const x = useMemo(() => xScale({ from: view.from, to: view.to }, width), [view.from, view.to, width]);

  const actions = {
    zoom: (factor: number, anchor?: number) => setPinned(zoomView(view, life, factor, anchor)),
    zoomIn: (anchor?: number) => setPinned(zoomView(view, life, 1 / ZOOM_STEP, anchor)),
    zoomOut: (anchor?: number) => setPinned(zoomView(view, life, ZOOM_STEP, anchor)),
    pan: (share: number) => setPinned(panView(view, life, share)),
    fit: () => setPinnedView(null),
    focus: (from: number, to: number) => setPinned(focusView(life, from, to)),
    set: (v: ViewRange) => setPinned(clampView(v, life)),
  };
  const rows: Record<RowId, readonly { from: number; to: number }[]> = drawn;
  return { view, x, msPerPx, drawn, rows, fitted: pinned === null, actions };
}

export type TimelineView = ReturnType<typeof useTimelineView>;
