import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { TASK_EVENTS_PATH, TaskEventsResponseSchema, type TaskEventsResponse } from '../../shared/task-events-api.ts';
import { isFinished, type TaskModel } from '../../shared/task-model.ts';
import { taskRefKey, taskRefToSearch, type TaskRef } from '../../shared/task-ref.ts';
import { roomKey } from '../../shared/fleet-api.ts';
import { getJson } from './api-client.ts';
import { taskStreamKeys } from './event-stream.ts';
import { useEventStream } from './use-event-stream.ts';
import { useLiveSetting } from './live-setting.ts';

/**
 * What Volcengine reported about a task by callback, and who is in its room (GET /api/task/events).
 * Read by the timeline and by the layout's presence notes: one query, one key. Read again at once
 * when the tab's event stream tells of a callback about the task or a join or leave in its room
 * (presence callbacks name a room, so the page listens for its room too), and polled at the
 * user's pace while the task lives, for when the stream is cut.
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
  const options = taskEventsQueries.task(ref);
  const query = useQuery({
    ...options,
    refetchInterval: (q) => (live.paused || settled(model, q.state.data) ? false : live.intervalMs),
  });
  // A callback about the task, pushed over the tab's stream, is read at once.
  const client = useQueryClient();
  const reread = () => void client.invalidateQueries({ queryKey: options.queryKey });
  useEventStream({ keys: taskStreamKeys(ref), rooms: [roomKey(ref.appId, ref.roomId)] }, { onCallback: reread, onStale: reread }, !live.paused);
  return query;
}
