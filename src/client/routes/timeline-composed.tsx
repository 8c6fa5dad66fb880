import { useMemo } from 'react';
import type { TaskModel } from '../../shared/task-model.ts';
import type { TaskRef } from '../../shared/task-ref.ts';
import { editIds } from '../features/layout/editor/edit-source.ts';
import { LayoutSection } from '../features/layout/layout-section.tsx';
import { TimelineSection } from '../features/timeline/timeline-section.tsx';
import type { TimelineParts } from '../features/timeline/timeline-parts.ts';
import { WatchButton } from '../features/watch/watch-button.tsx';

const watchButton: TimelineParts['watchButton'] = (taskRef, watched) => <WatchButton taskRef={taskRef} watched={watched} />;

/** The timeline with a marker's layout (its copy editable) and the watch button in it (loaded on demand). */
export function ComposedTimelineSection({ taskRef, model }: { taskRef: TaskRef; model: TaskModel }) {
  const parts = useMemo<TimelineParts>(() => ({
    layout: (past, raw) => <LayoutSection model={past} edit={{ task: raw, version: past.version, ids: editIds(taskRef, raw), origin: 'past' }} />,
    watchButton,
  }), [taskRef]);
  return <TimelineSection taskRef={taskRef} model={model} parts={parts} />;
}
