import { useTranslation } from 'react-i18next';
import type { CanvasViewApi } from './use-canvas-view.ts';

interface Props {
  api: CanvasViewApi;
  helpId: string;
  spatial: boolean;
  onSpatial: (on: boolean) => void;
  rulers: boolean;
  onRulers: (on: boolean) => void;
}

const BUTTON = 'min-w-8 max-sm:min-w-11 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

/** Zoom, fit, 1:1 and the spatial overlay: every canvas action has a button as well as a key. */
export function CanvasToolbar({ api, helpId, spatial, onSpatial, rulers, onRulers }: Props) {
  const { t } = useTranslation();
  const percent = Math.round(api.view.scale * 100);
  return (
    <div role="toolbar" aria-label={t('inspector.toolbar.label')} aria-describedby={helpId} className="mb-2 flex flex-wrap items-center gap-1.5">
      <button type="button" className={BUTTON} onClick={api.zoomOut} aria-label={t('inspector.toolbar.zoomOut')} title={t('inspector.toolbar.zoomOut')}>−</button>
      <output data-testid="zoom-level" aria-live="polite" className="min-w-14 text-center font-mono text-sm tabular-nums" aria-label={t('inspector.toolbar.zoom', { percent })}>
        {percent}%
      </output>
      <button type="button" className={BUTTON} onClick={api.zoomIn} aria-label={t('inspector.toolbar.zoomIn')} title={t('inspector.toolbar.zoomIn')}>+</button>
      <button type="button" className={BUTTON} onClick={api.fit} aria-pressed={api.fitted} title={t('inspector.toolbar.fitLabel')}>
        {t('inspector.toolbar.fit')}
      </button>
      <button type="button" className={BUTTON} onClick={api.actual} aria-pressed={api.view.scale === 1} aria-label={t('inspector.toolbar.actualLabel')} title={t('inspector.toolbar.actualLabel')}>
        {t('inspector.toolbar.actual')}
      </button>
      <label className="ml-2 flex cursor-pointer items-center gap-1.5 text-sm">
        <input type="checkbox" checked={spatial} onChange={(e) => onSpatial(e.target.checked)} className="h-4 w-4 accent-sky-700" />
        {t('inspector.toolbar.spatial')}
      </label>
      <label className="ml-2 flex cursor-pointer items-center gap-1.5 text-sm">
        <input type="checkbox" checked={rulers} onChange={(e) => onRulers(e.target.checked)} className="h-4 w-4 accent-sky-700" />
        {t('inspector.toolbar.rulers')}
      </label>
    </div>
  );
}
