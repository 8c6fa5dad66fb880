import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WatchedRow } from './history-rows.ts';
import { mergeWatchedRows } from './merge-watched-rows.ts';

const time = fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: null });
const rowOf = fc.record({
  version: fc.constantFrom('2020-12-01', '2023-06-01', '2023-11-01'),
  added_at: fc.integer({ min: 0, max: 1e12 }),
  added_by: fc.constantFrom(null, 'callback', 'sweep', 'on call'),
  start_time: time,
  last_observed_at: time,
  last_attempt_at: time,
  last_status: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  last_push_state: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  next_poll_at: time,
  stopped: fc.boolean(),
}).map(({ stopped, ...r }): WatchedRow => ({
  ...r, task_key: `${r.version}|app|room|t|`, app_id: 'app', room_id: 'room', task_id: 't', user_id: null,
  ended_at: null, last_stop_reason: null, last_error_kind: null, last_error_code: null, last_error_message: null,
  consecutive_failures: 0, not_queryable_since: stopped ? 1 : null, not_queryable_reason: stopped ? 'window' : null, reported_at: null, report_applied_at: null,
}));

const known = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

describe('mergeWatchedRows', () => {
  it('keeps the first addition, the earliest start, the newest observed state and a version a person chose', () => {
    fc.assert(fc.property(fc.array(rowOf, { minLength: 1, maxLength: 6 }), (rows) => {
      const merged = mergeWatchedRows(rows);
      expect(merged.task_key).toBe('app|room|t|');
      expect(merged.added_at).toBe(Math.min(...rows.map((r) => r.added_at)));
      const starts = known(rows.map((r) => r.start_time));
      expect(merged.start_time).toBe(starts.length === 0 ? null : Math.min(...starts));
      const observed = known(rows.map((r) => r.last_observed_at));
      if (observed.length > 0) {
        expect(merged.last_observed_at).toBe(Math.max(...observed));
        const newest = rows.filter((r) => r.last_observed_at === merged.last_observed_at);
        expect(newest.some((r) => r.last_status === merged.last_status && r.last_push_state === merged.last_push_state)).toBe(true);
      }
      const chosen = rows.filter((r) => r.added_by === null || r.added_by === 'on call').map((r) => r.version);
      expect(chosen.length === 0 ? rows.map((r) => r.version) : chosen).toContain(merged.version);
      if (merged.not_queryable_since !== null) expect(merged.next_poll_at).toBeNull();
    }));
  });

  it('is the row itself, re-keyed, when there is only one', () => {
    fc.assert(fc.property(rowOf, (row) => {
      expect(mergeWatchedRows([row])).toEqual({ ...row, task_key: 'app|room|t|', next_poll_at: row.not_queryable_since === null ? row.next_poll_at : null });
    }));
  });
});
