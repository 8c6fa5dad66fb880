import { use } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskRef } from '../../../shared/task-ref.ts';
import { TimelinePartsContext } from './timeline-parts.ts';

/** Without watching, only StartTime, EndTime and the state now are known: say so, offer to watch. */
export function UnwatchedNote({ taskRef, ended }: { taskRef: TaskRef; ended: boolean }) {
  const { t } = useTranslation();
  const parts = use(TimelinePartsContext);
  return (
    <div data-testid="unwatched-note" className="flex flex-wrap items-center gap-3 rounded-md border border-dashed border-slate-400 bg-slate-50 px-3 py-2 dark:border-slate-600 dark:bg-slate-800/50">
      <div className="min-w-0 flex-1">
        <p className="font-medium"><span aria-hidden="true">◌ </span>{t('timeline.unwatched.title')}</p>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t(ended ? 'timeline.unwatched.ended' : 'timeline.unwatched.running')}</p>
      </div>
      {parts.watchButton(taskRef, null)}
    </div>
  );
}
