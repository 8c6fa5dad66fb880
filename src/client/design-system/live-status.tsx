import { useTranslation } from 'react-i18next';
import { formatRelative } from '../lib/time-format.ts';
import { useLiveSetting } from '../lib/live-setting.ts';
import { useNow } from '../lib/use-now.ts';
import { MUTED_TEXT } from './surface.ts';

/**
 * "Updated 3 s ago · polling every 2 s" (or paused, or done: nothing more can change) for a live
 * view's own query; when the last poll failed, the data on screen stays and this says since when
 * it is stale.
 */
export function LiveStatus({ updatedAt, stale, done = false }: { updatedAt: number; stale: boolean; done?: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const [live] = useLiveSetting();
  if (updatedAt === 0) return null;
  // `now` ticks once a second: an answer from this very second must not read as "in 1 second".
  const ago = formatRelative(Math.min(updatedAt, now), now, i18n.language);
  if (stale) {
    return (
      <span data-testid="stale-marker" className="text-sm font-medium text-amber-800 dark:text-amber-300">
        <span aria-hidden="true">⚠ </span>{t('live.stale', { ago })}
      </span>
    );
  }
  return (
    <span data-testid="updated-at" className={`text-sm ${MUTED_TEXT}`}>
      {t('live.updated', { ago })}
      {' · '}
      {done ? t('live.done') : live.paused ? t('live.paused') : t('live.polling', { seconds: live.intervalMs / 1000 })}
    </span>
  );
}
