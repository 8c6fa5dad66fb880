import { useTranslation } from 'react-i18next';
import { TimeModePicker } from '../../design-system/time-mode-picker.tsx';
import type { TimelineView } from './use-timeline-view.ts';

const BUTTON = 'rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';

/** Zoom, fit and pan (the same as the keys), and the time reading. */
export function TimelineToolbar({ tv }: { tv: TimelineView }) {
  const { t } = useTranslation();
  const { actions } = tv;
  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t('timeline.title')}>
      <div className="flex gap-1">
        <button type="button" className={BUTTON} onClick={() => actions.zoomIn()}><span aria-hidden="true">＋ </span>{t('timeline.zoomIn')}</button>
        <button type="button" className={BUTTON} onClick={() => actions.zoomOut()} disabled={tv.fitted}><span aria-hidden="true">－ </span>{t('timeline.zoomOut')}</button>
        <button type="button" className={BUTTON} onClick={actions.fit} disabled={tv.fitted} aria-label={t('timeline.fitLabel')}><span aria-hidden="true">⤢ </span>{t('timeline.fit')}</button>
      </div>
      <div className="flex gap-1">
        <button type="button" className={BUTTON} onClick={() => actions.pan(-0.5)} disabled={tv.fitted}><span aria-hidden="true">← </span>{t('timeline.panLeft')}</button>
        <button type="button" className={BUTTON} onClick={() => actions.pan(0.5)} disabled={tv.fitted}>{t('timeline.panRight')}<span aria-hidden="true"> →</span></button>
      </div>
      <div className="ml-auto"><TimeModePicker /></div>
    </div>
  );
}
