import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { taskRefFromSearch, taskRefKey, type TaskRef } from '../../../shared/task-ref.ts';
import { ErrorPanel } from '../../design-system/error-panel.tsx';
import { TaskHeader } from './task-header.tsx';
import { TaskSummary } from './task-summary.tsx';
import { fetchFullPushUrl } from './push-url-query.ts';
import { taskQueries } from './task-queries.ts';
import { livePolling, useLiveSetting } from '../../lib/live-setting.ts';
import { ConfigPanelsLazy } from './lazy-sections.tsx';
import type { TaskPageParts } from './task-parts.ts';
import { useShownFailure } from './task-failure.ts';
import { isDefinitive } from '../../lib/retry-policy.ts';
import { Section } from '../../design-system/section.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';
import { unconfirmedStop } from './reported-stop.ts';
import { ReportedStopBanner } from './reported-stop-banner.tsx';
import { useTaskStream } from './use-task-stream.ts';

export function TaskPage({ parts }: { parts: TaskPageParts }) {
  const { t } = useTranslation();
  const search = useSearch();
  const parsed = taskRefFromSearch(search);
  if (!parsed.ok) {
    const params = new URLSearchParams(search);
    return (
      <div className="max-w-3xl space-y-4">
        <div role="alert" className="rounded-md border border-orange-400 bg-orange-50 p-3 dark:bg-orange-950">
          <h1 className="font-semibold">✕ {t('task.badLink')}</h1>
          <p className="text-sm">{t('task.badLinkHelp')}</p>
        </div>
        <Section roomy>
          <Fragment key={search}>
            {parts.queryForm({
              initialIssues: parsed.issues,
              initial: { appId: params.get('appId') ?? '', roomId: params.get('roomId') ?? '', taskId: params.get('taskId') ?? '', userId: params.get('userId') ?? '', version: params.get('version') ?? undefined },
            })}
          </Fragment>
        </Section>
      </div>
    );
  }
  return <TaskView taskRef={parsed.ref} parts={parts} />;
}

function TaskView({ taskRef, parts }: { taskRef: TaskRef; parts: TaskPageParts }) {
  const { t } = useTranslation();
  const [live] = useLiveSetting();
  const detail = taskQueries.detail(taskRef);
  const query = useQuery({ ...detail, refetchInterval: livePolling(detail.refetchInterval, live) });
  // Pushed changes ask again at once; the polling above stays (the server shares it between tabs).
  const { stream, newestReport } = useTaskStream(taskRef, !live.paused);
  const fullPushUrl = () => fetchFullPushUrl(taskRef);
  const { data, isPending, isFetching } = query;
  const clock = { serverNow: data?.response.now, receivedAt: query.dataUpdatedAt };
  const reportedStop = unconfirmedStop(newestReport, data?.model);
  // The failure stays on screen, with its countdown, until an answer replaces it.
  const failure = useShownFailure(taskRefKey(taskRef), query);
  const retry = failure && { attempt: failure.attempt, asking: isFetching };
  return (
    <div className="space-y-4">
      <TaskHeader taskRef={taskRef} query={query} failure={failure} retry={retry} stream={stream} action={data && parts.headerAction(taskRef, data.model)} />
      {reportedStop && <ReportedStopBanner stop={reportedStop} />}
      {isPending && !failure && (
        <p role="status" data-testid="task-loading" className={`animate-pulse ${MUTED_TEXT}`}>{t('task.loading')}</p>
      )}
      {/* Try again only for an answer the page will not retry by itself. */}
      {!data && failure && <ErrorPanel error={failure.error} retry={retry} onRetry={isDefinitive(failure.error) ? () => void query.refetch() : undefined} />}
      {data && (
        <>
          {parts.cause(data.model)}
          <TaskSummary view={data} fullPushUrl={fullPushUrl} clock={clock} />
          {parts.timeline(taskRef, data.model)}
          {parts.layout(data.model, data.response, fullPushUrl, clock)}
          <ConfigPanelsLazy model={data.model} />
        </>
      )}
    </div>
  );
}
