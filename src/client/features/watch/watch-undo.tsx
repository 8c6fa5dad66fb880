import { useTranslation } from 'react-i18next';
import type { WatchedTask } from '../../../shared/history-api.ts';
import { watchedName } from './watch-sort.ts';

/** "Removed X. Undo": removing is one click, and as easy to take back. */
export function WatchUndo({ removed, onUndo, busy }: { removed: WatchedTask | undefined; onUndo: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="min-h-0">
      {removed && (
        <p data-testid="watch-undo" className="flex flex-wrap items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900">
          <span>{t('watch.removed', { name: watchedName(removed) })}</span>
          <button type="button" onClick={onUndo} disabled={busy} className="rounded-md border border-slate-400 px-2.5 py-0.5 font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800">
            <span aria-hidden="true">↶ </span>{t('watch.undo')}
          </button>
        </p>
      )}
    </div>
  );
}
