import { useTranslation } from 'react-i18next';
import { ATTENTION, type WatchListResponse } from '../../../shared/history-api.ts';
import { AttentionBadge } from '../../design-system/attention-badge.tsx';

/** How many watched tasks are in each state, most urgent first. */
export function WatchCounts({ counts }: { counts: WatchListResponse['counts'] }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('watch.counts')}>
      <ul className="flex flex-wrap gap-2" data-testid="watch-counts">
        {ATTENTION.map((a) => (
          <li key={a}>
            <AttentionBadge attention={a} count={counts[a] ?? 0} muted={!counts[a]} />
          </li>
        ))}
      </ul>
    </section>
  );
}
