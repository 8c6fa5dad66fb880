import { memo, useId, useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { NormalisedLayout } from '../../../shared/layout-model.ts';
import type { VolcControl } from '../../../shared/volc-task-schema.ts';
import { useElementWidth } from '../../lib/use-element-width.ts';
import { CanvasBackground } from './canvas-background.tsx';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import { viewportFor } from './canvas-view.ts';
import type { DrawBox } from './draw-boxes.ts';
import type { ImageState } from './image-url.ts';
import { Layer, Stage, type KonvaStage } from './konva-core.ts';
import { markFirstDraw } from './layout-drawn-mark.ts';
import { RegionHighlight } from './region-highlight.tsx';
import { RegionOverlays } from './region-overlays.tsx';
import { RegionShapes, type PlacedImage } from './region-shapes.tsx';
import { SpatialMapLazy as SpatialMap } from './lazy-details.tsx';
import { spatialScene } from './spatial-map.ts';
import { useCanvasPointer } from './use-canvas-pointer.ts';
import { useCanvasView } from './use-canvas-view.ts';

interface Props {
  layout: NormalisedLayout;
  control: VolcControl | undefined;
  boxes: readonly DrawBox[];
  background: string;
  backgroundImage: ImageState | undefined;
  images: ReadonlyMap<string, PlacedImage>;
  selectedId: string | undefined;
  hoveredId: string | undefined;
  onHover: (id: string | undefined) => void;
  onSelect: (id: string | undefined) => void;
  stageRef: Ref<KonvaStage>;
  /** The presentation view's larger labels and taller viewport; the page's defaults otherwise. */
  labelPx?: number;
  maxHeight?: number;
}

/**
 * The output canvas at its true aspect ratio: fit to the view, zoom, pan and 1:1. Every layer is
 * static (listening off); hover and click go through the pure hitTest.
 */
export const LayoutCanvas = memo(function LayoutCanvas(props: Props) {
  const { layout, boxes, selectedId, hoveredId, onHover, onSelect } = props;
  const { t } = useTranslation();
  const helpId = useId();
  const [ref, available] = useElementWidth<HTMLDivElement>();
  const [showSpatial, setShowSpatial] = useState(false);
  const cw = layout.canvas.width.value;
  const ch = layout.canvas.height.value;
  const canvas = useMemo(() => ({ width: cw, height: ch }), [cw, ch]);
  const { maxHeight } = props;
  const viewport = useMemo(() => viewportFor(available, canvas, maxHeight), [available, canvas, maxHeight]);
  const api = useCanvasView(viewport, canvas);
  const { view } = api;
  const { handlers, dragging } = useCanvasPointer({ element: ref, layout, api, selectedId, onHover, onSelect });
  const scene = useMemo(() => (showSpatial ? spatialScene(layout, props.control) : undefined), [showSpatial, layout, props.control]);
  const byId = useMemo(() => new Map(boxes.map((b) => [b.id, b])), [boxes]);
  const world = { x: view.x, y: view.y, scaleX: view.scale, scaleY: view.scale, listening: false };
  const cursor = dragging ? 'grabbing' : hoveredId ? 'pointer' : 'grab';
  return (
    <div className="w-full min-w-0">
      <CanvasToolbar api={api} helpId={helpId} spatial={showSpatial} onSpatial={setShowSpatial} />
      <div ref={ref} className="w-full">
        <div
          data-testid="layout-canvas"
          data-scale={view.scale}
          data-view-x={view.x}
          data-view-y={view.y}
          data-canvas-width={cw}
          data-canvas-height={ch}
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
                <CanvasBackground canvas={canvas} background={props.background} image={props.backgroundImage} />
              </Layer>
              <Layer name="world regions" {...world} ref={markFirstDraw}>
                <RegionShapes canvas={canvas} boxes={boxes} images={props.images} />
              </Layer>
              <Layer name="world overlays" {...world}>
                <RegionOverlays canvas={canvas} boxes={boxes} scale={view.scale} spatial={scene?.marks} {...(props.labelPx ? { labelPx: props.labelPx } : {})} />
              </Layer>
              <Layer name="world highlight" {...world}>
                <RegionHighlight selected={selectedId ? byId.get(selectedId) : undefined} hovered={hoveredId ? byId.get(hoveredId) : undefined} />
              </Layer>
            </Stage>
          )}
        </div>
      </div>
      <p id={helpId} className="mt-1.5 text-xs text-slate-600 dark:text-slate-400">{t('inspector.toolbar.help')}</p>
      {scene && <SpatialMap scene={scene} boxes={byId} />}
    </div>
  );
});
