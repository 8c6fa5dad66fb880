import type { TaskModel } from '../../shared/task-model.ts';
import type { TaskRef } from '../../shared/task-ref.ts';
import { LayoutSection } from '../features/layout/layout-section.tsx';
import { TimelineSection } from '../features/timeline/timeline-section.tsx';
import type { TimelineParts } from '../features/timeline/timeline-parts.ts';
import { WatchButton } from '../features/watch/watch-button.tsx';

const parts: TimelineParts = {
  layout: (model) => <LayoutSection model={model} />,
  watchButton: (taskRef, watched) => <WatchButton taskRef={taskRef} watched={watched} />,
};

/** The timeline with a marker's layout and the watch button in it (loaded on demand). */
export function ComposedTimelineSection({ taskRef, model }: { taskRef: TaskRef; model: TaskModel }) {
  return <TimelineSection taskRef={taskRef} model={model} parts={parts} />;
}
