import { describe, expect, it } from 'vitest';
import type { HistoryResponse, Observation } from '../../../shared/history-api.ts';
import { obs } from '../../../shared/timeline-test-kit.ts';
import { incrementFrom, mergeHistory } from './history-merge.ts';

const page = (observations: Observation[], extra: Partial<HistoryResponse> = {}): HistoryResponse => ({
  key: 'k', ref: { appId: 'a', roomId: 'r', taskId: 't', version: '2020-12-01' }, now: 0, watched: null,
  observations, baseline: null, truncated: false, ...extra,
});

describe('mergeHistory', () => {
  const a = obs({ id: 1, kind: 'change', observedAt: 100, confirmedUntil: 200 });
  const b = obs({ id: 2, kind: 'confirm', observedAt: 300, confirmedUntil: 400 });

  it('replaces a row that was extended and appends new rows, in time order', () => {
    const bExtended = { ...b, confirmedUntil: 900 };
    const c = obs({ id: 3, kind: 'change', observedAt: 950, confirmedUntil: 990 });
    const merged = mergeHistory(page([a, b]), page([bExtended, c], { now: 1_000 }), 100);
    expect(merged.observations).toEqual([a, bExtended, c]);
    expect(merged.now).toBe(1_000);
    expect(incrementFrom(merged)).toBe(950);
  });

  it('keeps at most the limit, moving the baseline to the newest dropped change', () => {
    const c = obs({ id: 3, kind: 'confirm', observedAt: 500 });
    const merged = mergeHistory(page([a, b]), page([c]), 2);
    expect(merged.observations).toEqual([b, c]);
    expect(merged.baseline).toEqual(a);
    expect(merged.truncated).toBe(true);
  });

  it('needs a full read when nothing is held yet', () => {
    expect(incrementFrom(undefined)).toBeUndefined();
    expect(incrementFrom(page([]))).toBeUndefined();
  });
});
