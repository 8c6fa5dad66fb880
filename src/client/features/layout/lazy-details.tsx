import { deferred } from '../../lib/deferred.tsx';

/*
 * Parts shown only after a click (a selected region's detail and source frame, the spatial-audio
 * map): loaded then, not before the canvas is first drawn. Apart from lazy-parts.tsx, which loads
 * the canvas that itself shows the spatial map, so no module waits on its own importer.
 */
export const RegionDetailLazy = deferred(() => import('./region-detail.tsx').then((m) => m.RegionDetail));
export const SourceFrameViewLazy = deferred(() => import('./source-frame-view.tsx').then((m) => m.SourceFrameView));
export const SpatialMapLazy = deferred(() => import('./spatial-map-view.tsx').then((m) => m.SpatialMap));
