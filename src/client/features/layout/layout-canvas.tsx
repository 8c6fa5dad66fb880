import { memo, useId, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { NormalisedLayout } from '../../../shared/layout-model.ts';
import type { VolcControl } from '../../../shared/volc-task-schema.ts';
import { useElementWidth } from '../../lib/use-element-width.ts';
import { CanvasReadout } from './canvas-readout.tsx';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import { CanvasRulers } from './canvas-rulers.tsx';
import { MAX_VIEWPORT_HEIGHT, viewportFor, visibleCanvasRect } from './canvas-view.ts';
import { Layer, Stage, type KonvaStage } from './konva-core.ts';
import { LABEL_FONT_PX, measureLabel } from './label-fit.ts';
import { markFirstDraw } from './layout-drawn-mark.ts';
import { SpatialMapLazy as SpatialMap } from './lazy-details.tsx';
import { sceneBackground, sceneHighlight, sceneOverlays, sceneRegions, selectedSpacing } from './scene/build-scene.ts';
import { spacingPlateRect } from './scene/scene-spacing.ts';
import type { AppliedBox } from './scene/applied-boxes.ts';
import type { LayoutParts } from './scene/layout-parts.ts';
import { RULER_SIZE_PX } from './scene/scene-rulers.ts';
import { SceneKonvaItems } from './scene/scene-konva.tsx';
import type { LayoutImages } from './scene/use-layout-picture.ts';
import { spatialScene } from './spatial-map.ts';
import { useCanvasPointer } from './use-canvas-pointer.ts';
import { useCanvasView } from './use-canvas-view.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  layout: NormalisedLayout;
  control: VolcControl | undefined;
  parts: LayoutParts;
  images: Pick<LayoutImages, 'background' | 'placed'>;
  selectedId: string | undefined;
  hoveredId: string | undefined;
  /** Regions left out of the picture (the z-order list's eye) and not picked by a click (its lock). */
  hidden?: ReadonlySet<string> | undefined;
  locked?: ReadonlySet<string> | undefined;
  onHover: (id: string | undefined) => void;
  onSelect: (id: string | undefined) => void;
  stageRef: Ref<KonvaStage>;
  /** The presentation view's larger labels and taller viewport; the page's defaults otherwise. */
  labelPx?: number;
  maxHeight?: number;
  /** The layout the mixer applied, drawn over the declared one when given. */
  applied?: readonly AppliedBox[] | undefined;
}

/**
 * The output canvas at its true aspect ratio: fit to the view, zoom, pan and 1:1. The scene's
 * layers drawn by Konva (scene/scene-konva.tsx), each rebuilt only when what it shows changes:
 * the overlays on zoom, the highlight on hover. Every layer is static (listening off); hover
 * and click go through the pure hitTest.
 */
export const LayoutCanvas = memo(function LayoutCanvas(props: Props) {
  const { layout, parts, selectedId, hoveredId, onHover, onSelect, labelPx = LABEL_FONT_PX } = props;
  const { t } = useTranslation();
  const helpId = useId();
  const [ref, available] = useElementWidth<HTMLDivElement>();
  const [showSpatial, setShowSpatial] = useState(false);
  const [showRulers, setShowRulers] = useState(false);
  const { canvas } = parts;
  const { width: cw, height: ch } = canvas;
  const { maxHeight = MAX_VIEWPORT_HEIGHT } = props;
  // The rulers take a gutter beside the picture, never a strip of it.
  const gutter = showRulers ? RULER_SIZE_PX : 0;
  const viewport = useMemo(() => viewportFor(available - gutter, canvas, maxHeight - gutter), [available, gutter, canvas, maxHeight]);
  const picture = useRef<HTMLDivElement>(null);
  const api = useCanvasView(viewport, canvas);
  const { view } = api;
  const { hidden, locked } = props;
  // A click goes through hidden and locked regions to the one below, as in OBS and Figma.
  const pickable = useMemo(() => pickableLayout(layout, hidden, locked), [layout, hidden, locked]);
  const { handlers, dragging } = useCanvasPointer({ element: picture, layout: pickable, api, selectedId, onHover, onSelect });
  const spatial = useMemo(() => (showSpatial ? spatialScene(layout, props.control) : undefined), [showSpatial, layout, props.control]);
  const byId = useMemo(() => new Map(parts.boxes.map((b) => [b.id, b])), [parts]);
  const bgImage = props.images.background?.status === 'loaded' ? props.images.background.image : undefined;
  const placed = props.images.placed;
  const labels = useMemo(() => ({ scale: view.scale, fontPx: labelPx, measure: (s: string) => measureLabel(s, labelPx) }), [view.scale, labelPx]);
  // Labels stay on the part of the picture in the viewport: placed again as it pans or zooms.
  const stage = useMemo(() => visibleCanvasRect(view, viewport), [view, viewport]);
  const background = useMemo(() => sceneBackground(parts, bgImage), [parts, bgImage]);
  const regions = useMemo(() => sceneRegions(parts, { images: placed, hidden }), [parts, placed, hidden]);
  const { applied } = props;
  // Labels keep clear of the selected region's measuring figures, which are drawn over them.
  const keepClear = useMemo(() => selectedSpacing(parts, { ...labels, selectedId, hidden }).map(spacingPlateRect), [parts, labels, selectedId, hidden]);
  const overlays = useMemo(() => sceneOverlays(parts, { ...labels, stage, keepClear, spatial: spatial?.marks, applied, hidden }), [parts, labels, stage, keepClear, spatial, applied, hidden]);
  const labelled = useMemo(() => new Set(overlays.flatMap((item) => (item.kind === 'label' ? [item.id] : []))), [overlays]);
  const highlight = useMemo(() => sceneHighlight(parts, { ...labels, stage, labelled, selectedId, hoveredId, hidden, spacing: true }), [parts, labels, stage, labelled, selectedId, hoveredId, hidden]);
  const world = { x: view.x, y: view.y, scaleX: view.scale, scaleY: view.scale, listening: false };
  const cursor = dragging ? 'grabbing' : hoveredId ? 'pointer' : 'grab';
  return (
    <div className="w-full min-w-0">
      <CanvasToolbar api={api} helpId={helpId} spatial={showSpatial} onSpatial={setShowSpatial} rulers={showRulers} onRulers={setShowRulers} />
      <div ref={ref} className="w-full">
        <div className={showRulers ? 'grid w-fit' : undefined} style={showRulers ? { gridTemplateColumns: `${gutter}px ${viewport.width}px`, gridTemplateRows: `${gutter}px ${viewport.height}px` } : undefined}>
          {showRulers && <CanvasRulers view={view} viewport={viewport} canvas={canvas} selected={selectedId === undefined || hidden?.has(selectedId) ? undefined : byId.get(selectedId)?.rect} />}
          <div
            ref={picture}
            data-testid="layout-canvas"
            data-scale={view.scale}
            data-view-x={view.x}
            data-view-y={view.y}
            data-canvas-width={cw}
            data-canvas-height={ch}
            data-rulers={showRulers || undefined}
            data-hidden-regions={hidden && hidden.size > 0 ? [...hidden].join(' ') : undefined}
            role="application"
            aria-roledescription="canvas"
            tabIndex={0}
            aria-label={t('inspector.canvas.label', { width: cw, height: ch, count: layout.regions.length })}
            aria-describedby={helpId}
            className="relative touch-none overflow-hidden rounded-md bg-slate-200 outline-none ring-1 ring-slate-300 select-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:bg-slate-800 dark:ring-slate-700"
            style={{ width: viewport.width, height: viewport.height, cursor }}
            {...handlers}
          >
            {viewport.width > 0 && (
              <Stage ref={props.stageRef} width={viewport.width} height={viewport.height} listening={false}>
                <Layer name="world background" {...world}>
                  <SceneKonvaItems items={background} />
                </Layer>
                <Layer name="world regions" {...world} ref={markFirstDraw}>
                  <SceneKonvaItems items={regions} clip={canvas} />
                </Layer>
                <Layer name="world overlays" {...world}>
                  <SceneKonvaItems items={overlays} />
                </Layer>
                <Layer name="world highlight" {...world}>
                  <SceneKonvaItems items={highlight} />
                </Layer>
              </Stage>
            )}
          </div>
        </div>
      </div>
      <CanvasReadout element={picture} view={view} canvas={canvas} highlight={highlight} boxes={byId} />
      <p id={helpId} className={`mt-1.5 text-xs ${MUTED_TEXT}`}>{t('inspector.toolbar.help')}</p>
      {spatial && <SpatialMap scene={spatial} boxes={byId} />}
    </div>
  );
});

/** The layout as the pointer sees it: without the regions hidden or locked in the z-order list. */
function pickableLayout(layout: NormalisedLayout, hidden: ReadonlySet<string> | undefined, locked: ReadonlySet<string> | undefined): NormalisedLayout {
  if (!hidden?.size && !locked?.size) return layout;
  return { ...layout, regions: layout.regions.filter((r) => !hidden?.has(r.id) && !locked?.has(r.id)) };
}
