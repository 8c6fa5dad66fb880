import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTENTION, attentionOf, type Attention, type WatchedTask } from '../../../shared/history-api.ts';
import { sortWatched, WATCH_SORTS } from './watch-sort.ts';

function task(key: string, attention: Attention, addedAt = 0, lastObservedAt: number | null = null, label: string | null = null): WatchedTask {
  return {
    key, attention, addedAt, lastObservedAt, label,
    ref: { appId: 'a', roomId: `room-${key}`, taskId: key, version: '2020-12-01' },
    status: null, pushStreamState: null, stopReason: null, startTime: null, endedAt: null, lastAttemptAt: null,
    lastError: null, consecutiveFailures: 0, nextPollAt: null, queryable: true, notQueryableReason: null,
    notQueryableSince: null, reconnects: 0,
  };
}

describe('sortWatched', () => {
  it('puts what needs attention first: failed, reconnecting, starting, unknown, running, ended', () => {
    const list = [task('e', 'ended'), task('r', 'running'), task('f', 'failed'), task('s', 'starting'), task('u', 'unknown'), task('c', 'reconnecting')];
    expect(sortWatched(list).map((t) => t.attention)).toEqual(['failed', 'reconnecting', 'starting', 'unknown', 'running', 'ended']);
  });

  it('shows the newest first within one state', () => {
    expect(sortWatched([task('a', 'running', 1), task('b', 'running', 3), task('c', 'running', 2)]).map((t) => t.key)).toEqual(['b', 'c', 'a']);
  });

  it('sorts by name, by last observation (never observed last) and by when added', () => {
    const list = [task('x', 'running', 2, null, 'Zeta'), task('y', 'failed', 1, 50, 'alpha'), task('z', 'ended', 3, 90)];
    expect(sortWatched(list, 'name').map((t) => t.key)).toEqual(['y', 'z', 'x']);
    expect(sortWatched(list, 'lastObserved').map((t) => t.key)).toEqual(['z', 'y', 'x']);
    expect(sortWatched(list, 'added').map((t) => t.key)).toEqual(['z', 'x', 'y']);
    expect(sortWatched(list, 'added', true).map((t) => t.key)).toEqual(['y', 'x', 'z']);
  });

  it('agrees with attentionOf for live states a task can be in', () => {
    const states = fc.record({ status: fc.constantFrom(0, 1, 2, 3, 4, null), push: fc.constantFrom(0, 1, 2, 3, 4, 5, 6, null), queryable: fc.boolean() });
    fc.assert(fc.property(fc.array(states, { maxLength: 12 }), (xs) => {
      const list = xs.map((x, i) => task(String(i), attentionOf({ status: x.status, pushStreamState: x.push, endedAt: null, queryable: x.queryable }), i));
      const ranks = sortWatched(list).map((t) => ATTENTION.indexOf(t.attention));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }));
  });

  it('is a permutation that never loses or repeats a task, in every order', () => {
    const arb = fc.array(fc.record({ a: fc.constantFrom(...ATTENTION), added: fc.integer(), seen: fc.option(fc.integer(), { nil: null }) }), { maxLength: 15 });
    fc.assert(fc.property(arb, fc.constantFrom(...WATCH_SORTS), fc.boolean(), (xs, by, rev) => {
      const list = xs.map((x, i) => task(`k${i}`, x.a, x.added, x.seen));
      expect(sortWatched(list, by, rev).map((t) => t.key).sort()).toEqual(list.map((t) => t.key).sort());
    }));
  });
});
