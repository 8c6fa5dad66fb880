import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  historyPaths, UnwatchResponseSchema, WatchListResponseSchema, WatchResponseSchema,
} from '../../shared/history-api.ts';
import type { TaskRef } from '../../shared/task-ref.ts';
import { getJson, requestJson } from './api-client.ts';

/** The shared watch list: read, add, remove. Every change refreshes the list and the histories. */
export const watchQueries = {
  all: () => ['watch'] as const,
  list: () =>
    queryOptions({
      queryKey: [...watchQueries.all(), 'list'],
      queryFn: ({ signal }) => getJson(historyPaths.watch, WatchListResponseSchema, signal),
      retry: 1,
    }),
};

export function addWatch(ref: TaskRef, label?: string) {
  const body = { ...ref, ...(label ? { label } : {}) };
  return requestJson(historyPaths.watch, WatchResponseSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function removeWatch(key: string) {
  return requestJson(`${historyPaths.watch}?${new URLSearchParams({ key })}`, UnwatchResponseSchema, { method: 'DELETE' });
}

function useRefreshAfter() {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: watchQueries.all() }),
    // The task page's history says whether the task is watched (timeline-queries: ['history', key]).
    client.invalidateQueries({ queryKey: ['history'] }),
  ]);
}

export function useWatchTask() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ ref, label }: { ref: TaskRef; label?: string | undefined }) => addWatch(ref, label),
    onSettled: refresh,
  });
}

export function useUnwatchTask() {
  const refresh = useRefreshAfter();
  return useMutation({ mutationFn: (key: string) => removeWatch(key), onSettled: refresh });
}
