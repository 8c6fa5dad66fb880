import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIVE_INTERVALS_MS, useLiveSetting } from '../lib/live-setting.ts';
import { MUTED_TEXT } from './surface.ts';

const SELECT = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';
const BUTTON = 'rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';

/** Pause or resume live polling and choose its interval; the choice holds for every live view. */
export function LiveControls() {
  const { t } = useTranslation();
  const id = useId();
  const [live, setLive] = useLiveSetting();
  return (
    <div className="flex items-center gap-2" data-testid="live-controls">
      <button
        type="button"
        aria-pressed={live.paused}
        aria-label={live.paused ? t('live.resumeLabel') : t('live.pauseLabel')}
        onClick={() => setLive({ ...live, paused: !live.paused })}
        className={BUTTON}
      >
        <span aria-hidden="true">{live.paused ? '▶' : '❚❚'}</span> {live.paused ? t('live.resume') : t('live.pause')}
      </button>
      <label htmlFor={id} className={`text-sm ${MUTED_TEXT}`}>{t('live.interval')}</label>
      <select
        id={id}
        value={live.intervalMs}
        onChange={(e) => setLive({ ...live, intervalMs: Number(e.target.value) })}
        className={SELECT}
      >
        {LIVE_INTERVALS_MS.map((ms) => (
          <option key={ms} value={ms}>{ms < 60_000 ? t('live.everySeconds', { seconds: ms / 1000 }) : t('live.everyMinute')}</option>
        ))}
      </select>
    </div>
  );
}
