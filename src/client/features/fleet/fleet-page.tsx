import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FleetQuery, FleetTask } from '../../../shared/fleet-api.ts';
import { fleetAnswer } from '../../../shared/fleet-filter.ts';
import { LiveControls } from '../../design-system/live-controls.tsx';
import { TimeModePicker } from '../../design-system/time-mode-picker.tsx';
import { serverErrorText } from '../../i18n/server-error-text.ts';
import { useLiveSetting } from '../../lib/live-setting.ts';
import { useServerNow } from '../../lib/server-now.ts';
import { useTimeMode } from '../../lib/time-setting.ts';
import { ErrorPanel } from '../../design-system/error-panel.tsx';
import { useUnwatchTask } from '../../lib/watch-queries.ts';
import { FleetCounters } from './fleet-counters.tsx';
import { FleetEmpty } from './fleet-empty.tsx';
import { FleetFilters, NO_FILTERS, type FleetFilterState } from './fleet-filters.tsx';
import { fleetQueries } from './fleet-queries.ts';
import { FleetTable } from './fleet-table.tsx';
import { useFleetStream } from './use-fleet-stream.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';
import { QUERY_FORM_HREF } from '../../lib/query-form-link.ts';

const orUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());

function toQuery(f: FleetFilterState): FleetQuery {
  const q: FleetQuery = { sort: f.sort, state: f.state };
  const appId = orUndefined(f.appId);
  const roomId = orUndefined(f.roomId);
  const stopReason = orUndefined(f.stopReason);
  const text = orUndefined(f.q);
  if (appId) q.appId = appId;
  if (roomId) q.roomId = roomId;
  if (stopReason) q.stopReason = stopReason;
  if (text) q.q = text;
  return q;
}

/** /tasks: every task the server knows, most in need of attention first, live through /api/events. */
export function FleetPage() {
  const { t } = useTranslation();
  const [live] = useLiveSetting();
  const [mode] = useTimeMode();
  const [filters, setFilters] = useState<FleetFilterState>(NO_FILTERS);
  const stream = useFleetStream(!live.paused);
  // Polling only while the stream is cut (or paused by the person: then not at all).
  const query = useQuery({ ...fleetQueries.list(), refetchInterval: live.paused || stream === 'open' ? false : live.intervalMs });
  const { data, error, dataUpdatedAt } = query;
  const now = useServerNow(data?.now, dataUpdatedAt);
  const unwatch = useUnwatchTask();
  const view = useMemo(() => (data ? fleetAnswer(data.tasks, toQuery(filters), data.now) : undefined), [data, filters]);
  const rooms = useMemo(() => [...new Set((data?.tasks ?? []).map((task) => task.ref.roomId))].sort(), [data]);
  const remove = (task: FleetTask) => unwatch.mutate(task.key);
  const liveText = live.paused ? t('fleet.live.paused') : stream === 'open' ? t('fleet.live.stream') : t('fleet.live.polling', { seconds: live.intervalMs / 1000 });

  return (
    <div className="min-w-0 space-y-4">
      <header className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div className="max-w-2xl">
          <h1 className="text-xl font-semibold">{t('fleet.title')}</h1>
          <p className={`text-sm ${MUTED_TEXT}`}>{t('fleet.intro')}</p>
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <span data-testid="fleet-live" data-stream={stream} className={`text-sm ${MUTED_TEXT}`}>
            <span aria-hidden="true">{stream === 'open' && !live.paused ? '● ' : '○ '}</span>{liveText}
          </span>
          <LiveControls />
          <TimeModePicker />
        </div>
      </header>
      <div className="flex flex-wrap gap-x-4 text-sm">
        <Link href={QUERY_FORM_HREF} className="text-sky-800 underline underline-offset-2 dark:text-sky-300">{t('fleet.addByHand')}</Link>
        <Link href="/watch" className="text-sky-800 underline underline-offset-2 dark:text-sky-300">{t('fleet.watchList')}</Link>
      </div>
      {data && error && <ErrorPanel error={error} compact />}
      {!data && error && <ErrorPanel error={error} onRetry={() => void query.refetch()} />}
      {!data && !error && <p role="status" className={`animate-pulse ${MUTED_TEXT}`}>{t('fleet.loading')}</p>}
      {unwatch.error && <p role="alert" className="text-sm text-orange-800 dark:text-orange-300">✕ {t('watch.button.failed', { message: serverErrorText(t, unwatch.error) })}</p>}
      {data && data.tasks.length === 0 && <FleetEmpty />}
      {data && view && data.tasks.length > 0 && (
        <>
          <FleetCounters counts={view.counts} selected={filters.state} onSelect={(state) => setFilters({ ...filters, state })} />
          <FleetFilters value={filters} onChange={setFilters} appIds={view.appIds} rooms={rooms} stopReasons={view.stopReasons} />
          <p role="status" className={`text-sm ${MUTED_TEXT}`} data-testid="fleet-shown">
            {t('fleet.shown', { count: view.tasks.length, total: view.total })}
            {JSON.stringify(filters) !== JSON.stringify(NO_FILTERS) && (
              <button type="button" onClick={() => setFilters(NO_FILTERS)} className="ml-3 text-sky-800 underline underline-offset-2 dark:text-sky-300">{t('fleet.clear')}</button>
            )}
          </p>
          {view.tasks.length === 0
            ? <p className="text-sm text-slate-700 dark:text-slate-300">{t('fleet.noMatch')}</p>
            : <FleetTable tasks={view.tasks} now={now} mode={mode} onRemove={remove} removingKey={unwatch.isPending ? unwatch.variables : undefined} />}
        </>
      )}
    </div>
  );
}
