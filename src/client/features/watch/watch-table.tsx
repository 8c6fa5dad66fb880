import { useTranslation } from 'react-i18next';
import type { WatchedTask } from '../../../shared/history-api.ts';
import type { TimeMode } from '../../lib/time-setting.ts';
import { WatchRow } from './watch-row.tsx';
import { CARD } from '../../design-system/surface.ts';
import { FOLD } from '../../design-system/fold-table.ts';

interface Props {
  tasks: readonly WatchedTask[];
  now: number;
  mode: TimeMode;
  onRemove: (task: WatchedTask) => void;
  removingKey: string | undefined;
}

const COLUMNS = ['state', 'task', 'status', 'started', 'lastObserved', 'reconnects', 'actions'] as const;

export function WatchTable({ tasks, now, mode, onRemove, removingKey }: Props) {
  const { t } = useTranslation();
  return (
    <div className={`overflow-x-auto ${CARD}`}>
      <table className={`w-full text-left ${FOLD.table}`} data-testid="watch-table">
        <caption className="sr-only">{t('watch.title')}</caption>
        <thead className={`${FOLD.head} bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800/60 dark:text-slate-300`}>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={`px-3 py-2 font-medium ${c === 'reconnects' || c === 'actions' ? 'text-right' : ''}`}>
                {c === 'actions' ? <span className="sr-only">{t(`watch.col.${c}`)}</span> : t(`watch.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={FOLD.body}>
          {tasks.map((task) => (
            <WatchRow key={task.key} task={task} now={now} mode={mode} onRemove={onRemove} removing={removingKey === task.key} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
