import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { WatchedTask } from '../../../shared/history-api.ts';
import { taskRefToSearch } from '../../../shared/task-ref.ts';
import { StatusBadge } from '../../design-system/status-badge.tsx';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { formatRelative } from '../../lib/time-format.ts';
import { formatInstant, type TimeMode } from '../../lib/time-setting.ts';
import { AttentionBadge } from '../../design-system/attention-badge.tsx';
import { watchedName } from './watch-sort.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';
import { FOLD } from '../../design-system/fold-table.ts';

interface Props {
  task: WatchedTask;
  now: number;
  mode: TimeMode;
  onRemove: (task: WatchedTask) => void;
  removing: boolean;
}

const CELL = `px-3 py-2 align-top ${FOLD.cell}`;

export function WatchRow({ task, now, mode, onRemove, removing }: Props) {
  const { t, i18n } = useTranslation();
  const enumLabel = useEnumLabel();
  const locale = i18n.language;
  const name = watchedName(task);
  const status = enumLabel('taskStatus', task.status ?? undefined);
  const push = enumLabel('pushState', task.pushStreamState ?? undefined);
  const { ref } = task;
  return (
    <tr data-testid="watch-row" data-key={task.key} data-attention={task.attention} className={`border-t border-slate-200 dark:border-slate-800 ${FOLD.row}`}>
      <td className={CELL}>
        <AttentionBadge attention={task.attention} />
        {task.notQueryableReason && <p className={`mt-1 max-w-56 text-xs ${MUTED_TEXT}`}>{t(`watch.notQueryable.${task.notQueryableReason}`)}</p>}
        {task.lastError && task.consecutiveFailures > 0 && (
          <p className="mt-1 text-xs text-orange-800 dark:text-orange-300">
            <span aria-hidden="true">⚠ </span>{t('watch.lastError', { code: task.lastError.code })} · {t('watch.failures', { count: task.consecutiveFailures })}
          </p>
        )}
      </td>
      <td className={`${CELL} ${FOLD.wide}`}>
        <Link href={`/task?${taskRefToSearch(ref)}`} className="font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">{name}</Link>
        <p className={`mt-0.5 break-words font-mono text-xs ${MUTED_TEXT}`}>
          {[ref.appId, ref.roomId, ref.taskId, ref.userId].filter(Boolean).join(' · ')}
        </p>
      </td>
      <td className={CELL}>
        {task.status === null ? (
          <span className={`text-sm ${MUTED_TEXT}`}>{t('watch.notObservedYet')}</span>
        ) : (
          <span className="flex flex-wrap gap-1">
            <StatusBadge value={status} label={status.label} />
            {task.status === 2 && <StatusBadge value={push} label={push.label} />}
          </span>
        )}
      </td>
      <td className={`${CELL} text-sm`}>
        <span className={`${FOLD.label} ${MUTED_TEXT}`}>{t('watch.col.started')}</span>
        {task.startTime !== null ? formatInstant(task.startTime, mode, locale, now) : '—'}
      </td>
      <td className={`${CELL} text-sm`} data-testid="last-observed">
        <span className={`${FOLD.label} ${MUTED_TEXT}`}>{t('watch.col.lastObserved')}</span>
        {task.lastObservedAt === null ? t('watch.neverObserved') : (
          <>
            <span>{formatRelative(task.lastObservedAt, now, locale)}</span>
            {mode !== 'relative' && <span className={`block text-xs ${MUTED_TEXT}`}>{formatInstant(task.lastObservedAt, mode, locale, now)}</span>}
          </>
        )}
      </td>
      <td className={`${CELL} text-right tabular-nums`}>
        <span className={`${FOLD.label} ${MUTED_TEXT}`}>{t('watch.col.reconnects')}</span>
        {task.reconnects}
      </td>
      <td className={`${CELL} text-right ${FOLD.corner}`}>
        <button
          type="button"
          onClick={() => onRemove(task)}
          disabled={removing}
          aria-label={t('watch.removeLabel', { name })}
          className="whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          <span aria-hidden="true">✕ </span>{t('watch.remove')}
        </button>
      </td>
    </tr>
  );
}
