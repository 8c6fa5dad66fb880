import { useState } from 'react';

/** The failure the task page shows: the last one, until an answer replaces it. */
export interface ShownFailure {
  error: Error;
  /** How many tries in a row failed in this round of asking (1 for the first). */
  attempt: number;
  /** The query's dataUpdatedAt when it failed: a later answer ends the failure. */
  dataUpdatedAt: number;
}

/** What the query says right now (react-query's result, in its own names). */
export interface FailureObservation {
  error: Error | null;
  failureReason: Error | null;
  failureCount: number;
  dataUpdatedAt: number;
}

/**
 * The failure to show after `observed`, given the one shown before. Pure. react-query forgets a
 * failure when it asks again (a retry round, Refresh, Try again); the page must not: the error
 * stays, with its attempt, until an answer comes.
 */
export function followFailure(shown: ShownFailure | undefined, observed: FailureObservation): ShownFailure | undefined {
  const current = observed.failureReason ?? observed.error;
  if (current) {
    const attempt = Math.max(1, observed.failureCount);
    if (shown?.error === current && shown.attempt === attempt) return shown;
    // The error a finished round left behind, seen again while a new round asks: keep its attempt.
    if (shown?.error === current && observed.failureReason === null) return shown;
    return { error: current, attempt, dataUpdatedAt: observed.dataUpdatedAt };
  }
  if (shown && observed.dataUpdatedAt > shown.dataUpdatedAt) return undefined;
  return shown;
}

/** followFailure kept across renders, for one task (`key`): another task starts with none. */
export function useShownFailure(key: string, observed: FailureObservation): ShownFailure | undefined {
  const [kept, setKept] = useState<{ key: string; failure: ShownFailure | undefined }>({ key, failure: undefined });
  const failure = followFailure(kept.key === key ? kept.failure : undefined, observed);
  // Adjusting state while rendering (React's pattern for state derived from props): no frame
  // ever shows the failure forgotten.
  if (kept.key !== key || kept.failure !== failure) setKept({ key, failure });
  return failure;
}
