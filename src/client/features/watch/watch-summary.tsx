import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { taskRefToSearch } from '../../../shared/task-ref.ts';
import { useLiveSetting } from '../../lib/live-setting.ts';
import { useServerNow } from '../../lib/server-now.ts';
import { formatInstant, useTimeMode } from '../../lib/time-setting.ts';
import { AttentionBadge } from '../../design-system/attention-badge.tsx';
import { WatchCounts } from './watch-counts.tsx';
import { watchQueries } from '../../lib/watch-queries.ts';
import { sortWatched, watchedName } from './watch-sort.ts';
import { Section } from '../../design-system/section.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';

const SHOWN = 5;

/** The home page with real keys: the shared watch list at a glance, what needs attention first. */
export function WatchSummary() {
  const { t, i18n } = useTranslation();
  const [live] = useLiveSetting();
  const [mode] = useTimeMode();
  const { data, dataUpdatedAt } = useQuery({ ...watchQueries.list(), refetchInterval: live.paused ? false : live.intervalMs });
  const now = useServerNow(data?.now, dataUpdatedAt);
  const tasks = data ? sortWatched(data.tasks, 'attention').slice(0, SHOWN) : [];
  return (
    <Section roomy aria-labelledby="watch-summary-title" data-testid="watch-summary">
      <h2 id="watch-summary-title" className="text-lg font-semibold"><span aria-hidden="true">◎ </span>{t('watch.title')}</h2>
      <p className={`mt-1 text-sm ${MUTED_TEXT}`}>{t('watch.intro')}</p>
      {data === undefined ? (
        <p role="status" className={`mt-3 text-sm ${MUTED_TEXT}`}>{t('watch.loading')}</p>
      ) : data.tasks.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">{t('home.watch.empty')}</p>
      ) : (
        <>
          <div className="mt-3"><WatchCounts counts={data.counts} /></div>
          <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800" data-testid="watch-summary-tasks">
            {tasks.map((task) => (
              <li key={task.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <AttentionBadge attention={task.attention} />
                <Link href={`/task?${taskRefToSearch(task.ref)}`} className="min-w-0 font-medium break-all text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">{watchedName(task)}</Link>
                {task.lastObservedAt !== null && (
                  <span className={`ml-auto text-xs ${MUTED_TEXT}`}>
                    {t('home.watch.lastObserved', { time: formatInstant(task.lastObservedAt, mode, i18n.language, now) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <Link href="/watch" className="mt-4 inline-block text-sm font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300">
        {data && data.tasks.length > SHOWN ? t('home.watch.openAll', { count: data.tasks.length }) : t('watch.button.openList')}
      </Link>
    </Section>
  );
}
