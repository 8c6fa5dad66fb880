import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline, changeMarkers, LANE_IDS, reconnectEpisodes, taskLife } from './timeline-lanes.ts';
import type { Segment } from './timeline-lanes.ts';
import { obs, segmentAt, timelineInputArb, truthAt, truthOf } from './timeline-test-kit.ts';

describe('buildTimeline, by example', () => {
  it('draws only the task life as unknown when the task is not watched', () => {
    const t = buildTimeline({ observations: [], startTime: 1_000, endTime: 9_000, now: 20_000 });
    expect(t.life).toEqual({ from: 1_000, to: 9_000, ended: true });
    expect(t.lanes.status).toEqual([{ kind: 'unknown', from: 1_000, to: 9_000, reason: 'not-watched', error: null }]);
    expect(t.observed).toBe(false);
    // Volcengine answers for 72 hours after the start.
    expect(t.queryLimitAt).toBe(1_000 + 72 * 3_600_000);
  });

  it('tells a reconnect, a failed poll and a silence apart', () => {
    const rows = [
      obs({ kind: 'change', continuity: 'first', observedAt: 2_000, confirmedUntil: 5_000, pushStreamState: 5 }),
      obs({ kind: 'change', observedAt: 5_200, confirmedUntil: 6_000, pushStreamState: 3, changed: ['pushStreamState'] }),
      obs({ kind: 'change', observedAt: 6_200, confirmedUntil: 7_000, pushStreamState: 5, changed: ['pushStreamState'] }),
      obs({ kind: 'gap', observedAt: 7_200, confirmedUntil: 7_600, status: null, pushStreamState: null, error: { kind: 'unreachable', code: 'timeout', message: 'slow' } }),
      obs({ kind: 'confirm', observedAt: 7_800, confirmedUntil: 8_000, pushStreamState: 5 }),
      obs({ kind: 'confirm', continuity: 'resumed', observedAt: 12_000, confirmedUntil: 13_000, pushStreamState: 5 }),
    ];
    const t = buildTimeline({ observations: rows, startTime: 1_000, now: 14_000 });
    const brief = t.lanes.push.map((s) => [s.from, s.to, s.kind === 'state' ? s.value : s.reason]);
    expect(brief).toEqual([
      [1_000, 2_000, 'before-watch'],
      [2_000, 5_000, 5],
      [5_000, 5_200, 'between-polls'],
      [5_200, 6_000, 3],
      [6_000, 6_200, 'between-polls'],
      [6_200, 7_000, 5],
      [7_000, 7_800, 'failed'],
      [7_800, 8_000, 5],
      [8_000, 12_000, 'silence'],
      [12_000, 13_000, 5],
      [13_000, 14_000, 'not-yet'],
    ]);
    // Status stayed 2 through the reconnect: one segment across the polls.
    expect(t.lanes.status.map((s) => [s.from, s.to])[1]).toEqual([2_000, 7_000]);
    expect(t.reconnects).toEqual([{ from: 5_200, to: 6_000, openStart: false, openEnd: false }]);
    const failed = t.lanes.push[6];
    expect(failed?.kind === 'unknown' && failed.error?.code).toBe('timeout');
  });

  it('keeps a reconnect seen by one answer only, as an instant', () => {
    const rows = [
      obs({ kind: 'change', continuity: 'first', observedAt: 1_000, confirmedUntil: 3_000 }),
      obs({ kind: 'change', observedAt: 5_000, confirmedUntil: 5_000, pushStreamState: 3, changed: ['pushStreamState'] }),
      obs({ kind: 'change', observedAt: 7_000, confirmedUntil: 9_000, changed: ['pushStreamState'] }),
    ];
    const t = buildTimeline({ observations: rows, startTime: 1_000, endTime: 9_000, now: 9_000 });
    expect(t.lanes.push.map((s) => [s.from, s.to, s.kind === 'state' ? s.value : s.reason])).toEqual([
      [1_000, 3_000, 5], [3_000, 5_000, 'between-polls'], [5_000, 5_000, 3], [5_000, 7_000, 'between-polls'], [7_000, 9_000, 5],
    ]);
    expect(t.reconnects).toEqual([{ from: 5_000, to: 5_000, openStart: false, openEnd: false }]);
  });

  it('clips rows from an earlier cycle and after the end to the task life', () => {
    const rows = [
      obs({ kind: 'change', continuity: 'first', observedAt: 0, confirmedUntil: 3_000 }),
      obs({ kind: 'change', observedAt: 3_100, confirmedUntil: 9_000, status: 3, pushStreamState: 6, changed: ['status'] }),
    ];
    const t = buildTimeline({ observations: rows, startTime: 1_000, endTime: 3_050, now: 9_000 });
    expect(t.lanes.status.map((s) => [s.from, s.to])).toEqual([[1_000, 3_000], [3_000, 3_050]]);
    expect(taskLife({ observations: rows, endTime: 3_050, now: 0 })).toEqual({ from: 0, to: 3_050, ended: true });
  });
});

describe('changeMarkers', () => {
  const life = { from: 0, to: 100_000, ended: false };
  it('marks the first configuration and each configuration change, with the one before', () => {
    const rows = [
      obs({ kind: 'change', continuity: 'first', observedAt: 1_000, payload: { v: 1 } }),
      obs({ kind: 'change', observedAt: 2_000, changed: ['pushStreamState'], payload: { v: 1, p: 3 } }),
      obs({ kind: 'change', observedAt: 3_000, confirmedUntil: 3_500, changed: ['layout', 'encode'], payload: { v: 2 } }),
      obs({ kind: 'confirm', observedAt: 4_000 }),
      obs({ kind: 'change', continuity: 'resumed', observedAt: 9_000, changed: ['control'], payload: { v: 3 } }),
    ];
    const m = changeMarkers(rows, null, life);
    expect(m.map((x) => [x.at, x.initial, x.fields, x.since, x.previousPayload])).toEqual([
      [1_000, true, [], null, null],
      [3_000, false, ['layout', 'encode'], 2_000, { v: 1 }],
      [9_000, false, ['control'], null, { v: 2 }],
    ]);
  });

  it('takes the configuration before the loaded page from the baseline', () => {
    const baseline = obs({ kind: 'change', observedAt: 10, payload: { v: 0 } });
    const rows = [obs({ kind: 'change', observedAt: 1_000, changed: ['streams'], payload: { v: 1 } })];
    expect(changeMarkers(rows, baseline, life)[0]).toMatchObject({ initial: false, previousPayload: { v: 0 } });
  });
});

const keyOf = (s: Segment) => (s.kind === 'state' ? `state ${s.value}` : `unknown ${s.reason}`);

describe('buildTimeline, properties', () => {
  it('covers the task life exactly, in order, with no overlap and no needless split', () => {
    fc.assert(fc.property(timelineInputArb, (input) => {
      const t = buildTimeline(input);
      for (const lane of LANE_IDS) {
        const segs = t.lanes[lane];
        if (t.life.to === t.life.from) {
          expect(segs).toEqual([]);
          continue;
        }
        expect(segs[0]?.from).toBe(t.life.from);
        expect(segs.at(-1)?.to).toBe(t.life.to);
        segs.forEach((s, i) => {
          // Only a state seen by a single answer is an instant.
          if (s.kind === 'unknown') expect(s.to).toBeGreaterThan(s.from);
          else expect(s.to).toBeGreaterThanOrEqual(s.from);
          const next = segs[i + 1];
          if (next) {
            expect(next.from).toBe(s.to);
            expect(keyOf(next)).not.toBe(keyOf(s));
          }
        });
      }
    }));
  });

  it('says exactly what the rows say at every instant: known where observed, unknown elsewhere', () => {
    fc.assert(fc.property(timelineInputArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }), (input, picks) => {
      const t = buildTimeline(input);
      const edges = input.observations.flatMap((r) => [r.observedAt, r.confirmedUntil, r.observedAt - 0.5, r.confirmedUntil - 0.5]);
      const instants = [...edges, ...picks.map((p) => t.life.from + p * (t.life.to - t.life.from))]
        .filter((x) => x >= t.life.from && x < t.life.to);
      for (const lane of LANE_IDS) {
        for (const at of instants) {
          const seg = segmentAt(t.lanes[lane], at);
          expect({ at, lane, is: seg && truthOf(seg) }).toEqual({ at, lane, is: truthAt(input.observations, lane, at) });
        }
      }
    }));
  });

  it('finds a reconnect episode for every reconnecting segment', () => {
    fc.assert(fc.property(timelineInputArb, (input) => {
      const t = buildTimeline(input);
      const spans = t.lanes.push.filter((s) => s.kind === 'state' && s.value === 3).map((s) => [s.from, s.to]);
      expect(reconnectEpisodes(t.lanes.push).map((e) => [e.from, e.to])).toEqual(spans);
    }));
  });
});

describe('timeline edges', () => {
  it('keeps change markers exactly at the start and at the end of the life, and drops those outside', () => {
    const rows = [
      obs({ kind: 'change', continuity: 'first', observedAt: 500, payload: { v: 0 } }),
      obs({ kind: 'change', observedAt: 1_000, changed: ['layout'], payload: { v: 1 } }),
      obs({ kind: 'change', observedAt: 5_000, changed: ['encode'], payload: { v: 2 } }),
      obs({ kind: 'change', observedAt: 5_001, changed: ['control'], payload: { v: 3 } }),
    ];
    const m = changeMarkers(rows, null, { from: 1_000, to: 5_000, ended: true });
    // The first configuration, seen before the life, still becomes the one before the first marker.
    expect(m.map((x) => [x.at, x.fields, x.previousPayload])).toEqual([[1_000, ['layout'], { v: 0 }], [5_000, ['encode'], { v: 1 }]]);
  });

  it('marks no initial configuration when a baseline exists, and skips changes of watched fields only', () => {
    const baseline = obs({ kind: 'change', observedAt: 10, payload: { v: 0 } });
    const rows = [
      obs({ kind: 'change', observedAt: 1_000, payload: { v: 1 } }),
      obs({ kind: 'change', observedAt: 2_000, changed: ['status'], payload: { v: 2 } }),
    ];
    expect(changeMarkers(rows, baseline, { from: 0, to: 10_000, ended: false })).toEqual([]);
  });

  it('ends a life that was given an end before its start at the start', () => {
    expect(taskLife({ observations: [], startTime: 5_000, endTime: 4_000, now: 9_000 })).toEqual({ from: 5_000, to: 5_000, ended: true });
    expect(taskLife({ observations: [], now: 9_000 })).toEqual({ from: 9_000, to: 9_000, ended: false });
  });

  it('counts an observation touching the life at either end as observed, and none outside', () => {
    const at = (observedAt: number, confirmedUntil: number) => buildTimeline({ observations: [obs({ observedAt, confirmedUntil })], startTime: 1_000, endTime: 2_000, now: 9_000 }).observed;
    expect(at(500, 1_000)).toBe(true);
    expect(at(2_000, 2_500)).toBe(true);
    expect(at(500, 999)).toBe(false);
    expect(at(2_001, 2_500)).toBe(false);
    expect(buildTimeline({ observations: [], now: 0 }).queryLimitAt).toBeUndefined();
  });

  it('drops a one-answer state that falls outside the life', () => {
    const rows = [obs({ kind: 'change', continuity: 'first', observedAt: 500, confirmedUntil: 500, pushStreamState: 3 })];
    const t = buildTimeline({ observations: rows, startTime: 1_000, endTime: 2_000, now: 9_000 });
    expect(t.lanes.push).toEqual([{ kind: 'unknown', from: 1_000, to: 2_000, reason: 'not-yet', error: null }]);
    expect(t.reconnects).toEqual([]);
  });

  it('calls a reconnect open at an edge of the lane or next to unknown time, closed next to a poll gap', () => {
    const push = (value: number, from: number, to: number): Segment => ({ kind: 'state', from, to, value });
    const gap = (reason: 'between-polls' | 'silence', from: number, to: number): Segment => ({ kind: 'unknown', from, to, reason, error: null });
    expect(reconnectEpisodes([push(3, 0, 10), gap('silence', 10, 20)])).toEqual([{ from: 0, to: 10, openStart: true, openEnd: true }]);
    expect(reconnectEpisodes([gap('between-polls', 0, 5), push(3, 5, 10), push(5, 10, 20)])).toEqual([{ from: 5, to: 10, openStart: false, openEnd: false }]);
  });
});

describe('timeline details pinned by surviving mutants', () => {
  it('says the time before the first loaded row is unknown because older rows were not loaded', () => {
    const rows = [obs({ kind: 'change', observedAt: 2_500, confirmedUntil: 3_000, changed: ['layout'], payload: { v: 1 } })];
    const baseline = obs({ kind: 'change', observedAt: 10, payload: { v: 0 } });
    const t = buildTimeline({ observations: rows, baseline, truncated: true, startTime: 1_000, now: 4_000 });
    expect(t.lanes.push[0]).toEqual({ kind: 'unknown', from: 1_000, to: 2_500, reason: 'truncated', error: null });
    expect(t.markers.map((m) => m.previousPayload)).toEqual([{ v: 0 }]);
  });

  it('keeps two different states apart even when one poll ends where the next begins', () => {
    const rows = [
      obs({ kind: 'change', continuity: 'first', observedAt: 1_000, confirmedUntil: 2_000, pushStreamState: 5 }),
      obs({ kind: 'change', observedAt: 2_000, confirmedUntil: 3_000, pushStreamState: 3, changed: ['pushStreamState'] }),
    ];
    const t = buildTimeline({ observations: rows, startTime: 1_000, endTime: 3_000, now: 3_000 });
    expect(t.lanes.push.map((s) => [s.from, s.to, s.kind === 'state' ? s.value : s.reason])).toEqual([[1_000, 2_000, 5], [2_000, 3_000, 3]]);
  });

  it('keeps a failed poll and the silence after it apart', () => {
    const rows = [
      obs({ kind: 'change', continuity: 'first', observedAt: 1_000, confirmedUntil: 1_000 }),
      obs({ kind: 'gap', observedAt: 2_000, confirmedUntil: 2_500, status: null, pushStreamState: null, error: { kind: 'unreachable', code: 'timeout', message: 'slow' } }),
      obs({ kind: 'confirm', continuity: 'resumed', observedAt: 9_000, confirmedUntil: 9_000 }),
    ];
    const t = buildTimeline({ observations: rows, startTime: 1_000, endTime: 9_000, now: 9_000 });
    expect(t.lanes.status.map((s) => [s.from, s.to, s.kind === 'state' ? s.value : s.reason])).toEqual([
      [1_000, 1_000, 2], [1_000, 2_500, 'failed'], [2_500, 9_000, 'silence'], [9_000, 9_000, 2],
    ]);
  });

  it('drops a one-answer state seen after the life ended', () => {
    const rows = [
      obs({ kind: 'change', continuity: 'first', observedAt: 1_000, confirmedUntil: 2_000 }),
      obs({ kind: 'change', observedAt: 2_500, confirmedUntil: 2_500, pushStreamState: 3, changed: ['pushStreamState'] }),
    ];
    const t = buildTimeline({ observations: rows, startTime: 1_000, endTime: 2_000, now: 9_000 });
    expect(t.lanes.push).toEqual([{ kind: 'state', from: 1_000, to: 2_000, value: 5 }]);
    expect(t.reconnects).toEqual([]);
  });

  it('tells the open start of a reconnect from its closed end', () => {
    const push = (value: number, from: number, to: number): Segment => ({ kind: 'state', from, to, value });
    const gap = (reason: 'between-polls' | 'silence', from: number, to: number): Segment => ({ kind: 'unknown', from, to, reason, error: null });
    expect(reconnectEpisodes([gap('silence', 0, 5), push(3, 5, 10), gap('between-polls', 10, 12), push(5, 12, 20)])).toEqual([{ from: 5, to: 10, openStart: true, openEnd: false }]);
  });

  it('marks configuration from change rows only, and only the first unchanged one as initial', () => {
    const life = { from: 0, to: 100_000, ended: false };
    const rows = [
      obs({ kind: 'gap', continuity: 'first', observedAt: 500, status: null, pushStreamState: null }),
      obs({ kind: 'change', observedAt: 1_000, payload: { v: 1 } }),
      obs({ kind: 'change', continuity: 'resumed', observedAt: 2_000, payload: { v: 1 } }),
      obs({ kind: 'change', observedAt: 3_000, changed: ['status'], payload: { v: 1 } }),
    ];
    expect(changeMarkers(rows, null, life).map((m) => [m.at, m.initial])).toEqual([[1_000, true]]);
    const statusFirst = [obs({ kind: 'change', continuity: 'first', observedAt: 1_000, changed: ['status'], payload: { v: 1 } })];
    expect(changeMarkers(statusFirst, null, life)).toEqual([]);
  });
});
