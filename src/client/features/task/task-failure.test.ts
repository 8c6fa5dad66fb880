import { describe, expect, it } from 'vitest';
import { followFailure, type FailureObservation, type ShownFailure } from './task-failure.ts';

const idle: FailureObservation = { error: null, failureReason: null, failureCount: 0, dataUpdatedAt: 0 };

/** Feeds observations in order, as react-query's renders bring them, and returns what each shows. */
function walk(...steps: Partial<FailureObservation>[]): (ShownFailure | undefined)[] {
  let shown: ShownFailure | undefined;
  return steps.map((step) => (shown = followFailure(shown, { ...idle, ...step })));
}

describe('followFailure', () => {
  const first = new Error('504 no answer');
  const second = new Error('504 no answer again');

  it('shows the first failure while the retry is still waiting, with its attempt', () => {
    const [asking, failed, again] = walk({}, { failureReason: first, failureCount: 1 }, { failureReason: second, failureCount: 2 });
    expect(asking).toBeUndefined();
    expect(failed).toMatchObject({ error: first, attempt: 1 });
    expect(again).toMatchObject({ error: second, attempt: 2 });
  });

  it('keeps the failure while the query asks again and has forgotten it (no blank "Asking…" between tries)', () => {
    const shown = walk(
      { error: first, failureReason: first, failureCount: 1 }, // a round that ended on a definitive error
      {}, // Try again: a new round starts, react-query clears error and reason
      { failureReason: second, failureCount: 1 },
      {}, // Refresh while retrying
    );
    expect(shown.map((s) => s?.error.message)).toEqual([first.message, first.message, second.message, second.message]);
  });

  it('keeps the last round\'s attempt while its error lingers beside a new round', () => {
    const [ended, lingering] = walk({ error: first, failureReason: first, failureCount: 3 }, { error: first, failureCount: 0 });
    expect(lingering).toBe(ended);
    expect(lingering?.attempt).toBe(3);
  });

  it('ends when an answer newer than the failure comes', () => {
    const shown = walk({ dataUpdatedAt: 10 }, { failureReason: first, failureCount: 1, dataUpdatedAt: 10 }, { dataUpdatedAt: 10 }, { dataUpdatedAt: 20 });
    expect(shown.map((s) => s?.attempt)).toEqual([undefined, 1, 1, undefined]);
  });
});
