import { createContext, type ReactNode } from 'react';
import type { WatchedTask } from '../../../shared/history-api.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';

/**
 * What the timeline shows but other features draw: a marker's layout and the watch button. The
 * route that composes the page passes them in (features never import each other).
 */
export interface TimelineParts {
  /** `raw`: the task document the model was built from, as observed then. */
  layout(model: TaskModel, raw: unknown): ReactNode;
  watchButton(taskRef: TaskRef, watched: WatchedTask | null): ReactNode;
}

export const TimelinePartsContext = createContext<TimelineParts>({ layout: () => null, watchButton: () => null });
