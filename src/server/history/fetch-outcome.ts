import type { GapError } from '../../shared/history-api.ts';
import type { UpstreamError } from '../../shared/mixscope-api.ts';

/**
 * One answer (or non-answer) from GetPushMixedStreamToCDNTask as the store and the watcher see it.
 * Kept independent of the upstream client's own result type so either side can change; the
 * wiring converts with a few lines (see the watcher's upstream adapter).
 */
export type FetchOutcome =
  | { ok: true; requestId: string | undefined; task: unknown; fetchedAt: number }
  | { ok: false; kind: 'upstream'; error: UpstreamError }
  | { ok: false; kind: 'unreachable'; message: string; code?: string }
  | { ok: false; kind: 'bad-upstream-body'; message: string; httpStatus?: number };

export type FailedOutcome = Extract<FetchOutcome, { ok: false }>;

export function gapErrorOf(outcome: FailedOutcome): GapError {
  switch (outcome.kind) {
    case 'upstream':
      return { kind: 'upstream', code: outcome.error.code, message: outcome.error.message };
    case 'unreachable':
      return { kind: 'unreachable', code: outcome.code ?? 'unreachable', message: outcome.message };
    case 'bad-upstream-body':
      return {
        kind: 'bad-upstream-body',
        code: outcome.httpStatus === undefined ? 'bad-body' : `HTTP${outcome.httpStatus}`,
        message: outcome.message,
      };
  }
}

/** The RequestId of a failure, when Volcengine sent one: what to quote to its support. */
export function failureRequestId(outcome: FailedOutcome): string | undefined {
  return outcome.kind === 'upstream' ? outcome.error.requestId : undefined;
}

/**
 * Volcengine's answer for a task it does not know (any more): `InvalidParameter.ErrorActiveTaskNotFound`
 * per doc 70426. Matched on `TaskNotFound` so a renamed prefix still counts, while gateway codes
 * such as ServiceNotFound (a configuration fault, not a missing task) do not.
 */
export function isTaskNotFound(outcome: FetchOutcome): boolean {
  return !outcome.ok && outcome.kind === 'upstream' && /TaskNotFound/i.test(outcome.error.code);
}
