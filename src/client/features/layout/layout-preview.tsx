import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import { fitView, viewportFor, visibleCanvasRect } from './canvas-view.ts';
import { LABEL_FONT_PX, measureLabel } from './label-fit.ts';
import { markLayoutDrawn } from './layout-drawn-mark.ts';
import { buildScene } from './scene/build-scene.ts';
import type { LayoutParts } from './scene/layout-parts.ts';
import { SceneSvg } from './scene/scene-svg.tsx';
import type { CanvasViewApi } from './use-canvas-view.ts';
import { useServerRender } from '../../lib/server-render.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

interface Props {
  parts: LayoutParts;
  selectedId?: string | undefined;
  hoveredId?: string | undefined;
}

const idle = () => undefined;

/**
 * The width, in CSS pixels, the server assumes the picture gets: it cannot measure the page, so
 * its labels and outlines are drawn at this scale (the task page 1440 px wide gives its
 * layout about this much). The browser's own picture, a moment later, has them exact.
 */
export const NOMINAL_PREVIEW_WIDTH = 800;
/** The server has no fonts to measure with: an average glyph of 0.6 em, as a sans-serif's is about. */
const estimateLabel = (text: string) => Array.from(text).length * LABEL_FONT_PX * 0.6;

/**
 * The layout's first picture, shown while the Konva canvas loads (react-konva and Konva are a
 * large share of the JavaScript budget before the task page draws its layout): the same scene
 * the Konva canvas draws (scene/build-scene.ts), as SVG (scene/scene-svg.tsx), inside the same
 * frame, toolbar and help as layout-canvas.tsx, so nothing moves when Konva takes over. Inert:
 * it neither takes the focus nor appears to assistive technology; the real canvas, with its
 * test id, comes a moment later. On the server (a /task link's HTML) nothing can be measured:
 * the picture fills the section's width, its labels and strokes sized for a nominal width.
 */
export function LayoutPreview({ parts, selectedId, hoveredId }: Props) {
  const { t } = useTranslation();
  const onServer = useServerRender();
  const ref = useRef<HTMLDivElement>(null);
  // Measured before the browser paints (not on the ResizeObserver's first report, a frame later),
  // so the picture is in the very first frame. It shows for a moment only: no resize tracking.
  const [available, setAvailable] = useState(0);
  useLayoutEffect(() => setAvailable(ref.current?.clientWidth ?? 0), []);
  const { canvas } = parts;
  const viewport = useMemo(() => viewportFor(available, canvas), [available, canvas]);
  const view = useMemo(() => fitView(viewport, canvas), [viewport, canvas]);
  const api: CanvasViewApi = { view, fitted: true, fit: idle, actual: idle, zoomIn: idle, zoomOut: idle, zoomAt: idle, pan: idle };
  const scene = useMemo(() => {
    const scale = onServer ? NOMINAL_PREVIEW_WIDTH / (canvas.width || 1) : view.scale;
    if (!onServer && viewport.width === 0) return undefined;
    return buildScene(parts, { scale, fontPx: LABEL_FONT_PX, measure: onServer ? estimateLabel : measureLabel, selectedId, hoveredId, stage: onServer ? undefined : visibleCanvasRect(view, viewport) });
  }, [onServer, parts, canvas, view, viewport, selectedId, hoveredId]);

  // Before the browser paints, so the first frame with the section already has the picture.
  useLayoutEffect(() => {
    if (scene) markLayoutDrawn();
  }, [scene]);

  return (
    <div className="w-full min-w-0" inert data-layout-preview="">
      <CanvasToolbar api={api} helpId="" spatial={false} onSpatial={idle} rulers={false} onRulers={idle} />
      <div ref={ref} className="w-full">
        <div className="relative overflow-hidden rounded-md bg-slate-200 ring-1 ring-slate-300 dark:bg-slate-800 dark:ring-slate-700" style={onServer ? undefined : { width: viewport.width, height: viewport.height }}>
          {scene && <SceneSvg scene={scene} frame={onServer ? { kind: 'fill', className: 'block max-h-[640px] min-h-[160px]' } : { kind: 'viewport', width: viewport.width, height: viewport.height, view }} />}
        </div>
      </div>
      <p className={`mt-1.5 text-xs ${MUTED_TEXT}`}>{t('inspector.toolbar.help')}</p>
    </div>
  );
}
