import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { configQueries } from '../../lib/config-queries.ts';

/** Says where the data comes from, so demo data is never mistaken for a customer's task. */
export function UpstreamBadge() {
  const { t } = useTranslation();
  const { data } = useQuery(configQueries.server());
  if (!data) return null;
  const demo = data.upstream === 'simulator';
  return (
    <span
      data-testid="upstream-badge"
      className={`rounded-md px-2 py-1 text-xs font-medium ${demo ? 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100' : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200'}`}
    >
      {demo ? `◆ ${t('app.demoData')}` : t('app.liveData', { region: data.region })}
    </span>
  );
}
