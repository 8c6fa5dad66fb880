import { useTranslation } from 'react-i18next';
import type { CallbackNotice } from '../../../shared/fleet-api.ts';
import { formatInstant, formatInstantAlt, useTimeMode } from '../../lib/time-setting.ts';
import { useNow } from '../../lib/use-now.ts';

/** A stop Volcengine reported by callback, shown at once, until the page's own answer agrees. */
export function ReportedStopBanner({ stop }: { stop: CallbackNotice }) {
  const { t, i18n } = useTranslation();
  const [mode] = useTimeMode();
  const now = useNow();
  const locale = i18n.language;
  return (
    <div role="status" data-testid="reported-stop" data-event-id={stop.eventId} className="rounded-md border border-orange-400 bg-orange-50 p-3 text-sm dark:border-orange-300 dark:bg-orange-950">
      <p className="font-semibold" title={formatInstantAlt(stop.eventTime, mode, locale, now)}>
        <span aria-hidden="true">■ </span>{t('task.reportedStop', { when: formatInstant(stop.eventTime, mode, locale, now) })}
      </p>
      <p>{t('task.reportedStopHelp')}</p>
    </div>
  );
}
