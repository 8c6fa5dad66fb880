import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FetchOutcome } from '../history/fetch-outcome.ts';
import type { WatchedTaskRecord } from '../history/history-rows.ts';
import { baseDelay, DEFAULT_CADENCE, jittered, planAfterPoll, planBeforePoll } from './poll-plan.ts';

const HOUR = 3_600_000;
const task = (over: Partial<WatchedTaskRecord> = {}): WatchedTaskRecord => ({
  key: 'k', ref: { appId: 'a', roomId: 'r', taskId: 't', version: '2020-12-01' }, label: null, addedAt: 0,
  startTime: 0, endedAt: null, lastObservedAt: 0, lastAttemptAt: 0, status: 2, pushStreamState: 5, stopReason: null,
  lastError: null, consecutiveFailures: 0, nextPollAt: 0, notQueryableSince: null, notQueryableReason: null, reportedAt: null, ...over,
});
const ok: FetchOutcome = { ok: true, requestId: 'r', task: {}, fetchedAt: 0 };
const plan = (t: WatchedTaskRecord, outcome: FetchOutcome = ok, newlyEnded = false, now = 1_000) =>
  planAfterPoll({ task: t, outcome, newlyEnded, now, random: () => 0.5, policy: DEFAULT_CADENCE });

describe('baseDelay', () => {
  it.each([
    [1, 0, 2_000], [2, 0, 2_000], [2, 1, 2_000], [2, 2, 2_000], [2, 3, 2_000], [2, 4, 2_000],
    [2, 5, 15_000], [2, 6, 15_000], [null, null, 2_000],
  ])('Status %s, PushStreamState %s: %i ms', (status, pushStreamState, ms) => {
    expect(baseDelay({ status, pushStreamState }, DEFAULT_CADENCE)).toBe(ms);
  });
});

describe('jittered', () => {
  it('stays within ±20 % of the delay', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (r) => {
      const ms = jittered(15_000, () => r, 0.2);
      expect(ms).toBeGreaterThanOrEqual(12_000);
      expect(ms).toBeLessThanOrEqual(18_000);
    }));
  });
});

describe('planAfterPoll', () => {
  it('polls steady tasks slowly and starting ones fast', () => {
    expect(plan(task())).toEqual({ kind: 'poll', at: 16_000 });
    expect(plan(task({ pushStreamState: 3 }))).toEqual({ kind: 'poll', at: 3_000 });
  });

  it('allows one fetch after the end, then stops', () => {
    expect(plan(task({ endedAt: 900, status: 3 }), ok, true)).toEqual({ kind: 'poll', at: 6_000 });
    expect(plan(task({ endedAt: 900, status: 3 }), ok, false)).toEqual({ kind: 'stop' });
  });

  it('backs off exponentially on failures, up to the cap', () => {
    const fail: FetchOutcome = { ok: false, kind: 'unreachable', message: 'timeout' };
    expect(plan(task({ consecutiveFailures: 1 }), fail)).toEqual({ kind: 'poll', at: 31_000 });
    expect(plan(task({ consecutiveFailures: 2 }), fail)).toEqual({ kind: 'poll', at: 61_000 });
    expect(plan(task({ consecutiveFailures: 9 }), fail)).toEqual({ kind: 'poll', at: 121_000 });
  });

  it('treats "task not found" as the end of queryability only once the task was seen', () => {
    const notFound: FetchOutcome = {
      ok: false, kind: 'upstream',
      error: { code: 'InvalidParameter.ErrorActiveTaskNotFound', message: 'gone', httpStatus: 400 },
    };
    expect(plan(task({ consecutiveFailures: 1 }), notFound)).toEqual({ kind: 'not-queryable', reason: 'not-found' });
    expect(plan(task({ consecutiveFailures: 1, lastObservedAt: null, status: null, pushStreamState: null, startTime: null }), notFound))
      .toEqual({ kind: 'poll', at: 5_000 });
  });

  it('stops at the 72-hour window', () => {
    expect(plan(task({ startTime: 0 }), ok, false, 72 * HOUR + 1)).toEqual({ kind: 'not-queryable', reason: 'window' });
  });
});

describe('planBeforePoll', () => {
  it('spends no budget on a task past the window, or one never seen for 72 hours', () => {
    expect(planBeforePoll(task({ startTime: 0 }), 72 * HOUR + 1, DEFAULT_CADENCE)).toEqual({ kind: 'not-queryable', reason: 'window' });
    expect(planBeforePoll(task({ startTime: null, lastObservedAt: null, addedAt: 0 }), 72 * HOUR + 1, DEFAULT_CADENCE))
      .toEqual({ kind: 'not-queryable', reason: 'window' });
    expect(planBeforePoll(task({ startTime: 0 }), 72 * HOUR, DEFAULT_CADENCE)).toBeUndefined();
    expect(planBeforePoll(task({ nextPollAt: null }), 0, DEFAULT_CADENCE)).toEqual({ kind: 'stop' });
  });
});
