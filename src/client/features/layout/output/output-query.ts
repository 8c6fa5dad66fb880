import { queryOptions } from '@tanstack/react-query';
import { OUTPUT_FAILURE_REASONS, outputApiPath, OutputResponseSchema, type OutputFailureReason } from '../../../../shared/output-api.ts';
import { taskRefKey, taskRefToSearch, type TaskRef } from '../../../../shared/task-ref.ts';
import { ApiRequestError, getJson } from '../../../lib/api-client.ts';

/**
 * GET /api/task/output: asked only when someone presses "Compare" (the server pulls the output
 * for it), never retried by itself (a second pull is the person's choice), kept until asked again.
 */
export const outputQuery = (ref: TaskRef) =>
  queryOptions({
    queryKey: ['task-output', taskRefKey(ref)],
    queryFn: ({ signal }) => getJson(`${outputApiPath}?${taskRefToSearch(ref)}`, OutputResponseSchema, signal),
    enabled: false,
    retry: false,
    staleTime: Infinity,
  });

/** Where the player reads the output: the server relays it (the browser never fetches the CDN). */
export const outputStreamPath = (ref: TaskRef) => `${outputApiPath}/stream?${taskRefToSearch(ref)}`;

const isReason = (v: unknown): v is OutputFailureReason => (OUTPUT_FAILURE_REASONS as readonly unknown[]).includes(v);

/** Why the output could not be read, when the server said; undefined for any other failure. */
export function outputFailureReason(error: unknown): OutputFailureReason | undefined {
  const reason = error instanceof ApiRequestError ? error.detail?.output?.reason : undefined;
  return isReason(reason) ? reason : undefined;
}
