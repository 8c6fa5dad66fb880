import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isFinished } from '../../../shared/task-model.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';
import { formatRelative } from '../../lib/time-format.ts';
import { useNow } from '../../lib/use-now.ts';
import { ErrorPanel } from '../../design-system/error-panel.tsx';
import type { TaskView } from './task-queries.ts';
import { LiveControls } from '../../design-system/live-controls.tsx';
import { useLiveSetting } from '../../lib/live-setting.ts';
import type { ShownFailure } from './task-failure.ts';
import type { RetryState } from '../../design-system/retry-status.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';
import { IdentityList } from '../../design-system/identity-list.tsx';
import type { StreamState } from '../../lib/use-event-stream.ts';

interface TaskHeaderProps {
  taskRef: TaskRef;
  query: UseQueryResult<TaskView>;
  /** The failure the page shows (task-failure.ts): beside the last good data, a stale banner. */
  failure?: ShownFailure | undefined;
  retry?: RetryState | undefined;
  /** Beside Refresh (Present), from the route that composes the page. */
  action?: ReactNode;
  /** The tab's event stream: open, changes arrive as they happen. */
  stream?: StreamState | undefined;
}

/** Which task this is, how fresh the data is, and whether it is still being polled. */
export function TaskHeader({ taskRef, query, failure, retry, action, stream }: TaskHeaderProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const [live] = useLiveSetting();
  const { data, dataUpdatedAt, isFetching } = query;
  const finished = data ? isFinished(data.model) : false;
  // While retries wait, Refresh asks at once (it replaces the waiting retry).
  const refreshing = isFetching && !(data && failure);
  const ids: [string, string | undefined][] = [
    ['AppId', taskRef.appId],
    ['RoomId', taskRef.roomId],
    ['TaskId', taskRef.taskId],
    ['UserId', taskRef.userId],
  ];
  return (
    <header className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">{t('task.identity')}</h1>
        <IdentityList ids={ids} />
        <span className={`text-sm ${MUTED_TEXT}`}>{t('task.version', { version: taskRef.version })}</span>
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          {dataUpdatedAt > 0 && (
            <span data-testid="task-updated-at" data-stream={stream} className={MUTED_TEXT}>
              {/* Its width held while "now" becomes "12 seconds ago": the header's right side stays put. */}
              <span className="inline-block min-w-[11rem] text-right">{t('task.updated', { ago: formatRelative(Math.min(dataUpdatedAt, now), now, i18n.language) })}</span>
              {' · '}
              {finished ? t('task.finished') : live.paused ? t('live.paused') : t('task.polling', { seconds: live.intervalMs / 1000 })}
              {stream === 'open' && !live.paused && <> {t('task.streamOpen')}</>}
            </span>
          )}
          {!finished && <LiveControls />}
          {action}
          <button
            type="button"
            onClick={() => { if (!refreshing) void query.refetch(); }}
            // aria-disabled, not disabled: every poll would otherwise take the keyboard focus off it.
            aria-disabled={refreshing}
            className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-100 aria-disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            ↻ {t('task.refresh')}
          </button>
        </div>
      </div>
      {data && failure && (
        <div data-testid="stale-banner">
          <p className="mb-1 text-sm font-medium text-amber-800 dark:text-amber-300">
            ⚠ {t('task.staleSince', { ago: formatRelative(dataUpdatedAt, now, i18n.language), reason: '' })}
          </p>
          <ErrorPanel error={failure.error} compact retry={retry} />
        </div>
      )}
    </header>
  );
}
