import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NormalisedLayout, PixelRect } from '../../../shared/layout-model.ts';
import { useElementWidth } from '../../lib/use-element-width.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';
import { CanvasReadout } from './canvas-readout.tsx';
import { viewportFor } from './canvas-view.ts';
import { Layer, Line, Rect, Stage } from './konva-core.ts';
import { LABEL_FONT_PX, measureLabel } from './label-fit.ts';
import { sceneBackground, sceneHighlight, sceneOverlays, sceneRegions } from './scene/build-scene.ts';
import type { LayoutParts } from './scene/layout-parts.ts';
import { SceneKonvaItems } from './scene/scene-konva.tsx';
import type { LayoutImages } from './scene/use-layout-picture.ts';
import { useCanvasView } from './use-canvas-view.ts';
import { editorMarks, type EditorMark } from './editor/editor-marks.ts';
import { useEditPointer } from './editor/use-edit-pointer.ts';

interface Props {
  layout: NormalisedLayout;
  parts: LayoutParts;
  images: Pick<LayoutImages, 'background' | 'placed'>;
  selectedId: string | undefined;
  hoveredId: string | undefined;
  /** Regions hidden in the z-order list: not drawn, not picked. */
  hidden: ReadonlySet<string>;
  /** Regions locked in the list: drawn, but a press on the canvas passes through them. */
  locked: ReadonlySet<string>;
  snapping: boolean;
  onSnapping: (on: boolean) => void;
  onHover: (id: string | undefined) => void;
  onSelect: (id: string | undefined) => void;
  onPlace: (regionIndex: number, rect: PixelRect, step: string) => void;
  onRemove: (regionIndex: number) => void;
  onDragging: (dragging: boolean) => void;
  maxHeight?: number;
}

const BUTTON = 'min-w-8 max-sm:min-w-11 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';
const GUIDE = '#ec4899';

function MarksKonva({ marks }: { marks: readonly EditorMark[] }) {
  return marks.map((m, i) =>
    m.kind === 'guide'
      ? <Line key={`g${i}`} points={m.points} stroke={GUIDE} strokeWidth={1} dash={[4, 3]} listening={false} />
      : <Rect key={m.handle} x={m.x} y={m.y} width={m.size} height={m.size} fill="#ffffff" stroke="#2563eb" strokeWidth={1.5} listening={false} />,
  );
}

/**
 * The edited copy on the canvas: the layout's one scene (scene/build-scene.ts) drawn by Konva as
 * on the task page, with the selected region's handles and the snapping guides over it. Every
 * layer is static; the pointer goes through use-edit-pointer.ts and the pure hit test.
 */
export const EditorCanvas = memo(function EditorCanvas(props: Props) {
  const { layout, parts, selectedId, hoveredId, hidden, locked } = props;
  const { t } = useTranslation();
  const helpId = useId();
  const [ref, available] = useElementWidth<HTMLDivElement>();
  const { canvas } = parts;
  const viewport = useMemo(() => viewportFor(available, canvas, props.maxHeight), [available, canvas, props.maxHeight]);
  const api = useCanvasView(viewport, canvas);
  const { view } = api;
  const pickable = useMemo(
    () => (hidden.size + locked.size > 0 ? { ...layout, regions: layout.regions.filter((r) => !hidden.has(r.id) && !locked.has(r.id)) } : layout),
    [layout, hidden, locked],
  );
  const { handlers, guides, cursor } = useEditPointer({
    element: ref, layout: pickable, canvas, api, selectedId, snapping: props.snapping,
    onHover: props.onHover, onSelect: props.onSelect, onPlace: props.onPlace, onRemove: props.onRemove, onDragging: props.onDragging,
  });
  const byId = useMemo(() => new Map(parts.boxes.map((b) => [b.id, b])), [parts]);
  const bgImage = props.images.background?.status === 'loaded' ? props.images.background.image : undefined;
  const labels = useMemo(() => ({ scale: view.scale, fontPx: LABEL_FONT_PX, measure: (s: string) => measureLabel(s, LABEL_FONT_PX) }), [view.scale]);
  const background = useMemo(() => sceneBackground(parts, bgImage), [parts, bgImage]);
  const regions = useMemo(() => sceneRegions(parts, { images: props.images.placed, hidden }), [parts, props.images.placed, hidden]);
  const overlays = useMemo(() => sceneOverlays(parts, { ...labels, hidden }), [parts, labels, hidden]);
  const highlight = useMemo(() => sceneHighlight(parts, { ...labels, selectedId, hoveredId, hidden, spacing: true }), [parts, labels, selectedId, hoveredId, hidden]);
  const selectedRect = selectedId === undefined || hidden.has(selectedId) ? undefined : layout.regions.find((r) => r.id === selectedId)?.rect;
  const marks = useMemo(() => editorMarks(selectedRect, guides, view), [selectedRect, guides, view]);
  const world = { x: view.x, y: view.y, scaleX: view.scale, scaleY: view.scale, listening: false };
  const percent = Math.round(view.scale * 100);
  return (
    <div className="w-full min-w-0">
      <div role="toolbar" aria-label={t('inspector.toolbar.label')} className="mb-2 flex flex-wrap items-center gap-1.5">
        <button type="button" className={BUTTON} onClick={api.zoomOut} aria-label={t('inspector.toolbar.zoomOut')} title={t('inspector.toolbar.zoomOut')}>−</button>
        <output aria-live="polite" className="min-w-14 text-center font-mono text-sm tabular-nums" aria-label={t('inspector.toolbar.zoom', { percent })}>{percent}%</output>
        <button type="button" className={BUTTON} onClick={api.zoomIn} aria-label={t('inspector.toolbar.zoomIn')} title={t('inspector.toolbar.zoomIn')}>+</button>
        <button type="button" className={BUTTON} onClick={api.fit} aria-pressed={api.fitted} title={t('inspector.toolbar.fitLabel')}>{t('inspector.toolbar.fit')}</button>
        <button type="button" className={BUTTON} onClick={api.actual} aria-pressed={view.scale === 1} aria-label={t('inspector.toolbar.actualLabel')} title={t('inspector.toolbar.actualLabel')}>{t('inspector.toolbar.actual')}</button>
        <label className="ml-2 flex cursor-pointer items-center gap-1.5 text-sm">
          <input type="checkbox" data-testid="editor-snapping" checked={props.snapping} onChange={(e) => props.onSnapping(e.target.checked)} className="h-4 w-4 accent-sky-700" />
          {t('editor.canvas.snapping')}
        </label>
      </div>
      <div ref={ref} className="w-full">
        <div
          data-testid="editor-canvas"
          data-scale={view.scale}
          data-view-x={view.x}
          data-view-y={view.y}
          data-canvas-width={canvas.width}
          data-canvas-height={canvas.height}
          data-guides={guides.length}
          role="application"
          aria-roledescription={t('editor.canvas.role')}
          tabIndex={0}
          aria-label={t('editor.canvas.label', { width: canvas.width, height: canvas.height, count: layout.regions.length })}
          aria-describedby={helpId}
          className="relative touch-none overflow-hidden rounded-md bg-slate-200 outline-none ring-1 ring-slate-300 select-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:bg-slate-800 dark:ring-slate-700"
          style={{ width: viewport.width, height: viewport.height, cursor }}
          {...handlers}
        >
          {viewport.width > 0 && (
            <Stage width={viewport.width} height={viewport.height} listening={false}>
              <Layer name="world background" {...world}><SceneKonvaItems items={background} /></Layer>
              <Layer name="world regions" {...world}><SceneKonvaItems items={regions} clip={canvas} /></Layer>
              <Layer name="world overlays" {...world}><SceneKonvaItems items={overlays} /></Layer>
              <Layer name="world highlight" {...world}><SceneKonvaItems items={highlight} /></Layer>
              <Layer name="editor marks" listening={false}><MarksKonva marks={marks} /></Layer>
            </Stage>
          )}
        </div>
      </div>
      <CanvasReadout element={ref} view={view} canvas={canvas} highlight={highlight} boxes={byId} />
      <p id={helpId} className={`mt-1.5 text-xs ${MUTED_TEXT}`}>{t('editor.canvas.help')}</p>
    </div>
  );
});
