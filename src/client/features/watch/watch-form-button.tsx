import { useTranslation } from 'react-i18next';
import { serverErrorText } from '../../i18n/server-error-text.ts';
import { Link } from 'wouter';
import { validateTaskRef, type FieldIssue, type TaskRefInput } from '../../../shared/task-ref.ts';
import { watchedName } from './watch-sort.ts';
import { useWatchTask } from '../../lib/watch-queries.ts';

/**
 * Beside "Open task" in the query form: puts the task on the shared watch list without leaving
 * the form. The same checks as opening it; problems go back to the form's own error display.
 */
export function WatchFormButton({ values, onInvalid }: { values: TaskRefInput; onInvalid: (issues: FieldIssue[]) => void }) {
  const { t } = useTranslation();
  const watch = useWatchTask();
  const onClick = () => {
    const checked = validateTaskRef(values);
    if (!checked.ok) return onInvalid(checked.issues);
    onInvalid([]);
    watch.mutate({ ref: checked.ref });
  };
  const done = watch.data;
  return (
    <>
      <button
        type="button"
        onClick={onClick}
        disabled={watch.isPending}
        className="rounded-md border border-slate-400 px-4 py-2 text-sm font-semibold hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">◎ </span>{t('watch.button.formWatch')}
      </button>
      <span role="status" className="text-sm">
        {done && (
          <>
            <span aria-hidden="true">✓ </span>
            {t(done.created ? 'watch.button.formWatched' : 'watch.button.formAlready', { name: watchedName(done.task) })}{' '}
            <Link href="/watch" className="text-sky-800 underline dark:text-sky-300">{t('watch.button.openList')}</Link>
          </>
        )}
        {watch.error && <span className="text-orange-800 dark:text-orange-300">✕ {t('watch.button.failed', { message: serverErrorText(t, watch.error) })}</span>}
      </span>
    </>
  );
}
