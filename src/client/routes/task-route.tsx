import type { TaskResponse } from '../../shared/mixscope-api.ts';
import { CauseBanner } from '../features/cause/cause-banner.tsx';
import type { ExportInput } from '../features/export/export-buttons.tsx';
import { editIds } from '../features/layout/editor/edit-source.ts';
import { LayoutSection } from '../features/layout/layout-section.tsx';
import { PresentButton } from '../features/present/present-button.tsx';
import { TaskPage } from '../features/task/task-page.tsx';
import type { TaskPageParts } from '../features/task/task-parts.ts';
import { TIMELINE_LOADING_MIN_HEIGHT } from '../features/timeline/timeline-height.ts';
import { deferred } from '../lib/deferred.tsx';
import { serverClockAt, type AnswerClock } from '../lib/server-now.ts';
import { CARD } from '../design-system/surface.ts';

/**
 * What loads on demand, with its strings, as it mounts: the timeline (with d3-scale),
 * the export buttons, the query form a broken link falls back to, and the presentation view when
 * first opened. The JavaScript before the layout has a budget (scripts/check-bundle-budget.mjs).
 */

/** Holds the height of the timeline while its code loads, so the layout below does not move. */
const timelinePlaceholder = () => <div aria-busy="true" className={`${TIMELINE_LOADING_MIN_HEIGHT} ${CARD}`} />;

const TimelineSectionLazy = deferred(() => import('./timeline-composed.tsx').then((m) => m.ComposedTimelineSection), ['timeline', 'watch', 'presence'], timelinePlaceholder);
const EmptyRegionNotesLazy = deferred(() => import('../features/presence/empty-region-notes.tsx').then((m) => m.EmptyRegionNotes), ['presence']);
const ExportButtonsLazy = deferred(() => import('../features/export/export-buttons.tsx').then((m) => m.ExportButtons), ['offline']);
const QueryFormLazy = deferred(() => import('./query-form-composed.tsx').then((m) => m.ComposedQueryForm), ['watch']);
const PresentViewLazy = deferred(() => import('./present-composed.tsx').then((m) => m.ComposedPresentView), ['timeline', 'watch', 'presence']);

/**
 * What the export buttons embed: the task as Volcengine sent it (PushURL masked by the server),
 * with the IDs it was asked by; the full PushURL is asked for only when someone includes it.
 */
function exportInput(response: TaskResponse, fullPushUrl: () => Promise<string | null>, clock: AnswerClock): ExportInput {
  const { appId, roomId, taskId, userId, version } = response.ref;
  // Stamped on the server's clock, as the page's durations are: a reopened export then shows them as they were.
  const now = () => serverClockAt(clock.serverNow, clock.receivedAt, Date.now());
  return { version, ref: { appId, roomId, ...(taskId ? { taskId } : {}), ...(userId ? { userId } : {}) }, task: response.task, fullPushUrl, now };
}

const parts: TaskPageParts = {
  headerAction: (taskRef, model) => <PresentButton taskRef={taskRef} model={model} View={PresentViewLazy} />,
  cause: (model) => <CauseBanner model={model} />,
  timeline: (taskRef, model) => <TimelineSectionLazy taskRef={taskRef} model={model} />,
  layout: (model, response, fullPushUrl, clock) => (
    <LayoutSection
      model={model}
      taskRef={response.ref}
      edit={{ task: response.task, version: response.ref.version, ids: editIds(response.ref, response.task), origin: 'task' }}
      notes={<EmptyRegionNotesLazy taskRef={response.ref} model={model} />}
      actions={(api) => <ExportButtonsLazy getStage={api.getStage} getFrame={api.getFrozenFrame} document={exportInput(response, fullPushUrl, clock)} />}
    />
  ),
  queryForm: (props) => <QueryFormLazy {...props} />,
};

/** /task: the task page with the sections other features draw. */
export function TaskRoute() {
  return <TaskPage parts={parts} />;
}
