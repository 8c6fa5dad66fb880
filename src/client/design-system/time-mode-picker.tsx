import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_MODES, useTimeMode, type TimeMode } from '../lib/time-setting.ts';
import { MUTED_TEXT } from './surface.ts';

const LABELS: Record<TimeMode, string> = { local: 'live.timeLocal', utc: 'live.timeUtc', relative: 'live.timeRelative' };

/** Local time, UTC or relative: one choice for every time on screen, remembered. */
export function TimeModePicker() {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useTimeMode();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className={`text-sm ${MUTED_TEXT}`}>
        <span aria-hidden="true">◷ </span>{t('live.timeMode')}
      </label>
      <select
        id={id}
        data-testid="time-mode"
        value={mode}
        onChange={(e) => setMode(TIME_MODES.find((m) => m === e.target.value) ?? 'local')}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {TIME_MODES.map((m) => <option key={m} value={m}>{t(LABELS[m])}</option>)}
      </select>
    </div>
  );
}
