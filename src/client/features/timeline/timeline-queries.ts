import { queryOptions } from '@tanstack/react-query';
import { historyPaths, HistoryResponseSchema, type HistoryResponse } from '../../../shared/history-api.ts';
import { taskRefKey, taskRefToSearch, type TaskRef } from '../../../shared/task-ref.ts';
import { getJson } from '../../lib/api-client.ts';
import { incrementFrom, mergeHistory } from './history-merge.ts';

/** Enough for days of a flaky task; the lanes downsample to the pixels at hand. */
export const HISTORY_LIMIT = 20_000;

function historyUrl(ref: TaskRef, from?: number): string {
  const params = new URLSearchParams(taskRefToSearch(ref));
  params.set('limit', String(HISTORY_LIMIT));
  if (from !== undefined) params.set('from', String(from));
  return `${historyPaths.history}?${params}`;
}

async function fetchHistory(ref: TaskRef, prev: HistoryResponse | undefined, signal: AbortSignal): Promise<HistoryResponse> {
  const from = incrementFrom(prev);
  if (prev === undefined || from === undefined) return getJson(historyUrl(ref), HistoryResponseSchema, signal);
  const next = await getJson(historyUrl(ref, from), HistoryResponseSchema, signal);
  // More new rows than one page holds: start over rather than leave a hole.
  if (next.truncated) return getJson(historyUrl(ref), HistoryResponseSchema, signal);
  return mergeHistory(prev, next, HISTORY_LIMIT);
}

/** The server's record of a task (GET /api/history); polled by the timeline while the task lives. */
export const historyQueries = {
  all: () => ['history'] as const,
  task: (ref: TaskRef) =>
    queryOptions({
      queryKey: [...historyQueries.all(), taskRefKey(ref)],
      queryFn: ({ client, signal }): Promise<HistoryResponse> => fetchHistory(ref, client.getQueryData(historyQueries.task(ref).queryKey), signal),
      retry: 1,
    }),
};
