import { deferred } from '../../lib/deferred.tsx';
import { LayoutPreview } from './layout-preview.tsx';

/**
 * The Konva canvas (react-konva, its reconciler and Konva) loads once the task is known;
 * meanwhile LayoutPreview draws the same scene as SVG, so the JavaScript before the layout
 * stays within its budget (scripts/check-bundle-budget.mjs).
 */
export const LayoutCanvasLazy = deferred(
  () => import('./layout-canvas.tsx').then((m) => m.LayoutCanvas),
  [],
  (props) => <LayoutPreview parts={props.parts} selectedId={props.selectedId} hoveredId={props.hoveredId} />,
);
