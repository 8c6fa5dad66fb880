import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverErrorText } from '../../i18n/server-error-text.ts';
import type { WatchedTask } from '../../../shared/history-api.ts';
import { LiveControls } from '../../design-system/live-controls.tsx';
import { TimeModePicker } from '../../design-system/time-mode-picker.tsx';
import { useLiveSetting } from '../../lib/live-setting.ts';
import { useServerNow } from '../../lib/server-now.ts';
import { useTimeMode } from '../../lib/time-setting.ts';
import { ErrorPanel } from '../../design-system/error-panel.tsx';
import { LiveStatus } from '../../design-system/live-status.tsx';
import { WatchCounts } from './watch-counts.tsx';
import { WatchEmpty } from './watch-empty.tsx';
import { watchQueries, useUnwatchTask, useWatchTask } from '../../lib/watch-queries.ts';
import { sortWatched, WATCH_SORTS, type WatchSort } from './watch-sort.ts';
import { WatchTable } from './watch-table.tsx';
import { WatchUndo } from './watch-undo.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';

/** /watch: the tasks the server watches for everyone, most urgent first, live. */
export function WatchPage() {
  const { t } = useTranslation();
  const sortId = useId();
  const [live] = useLiveSetting();
  const [mode] = useTimeMode();
  const [sort, setSort] = useState<WatchSort>('attention');
  const [removed, setRemoved] = useState<WatchedTask>();
  const query = useQuery({ ...watchQueries.list(), refetchInterval: live.paused ? false : live.intervalMs });
  const { data, error, dataUpdatedAt } = query;
  const now = useServerNow(data?.now, dataUpdatedAt);
  const unwatch = useUnwatchTask();
  const rewatch = useWatchTask();
  const changeError = unwatch.error ?? rewatch.error;

  const remove = (task: WatchedTask) => unwatch.mutate(task.key, { onSuccess: () => setRemoved(task) });
  const undo = () => {
    if (removed) rewatch.mutate({ ref: removed.ref, label: removed.label ?? undefined }, { onSuccess: () => setRemoved(undefined) });
  };

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div className="max-w-2xl">
          <h1 className="text-xl font-semibold">{t('watch.title')}</h1>
          <p className={`text-sm ${MUTED_TEXT}`}>{t('watch.intro')}</p>
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <LiveStatus updatedAt={dataUpdatedAt} stale={data !== undefined && error !== null} />
          <LiveControls />
          <TimeModePicker />
        </div>
      </header>
      {data && error && <ErrorPanel error={error} compact />}
      {!data && error && <ErrorPanel error={error} onRetry={() => void query.refetch()} />}
      {!data && !error && <p role="status" className={`animate-pulse ${MUTED_TEXT}`}>{t('watch.loading')}</p>}
      <WatchUndo removed={removed} onUndo={undo} busy={rewatch.isPending} />
      {changeError && (
        <p role="alert" className="text-sm text-orange-800 dark:text-orange-300">✕ {t('watch.button.failed', { message: serverErrorText(t, changeError) })}</p>
      )}
      {data && data.tasks.length === 0 && <WatchEmpty />}
      {data && data.tasks.length > 0 && (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <WatchCounts counts={data.counts} />
            <div className="flex items-center gap-2 text-sm">
              <label htmlFor={sortId} className={MUTED_TEXT}>{t('watch.sortBy')}</label>
              <select
                id={sortId}
                value={sort}
                onChange={(e) => setSort(WATCH_SORTS.find((s) => s === e.target.value) ?? 'attention')}
                className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
              >
                {WATCH_SORTS.map((s) => <option key={s} value={s}>{t(`watch.sort.${s}`)}</option>)}
              </select>
            </div>
          </div>
          <WatchTable tasks={sortWatched(data.tasks, sort)} now={now} mode={mode} onRemove={remove} removingKey={unwatch.isPending ? unwatch.variables : undefined} />
        </>
      )}
    </div>
  );
}
