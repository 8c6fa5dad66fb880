import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyRegions, isKnownLeaveReason } from '../../../shared/presence-warnings.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';
import { useServerNow } from '../../lib/server-now.ts';
import { useTaskEvents } from '../../lib/task-events-queries.ts';
import { formatInstant, useTimeMode } from '../../lib/time-setting.ts';

/**
 * The layout joined with the room's presence: each region whose user has left the room, with when
 * and why Volcengine said they left. Judged now (on the server's clock) while the task runs, at
 * its end once it ended.
 */
export function EmptyRegionNotes({ taskRef, model }: { taskRef: TaskRef; model: TaskModel }) {
  const { t, i18n } = useTranslation();
  const [mode] = useTimeMode();
  const { data, dataUpdatedAt } = useTaskEvents(taskRef, model);
  const now = useServerNow(data?.now, dataUpdatedAt);
  const at = model.endTime ?? now;
  const regions = useMemo(() => model.layout.regions.map((r) => ({ id: r.id, userId: r.stream?.userId })), [model.layout]);
  const empty = data ? emptyRegions(regions, data.presence, at) : [];
  if (empty.length === 0) return null;
  return (
    <ul data-testid="empty-regions" aria-label={t('presence.emptyTitle')} className="mb-3 space-y-2">
      {empty.map((e) => {
        const reason = e.reason === null ? '?' : isKnownLeaveReason(e.reason) ? t(`presence.reason.${e.reason}`) : e.reason;
        return (
          <li key={e.regionId} data-region={e.regionId} data-user={e.userId} data-reason={e.reason ?? ''} className="rounded-md border-l-4 border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950/60 dark:text-amber-100">
            <p>
              <span aria-hidden="true">⚠ </span>
              {t('presence.emptyRegion', { user: e.userId, time: formatInstant(e.leftAt, mode, i18n.language, now), reason })}
            </p>
            <p className="mt-0.5 text-slate-700 dark:text-slate-300">→ {t('presence.emptyRegionFix', { user: e.userId })}</p>
          </li>
        );
      })}
    </ul>
  );
}
