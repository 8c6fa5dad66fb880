import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FleetTask } from '../../../shared/fleet-api.ts';
import { taskRefToSearch } from '../../../shared/task-ref.ts';
import { pushStateNeverCame } from '../../../shared/task-summary-facts.ts';
import { StatusBadge } from '../../design-system/status-badge.tsx';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { usePushStateLabel } from '../../i18n/use-push-state-label.ts';
import { formatDuration, formatRelative } from '../../lib/time-format.ts';
import { formatInstant, type TimeMode } from '../../lib/time-setting.ts';
import { AttentionBadge } from '../../design-system/attention-badge.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';

/**
 * One grid for the header and every row: a table from 1440 px (its eleven columns need it), a card
 * below. Breakpoints are all min-[...] so they order by width against each other.
 */
export const FLEET_GRID = 'min-[1440px]:grid min-[1440px]:grid-cols-[8.75rem_minmax(8rem,1fr)_minmax(13rem,1.4fr)_minmax(8.5rem,1fr)_6.5rem_6.5rem_5.25rem_6rem_5rem_5.5rem_2.5rem] min-[1440px]:gap-x-3';

export const taskName = (t: Pick<FleetTask, 'ref'>) => t.ref.taskId ?? t.ref.userId ?? '';

/** A cell: its column name shown before the value on a card, read by screen readers from the header on the table. */
function Cell({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="cell" className={`min-w-0 break-words text-sm ${className}`}>
      <span className="block text-xs text-slate-600 min-[1440px]:hidden dark:text-slate-400">{label}</span>
      {children}
    </div>
  );
}

export function FleetRow({ task, rowIndex, now, mode, onRemove, removing }: {
  task: FleetTask;
  /** 1-based, the header being row 1. */
  rowIndex: number;
  now: number;
  mode: TimeMode;
  onRemove: (task: FleetTask) => void;
  removing: boolean;
}) {
  const { t, i18n } = useTranslation();
  const enumLabel = useEnumLabel();
  const locale = i18n.language;
  const status = enumLabel('taskStatus', task.status ?? undefined);
  const pushLabel = usePushStateLabel();
  const facts = { status: task.status ?? undefined, endTime: task.endTime ?? undefined, pushStreamState: task.pushStreamState ?? undefined };
  const push = pushLabel(facts);
  const when = (ms: number | null) => (ms === null ? t('fleet.none') : formatInstant(ms, mode, locale, now));
  // A running task's duration grows with the page's clock; an ended one's is fixed.
  const duration = task.startTime === null ? null : Math.max(0, (task.endTime ?? now) - task.startTime);
  const name = taskName(task);
  // A row pushed after the list was read may be newer than the page's clock: never "in 2 seconds".
  const reportedWhen = task.reportedAt === null ? null : formatRelative(Math.min(task.reportedAt, now), now, locale);
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-testid="fleet-row"
      data-key={task.key}
      data-attention={task.attention}
      className={`${FLEET_GRID} grid grid-cols-2 gap-x-3 gap-y-2 min-[640px]:grid-cols-4 min-[1024px]:grid-cols-6 border-t border-slate-200 px-3 py-2 min-[1440px]:items-start dark:border-slate-800`}
    >
      <Cell label={t('fleet.col.state')} className="col-span-2 min-[640px]:col-span-1 min-[1440px]:col-span-1">
        <AttentionBadge attention={task.attention} />
      </Cell>
      <Cell label={t('fleet.col.task')} className="col-span-2 min-[1440px]:col-span-1">
        <Link href={`/task?${taskRefToSearch(task.ref)}`} className="font-medium text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">{name}</Link>
        <span className={`block font-mono text-xs ${MUTED_TEXT}`}>{[task.ref.appId, task.ref.roomId, task.ref.userId].filter(Boolean).join(' · ')}</span>
      </Cell>
      <Cell label={t('fleet.col.status')} className="col-span-2 min-[1440px]:col-span-1">
        {task.status === null ? <span className={MUTED_TEXT}>{t('fleet.notObserved')}</span> : (
          <span className="flex flex-wrap gap-1">
            <StatusBadge value={status} label={status.label} />
            {(task.pushStreamState !== null || pushStateNeverCame(facts)) && <StatusBadge value={push} label={push.label} testId="push-state" />}
          </span>
        )}
        {reportedWhen !== null && <span data-testid="reported-state" className={`block text-xs ${MUTED_TEXT}`}>{t('fleet.reportedState', { when: reportedWhen })}</span>}
      </Cell>
      <Cell label={t('fleet.col.stopReason')} className="col-span-2 min-[640px]:col-span-1 min-[1440px]:col-span-1"><span data-testid="stop-reason">{task.stopReason ?? t('fleet.none')}</span></Cell>
      <Cell label={t('fleet.col.started')}>{when(task.startTime)}</Cell>
      <Cell label={t('fleet.col.ended')}>{when(task.endTime)}</Cell>
      <Cell label={t('fleet.col.duration')}>{duration === null ? t('fleet.none') : formatDuration(duration, locale)}</Cell>
      <Cell label={t('fleet.col.lastReconnect')}>
        <span className="tabular-nums" data-testid="reconnects">{task.reconnects}</span>
        {task.lastReconnectAt !== null && <span className={`block text-xs ${MUTED_TEXT}`}>{formatRelative(task.lastReconnectAt, now, locale)}</span>}
      </Cell>
      <Cell label={t('fleet.col.warnings')}><span className="tabular-nums">{task.warnings === null ? t('fleet.none') : (task.warnings > 0 ? `⚠ ${task.warnings}` : '0')}</span></Cell>
      <Cell label={t('fleet.col.source')}><span data-testid="source">{t(`fleet.source.${task.source}`)}</span></Cell>
      <div role="cell" className="col-span-2 min-[640px]:col-span-1 min-[1440px]:col-span-1 min-[1440px]:text-right">
        <button
          type="button"
          onClick={() => onRemove(task)}
          disabled={removing}
          aria-label={t('fleet.removeLabel', { name })}
          title={t('fleet.removeLabel', { name })}
          className="whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          <span aria-hidden="true">✕</span><span className="min-[1440px]:sr-only"> {t('fleet.remove')}</span>
        </button>
      </div>
    </div>
  );
}
