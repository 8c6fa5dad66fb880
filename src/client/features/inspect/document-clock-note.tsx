import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/time-format.ts';
import { useTimeMode } from '../../lib/time-setting.ts';
import type { DocumentClock } from './inspector-state.ts';

/**
 * The moment every time on the page is measured to, said before those times: a reopened export is
 * a snapshot, not the task as it is now, and nothing on the page ticks.
 */
export function DocumentClockNote({ clock }: { clock: DocumentClock }) {
  const { t, i18n } = useTranslation();
  const [mode] = useTimeMode();
  // Written out even in the relative mode: "now" would say nothing about when.
  const time = formatDateTime(clock.at, i18n.language, mode === 'utc' ? 'UTC' : undefined);
  const snapshot = clock.kind === 'snapshot';
  return (
    <div
      role="note" data-testid="inspect-clock" data-kind={clock.kind} data-at={clock.at}
      className={`rounded-md border-l-4 p-3 ${snapshot ? 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950' : 'border-slate-400 bg-slate-50 dark:border-slate-500 dark:bg-slate-900'}`}
    >
      <p className="font-semibold" data-testid="inspect-clock-time">
        <span aria-hidden="true">{snapshot ? '◉ ' : '○ '}</span>{t(snapshot ? 'offline.clock.snapshot' : 'offline.clock.read', { time })}
      </p>
      <p className="mt-0.5 text-sm text-slate-700 dark:text-slate-300">{t(snapshot ? 'offline.clock.snapshotHelp' : 'offline.clock.readHelp')}</p>
    </div>
  );
}
