import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/manual-clock.ts';
import { createGovernor, MAX_QPS } from './governor.ts';
import { governorKit, refOf, upstreamError } from './governor-test-kit.ts';

/** The governor's own limits: Volcengine's 60 QPS ceiling and the time a flight may spend on retries. */

describe('governor: the 60-QPS ceiling', () => {
  const make = (qps: number) => () => createGovernor({ clock: createManualClock(0), qps, cacheMs: 0, upstream: { getTask: () => new Promise(() => {}) } });

  it('takes every whole number from 1 up to and including Volcengine\'s documented 60', () => {
    expect(MAX_QPS).toBe(60);
    expect(make(1)).not.toThrow();
    expect(make(60)).not.toThrow();
  });

  it('refuses 61, 0 and fractions, naming the allowed range', () => {
    expect(make(61)).toThrow('qps must be a whole number from 1 to 60, got 61');
    expect(make(0)).toThrow(RangeError);
    expect(make(12.5)).toThrow(RangeError);
  });
});

describe('governor: retry time budget', () => {
  // Every call fails with a 5xx after 50 ms. With random 0.5 the first backoff is 150 ms (the
  // second call starts at 200) and the second is 300 ms: the third call would start 550 ms in.
  const failing = (budgetMs: number) => governorKit(() => upstreamError('InternalError', 500), { cacheMs: 0, retry: { budgetMs } });

  it('makes a retry that starts exactly at the end of the budget', async () => {
    const { clock, governor, calls } = failing(550);
    const started = clock.now();
    const answer = governor.get(refOf('t'), { priority: 'interactive' });
    await clock.advance(2_000);
    await answer;
    expect(calls.map((c) => c.at - started)).toEqual([0, 200, 550]);
  });

  it('skips a retry that would start after the budget and answers with the last failure at once', async () => {
    const { clock, governor, calls } = failing(549);
    const started = clock.now();
    const answer = governor.get(refOf('t'), { priority: 'interactive' });
    await clock.advance(2_000);
    const result = await answer;
    expect(calls.map((c) => c.at - started)).toEqual([0, 200]);
    expect(result.outcome).toMatchObject({ kind: 'upstream-error', error: { code: 'InternalError' } });
  });
});
