import type { TaskRef } from '../../shared/task-ref.ts';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import type { UpstreamClient, UpstreamOutcome } from '../upstream-client.ts';

/** The upstream client's result in the history store's terms (the two evolve separately). */
export function toFetchOutcome(outcome: UpstreamOutcome): FetchOutcome {
  switch (outcome.kind) {
    case 'ok':
      return { ok: true, requestId: outcome.requestId, task: outcome.task, fetchedAt: outcome.fetchedAt };
    case 'upstream-error':
      return { ok: false, kind: 'upstream', error: outcome.error };
    case 'unreachable':
      return { ok: false, kind: 'unreachable', code: outcome.reason, message: outcome.message };
    case 'bad-body':
      return { ok: false, kind: 'bad-upstream-body', httpStatus: outcome.httpStatus, message: outcome.message };
  }
}

/** `getTask` for createWatcher from the server's UpstreamClient. */
export function watcherGetTask(upstream: UpstreamClient) {
  return async (ref: TaskRef, signal?: AbortSignal): Promise<FetchOutcome> => toFetchOutcome(await upstream.getTask(ref, signal));
}
