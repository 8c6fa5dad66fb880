import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskModel } from '../../../shared/task-model.ts';
import { isFinished } from '../../../shared/task-model.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';
import { LiveStatus } from '../../design-system/live-status.tsx';
import { useServerNow } from '../../lib/server-now.ts';
import { useTaskEvents } from '../../lib/task-events-queries.ts';
import { useTimeMode } from '../../lib/time-setting.ts';
import { ErrorPanel } from '../../design-system/error-panel.tsx';
import { TimelineBody } from './timeline-body.tsx';
import { TimelinePartsContext, type TimelineParts } from './timeline-parts.ts';
import { TimelineSummary } from './timeline-summary.tsx';
import { HISTORY_LIMIT } from './timeline-queries.ts';
import { useTimelineText } from './timeline-text.ts';
import { UnwatchedNote } from './unwatched-note.tsx';
import { useTimelineData } from './use-timeline-data.ts';
import { useDemoHistory } from './use-demo-history.ts';
import { TIMELINE_LOADING_MIN_HEIGHT } from './timeline-height.ts';
import { Section } from '../../design-system/section.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';

/** The task's lifecycle timeline on the task page: lanes, changes, and whether it is watched. */
export function TimelineSection({ taskRef, model, parts }: { taskRef: TaskRef; model: TaskModel; parts: TimelineParts }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { history, timeline, times, complete } = useTimelineData(taskRef, model);
  const { data, error, dataUpdatedAt } = history;
  // The counts above the chart stay what was observed; the chart also draws the demo history.
  const demo = useDemoHistory(taskRef, timeline);
  const reported = useTaskEvents(taskRef, model).data;
  const now = useServerNow(data?.now, dataUpdatedAt);
  const [mode] = useTimeMode();
  const text = useTimelineText(mode, now, timeline?.life.from ?? now);
  const watched = data?.watched ?? null;
  return (
    <TimelinePartsContext value={parts}>
      <Section aria-labelledby={titleId} data-testid="timeline" data-watched={String(watched !== null)} className={`space-y-3 ${!data && !error ? TIMELINE_LOADING_MIN_HEIGHT : ''}`}>
        <header className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h2 id={titleId} className="text-lg font-semibold">{t('timeline.title')}</h2>
          <LiveStatus updatedAt={dataUpdatedAt} stale={data !== undefined && error !== null} done={complete} />
          {watched && <div className="ml-auto">{parts.watchButton(taskRef, watched)}</div>}
        </header>
        {timeline && (
          <TimelineSummary timeline={timeline} watched={watched} truncatedCount={data?.truncated ? HISTORY_LIMIT : undefined} now={now} text={text} />
        )}
        {data && watched === null && <UnwatchedNote taskRef={taskRef} ended={isFinished(model)} />}
        {!data && !error && <p role="status" className={`animate-pulse text-sm ${MUTED_TEXT}`}>{t('timeline.loading')}</p>}
        {error && <ErrorPanel error={error} compact onRetry={data ? undefined : () => void history.refetch()} />}
        {demo.timeline && times && <TimelineBody timeline={demo.timeline} times={times} model={model} version={taskRef.version} now={now} reported={reported} demo={demo} />}
      </Section>
    </TimelinePartsContext>
  );
}
