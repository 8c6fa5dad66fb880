import { queryOptions } from '@tanstack/react-query';
import { OUTPUT_FAILURE_REASONS, outputApiPath, OutputResponseSchema, type OutputFailureReason } from '../../../../shared/output-api.ts';
import { taskRefKey, taskRefToSearch, type TaskRef } from '../../../../shared/task-ref.ts';
import { ApiRequestError, getJson } from '../../../lib/api-client.ts';

/**
 * GET /api/task/output: asked only when someone presses "Compare" (the server pulls the output
 * for it), never retried by itself (a second pull is the person's choice), kept until asked again.
 */
export const outputQuery = (ref: TaskRef, pullUrl?: string) =>
  queryOptions({
    queryKey: ['task-output', taskRefKey(ref), pullUrl ?? ''],
    queryFn: ({ signal }) => getJson(`${outputApiPath}?${outputSearch(ref, pullUrl)}`, OutputResponseSchema, signal),
    enabled: false,
    retry: false,
    staleTime: Infinity,
  });

/** Where the player reads the output: the server relays it (the browser never fetches the CDN). */
export const outputStreamPath = (ref: TaskRef, pullUrl?: string) => `${outputApiPath}/stream?${outputSearch(ref, pullUrl)}`;

/** The task, and the pull URL a person typed (the server checks its host); none means the server's rule. */
const outputSearch = (ref: TaskRef, pullUrl?: string) =>
  pullUrl === undefined ? taskRefToSearch(ref) : `${taskRefToSearch(ref)}&pullUrl=${encodeURIComponent(pullUrl)}`;

/** A typed pull URL as the server may be asked for it: empty is "use the rule", anything but http(s) is refused here. */
export function typedPullUrl(text: string): { ok: true; url: string | undefined } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, url: undefined };
  if (!URL.canParse(trimmed)) return { ok: false };
  const url = new URL(trimmed);
  return url.protocol === 'http:' || url.protocol === 'https:' ? { ok: true, url: trimmed } : { ok: false };
}

const isReason = (v: unknown): v is OutputFailureReason => (OUTPUT_FAILURE_REASONS as readonly unknown[]).includes(v);

/** Why the output could not be read, when the server said; undefined for any other failure. */
export function outputFailureReason(error: unknown): OutputFailureReason | undefined {
  const reason = error instanceof ApiRequestError ? error.detail?.output?.reason : undefined;
  return isReason(reason) ? reason : undefined;
}
