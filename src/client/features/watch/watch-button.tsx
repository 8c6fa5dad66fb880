import { useTranslation } from 'react-i18next';
import { serverErrorText } from '../../i18n/server-error-text.ts';
import type { WatchedTask } from '../../../shared/history-api.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';
import { useUnwatchTask, useWatchTask } from '../../lib/watch-queries.ts';

const BUTTON = 'rounded-md px-3 py-1 text-sm font-medium disabled:opacity-60';

/** On a task page: watch it, or see that it is watched and stop (its history stays). */
export function WatchButton({ taskRef, watched }: { taskRef: TaskRef; watched: WatchedTask | null }) {
  const { t } = useTranslation();
  const watch = useWatchTask();
  const unwatch = useUnwatchTask();
  const error = watch.error ?? unwatch.error;
  const busy = watch.isPending || unwatch.isPending;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="watch-button">
      {watched ? (
        <>
          <span className="text-sm font-medium text-sky-900 dark:text-sky-200"><span aria-hidden="true">◉ </span>{t('watch.button.watching')}</span>
          <button
            type="button"
            disabled={busy}
            onClick={() => unwatch.mutate(watched.key)}
            aria-label={t('watch.button.stopLabel')}
            className={`${BUTTON} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`}
          >
            {t('watch.button.stop')}
          </button>
        </>
      ) : (
        <button
          type="button"
          disabled={busy}
          onClick={() => watch.mutate({ ref: taskRef })}
          className={`${BUTTON} bg-slate-900 text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white`}
        >
          <span aria-hidden="true">◎ </span>{t('watch.button.watch')}
        </button>
      )}
      {error && <span role="alert" className="text-sm text-orange-800 dark:text-orange-300">✕ {t('watch.button.failed', { message: serverErrorText(t, error) })}</span>}
    </div>
  );
}
