import { queryOptions } from '@tanstack/react-query';
import { taskApiPath, TaskResponseSchema, type TaskResponse } from '../../../shared/mixscope-api.ts';
import { buildTaskModel, isFinished, type TaskModel } from '../../../shared/task-model.ts';
import { taskRefKey, type TaskRef } from '../../../shared/task-ref.ts';
import { getJson } from '../../lib/api-client.ts';
import { isDefinitive, retryOptions } from '../../lib/retry-policy.ts';

export interface TaskView {
  response: TaskResponse;
  model: TaskModel;
}

export const POLL_INTERVAL_MS = 2_000;

async function fetchTask(ref: TaskRef, signal: AbortSignal): Promise<TaskView> {
  const response = await getJson(taskApiPath(ref), TaskResponseSchema, signal);
  return { response, model: buildTaskModel(response.task, response.ref.version) };
}

export const taskQueries = {
  all: () => ['task'] as const,
  detail: (ref: TaskRef) =>
    queryOptions({
      queryKey: [...taskQueries.all(), taskRefKey(ref)],
      queryFn: ({ signal }) => fetchTask(ref, signal),
      // Poll while the task can still change; an ended task costs no more upstream budget, nor
      // does an answer asking again cannot change (the person can still ask with Try again).
      refetchInterval: (query) => {
        if (query.state.data && isFinished(query.state.data.model)) return false;
        return query.state.error && isDefinitive(query.state.error) ? false : POLL_INTERVAL_MS;
      },
      // A failure the next try may mend is retried until it does, inside one fetch: the page
      // keeps showing it with its countdown, rather than "Asking…" between tries.
      ...retryOptions,
    }),
};
