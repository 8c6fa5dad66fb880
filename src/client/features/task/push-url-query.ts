import { PushUrlResponseSchema, pushUrlApiPath } from '../../../shared/push-url-api.ts';
import type { TaskRef } from '../../../shared/task-ref.ts';
import { getJson } from '../../lib/api-client.ts';

/**
 * The task's full PushURL, asked of the server on purpose (Reveal, an export with the key
 * included): every other answer carries it masked. Never cached by the page either.
 */
export async function fetchFullPushUrl(ref: TaskRef, signal?: AbortSignal): Promise<string | null> {
  return (await getJson(pushUrlApiPath(ref), PushUrlResponseSchema, signal)).pushUrl;
}
