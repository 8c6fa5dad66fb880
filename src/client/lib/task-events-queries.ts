import { queryOptions, useQuery } from '@tanstack/react-query';
import { TASK_EVENTS_PATH, TaskEventsResponseSchema, type TaskEventsResponse } from '../../shared/task-events-api.ts';
import { isFinished, type TaskModel } from '../../shared/task-model.ts';
import { taskRefKey, taskRefToSearch, type TaskRef } from '../../shared/task-ref.ts';
import { getJson } from './api-client.ts';
import { useLiveSetting } from './live-setting.ts';

/**
 * What Volcengine reported about a task by callback, and who is in its room (GET /api/task/events).
 * Read by the timeline and by the layout's presence notes: one query, one key. A live event
 * stream can refresh it at once by invalidating `taskEventsQueries.all()`; until then it is
 * polled at the user's pace while the task lives.
 */
export const taskEventsQueries = {
  all: () => ['task-events'] as const,
  task: (ref: TaskRef) =>
    queryOptions({
      queryKey: [...taskEventsQueries.all(), taskRefKey(ref)],
      queryFn: ({ signal }) => getJson(`${TASK_EVENTS_PATH}?${taskRefToSearch(ref)}`, TaskEventsResponseSchema, signal),
      retry: 1,
    }),
};

/** Callbacks may arrive after a poll saw the end: an ended task is asked a while longer for its stop. */
const AFTER_END_MS = 5 * 60_000;

function settled(model: TaskModel, data: TaskEventsResponse | undefined): boolean {
  if (!isFinished(model) || data === undefined) return false;
  return data.events.some((e) => e.eventType === 'TranscodeStopped') || data.now > (model.endTime ?? 0) + AFTER_END_MS;
}

export function useTaskEvents(ref: TaskRef, model: TaskModel) {
  const [live] = useLiveSetting();
  return useQuery({
    ...taskEventsQueries.task(ref),
    refetchInterval: (q) => (live.paused || settled(model, q.state.data) ? false : live.intervalMs),
  });
}
