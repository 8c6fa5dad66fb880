import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NormalisedLayout } from '../../../shared/layout-model.ts';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import { fitView, viewportFor } from './canvas-view.ts';
import type { DrawBox } from './draw-boxes.ts';
import { measureLabel } from './label-fit.ts';
import { markLayoutDrawn } from './layout-drawn-mark.ts';
import { paintLayoutPreview } from './layout-preview-paint.ts';
import type { CanvasViewApi } from './use-canvas-view.ts';
import { LayoutPreviewSvg } from './layout-preview-svg.tsx';
import { useServerRender } from '../../lib/server-render.ts';

interface Props {
  layout: NormalisedLayout;
  boxes: readonly DrawBox[];
  background: string;
}

const idle = () => undefined;

/**
 * The layout's first picture, shown while the Konva canvas loads (react-konva and Konva are a
 * large share of the JavaScript budget before the task page draws its layout).
 * A plain <canvas> painted once at the fitted view, inside the same frame, toolbar and help as
 * layout-canvas.tsx, so nothing moves when Konva takes over. Inert: it neither takes the focus
 * nor appears to assistive technology; the real canvas, with its test id, comes a moment later.
 * On the server (a /task link's HTML) nothing can be measured or painted: the same picture is
 * drawn as SVG instead (layout-preview-svg.tsx).
 */
export function LayoutPreview({ layout, boxes, background }: Props) {
  const { t } = useTranslation();
  const onServer = useServerRender();
  const ref = useRef<HTMLDivElement>(null);
  // Measured before the browser paints (not on the ResizeObserver's first report, a frame later),
  // so the picture is in the very first frame. It shows for a moment only: no resize tracking.
  const [available, setAvailable] = useState(0);
  useLayoutEffect(() => setAvailable(ref.current?.clientWidth ?? 0), []);
  const paint = useRef<HTMLCanvasElement>(null);
  const cw = layout.canvas.width.value;
  const ch = layout.canvas.height.value;
  const canvas = useMemo(() => ({ width: cw, height: ch }), [cw, ch]);
  const viewport = useMemo(() => viewportFor(available, canvas), [available, canvas]);
  const view = useMemo(() => fitView(viewport, canvas), [viewport, canvas]);
  const api: CanvasViewApi = { view, fitted: true, fit: idle, actual: idle, zoomIn: idle, zoomOut: idle, zoomAt: idle, pan: idle };

  // Before the browser paints, so the first frame with the section already has the picture.
  useLayoutEffect(() => {
    const el = paint.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || viewport.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(viewport.width * dpr);
    el.height = Math.round(viewport.height * dpr);
    paintLayoutPreview(ctx, { dpr, view, canvas, background, boxes, measure: measureLabel });
    markLayoutDrawn();
  }, [viewport, view, canvas, background, boxes]);

  return (
    <div className="w-full min-w-0" inert data-layout-preview="">
      <CanvasToolbar api={api} helpId="" spatial={false} onSpatial={idle} />
      <div ref={ref} className="w-full">
        <div className="relative overflow-hidden rounded-md bg-slate-200 ring-1 ring-slate-300 dark:bg-slate-800 dark:ring-slate-700" style={onServer ? undefined : { width: viewport.width, height: viewport.height }}>
          {onServer && <LayoutPreviewSvg canvas={canvas} background={background} boxes={boxes} />}
          {viewport.width > 0 && <canvas ref={paint} className="block" style={{ width: viewport.width, height: viewport.height }} />}
        </div>
      </div>
      <p className="mt-1.5 text-xs text-slate-600 dark:text-slate-400">{t('inspector.toolbar.help')}</p>
    </div>
  );
}
