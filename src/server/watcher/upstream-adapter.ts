import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import type { HistoryStore } from '../history/history-store.ts';
import type { UpstreamClient, UpstreamOutcome } from '../upstream-client.ts';

/**
 * Whether an answer to `ref` belongs in a watched task's history: the task is watched, and under
 * the version asked. An answer under another version lays the Layout out in other units and would
 * read as a change at every alternation.
 */
export async function watchedAsAsked(store: Pick<HistoryStore, 'getWatched'>, ref: TaskRef): Promise<boolean> {
  return (await store.getWatched(taskIdentityKey(ref)))?.ref.version === ref.version;
}

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

/**
 * Wraps the client used by interactive queries so that their answers about *watched* tasks enter
 * the history too: more points on the timeline at no extra upstream cost. Unwatched tasks leave
 * no trace. A history failure never fails the person's query.
 */
export function recordingUpstream(
  upstream: UpstreamClient,
  store: Pick<HistoryStore, 'getWatched' | 'record'>,
  now: () => number,
  onError: (err: unknown) => void = () => {},
): UpstreamClient {
  return {
    async getTask(ref, signal) {
      const outcome = await upstream.getTask(ref, signal);
      // The browser went away: that says nothing about Volcengine.
      if (outcome.kind === 'unreachable' && outcome.reason === 'aborted') return outcome;
      try {
        if (await watchedAsAsked(store, ref)) await store.record(ref, toFetchOutcome(outcome), now());
      } catch (err) {
        onError(err);
      }
      return outcome;
    },
  };
}
