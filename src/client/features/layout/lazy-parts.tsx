import { deferred } from '../../lib/deferred.tsx';
import { LayoutPreview } from './layout-preview.tsx';

/**
 * The Konva canvas (react-konva, its reconciler and Konva) loads once the task is known;
 * meanwhile LayoutPreview paints the same layout on a plain canvas, so the JavaScript before the
 * layout stays within its budget (scripts/check-bundle-budget.mjs).
 */
export const LayoutCanvasLazy = deferred(
  () => import('./layout-canvas.tsx').then((m) => m.LayoutCanvas),
  [],
  (props) => <LayoutPreview layout={props.layout} boxes={props.boxes} background={props.background} />,
);

/*
 * Parts shown only after a click (a selected region's detail and source frame, the spatial-audio
 * map): loaded then, not before the canvas is first drawn. Each is a few kB from the same server.
 */
export const RegionDetailLazy = deferred(() => import('./region-detail.tsx').then((m) => m.RegionDetail));
export const SourceFrameViewLazy = deferred(() => import('./source-frame-view.tsx').then((m) => m.SourceFrameView));
export const SpatialMapLazy = deferred(() => import('./spatial-map-view.tsx').then((m) => m.SpatialMap));
