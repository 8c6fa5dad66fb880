import * as fc from 'fast-check';
import type { ChangeField, Observation } from './history-api.ts';
import type { LaneId, Segment, TimelineInput } from './timeline-lanes.ts';

/** Observations as the history store writes them, for the timeline's example and property tests. */

let nextId = 1;

export function obs(partial: Partial<Observation> & Pick<Observation, 'observedAt'>): Observation {
  return {
    id: nextId++,
    kind: 'confirm',
    confirmedUntil: partial.observedAt,
    continuity: 'continuous',
    attempts: 1,
    status: 2,
    pushStreamState: 5,
    stopReason: null,
    startTime: null,
    endTime: null,
    fingerprints: null,
    changed: [],
    payload: null,
    requestId: null,
    error: null,
    ...partial,
  };
}

const rowArb = fc.record({
  gapBefore: fc.integer({ min: 0, max: 600 }),
  length: fc.integer({ min: 0, max: 900 }),
  kind: fc.constantFrom<Observation['kind']>('change', 'confirm', 'gap'),
  resumed: fc.boolean(),
  status: fc.constantFrom(1, 2, 2, 3, null),
  push: fc.constantFrom(0, 1, 3, 3, 5, 5, null),
  config: fc.subarray<ChangeField>(['layout', 'encode', 'status'], { maxLength: 2 }),
});

/** A task's rows in time order, never overlapping, with a life around (or cutting into) them. */
export const timelineInputArb: fc.Arbitrary<TimelineInput> = fc
  .record({
    rows: fc.array(rowArb, { maxLength: 40 }),
    origin: fc.integer({ min: 1_000_000, max: 2_000_000 }),
    startBefore: fc.option(fc.integer({ min: -300, max: 800 }), { nil: undefined }),
    tail: fc.integer({ min: 0, max: 2_000 }),
    ended: fc.boolean(),
  })
  .map(({ rows, origin, startBefore, tail, ended }) => {
    let t = origin;
    const observations = rows.map((r, i) => {
      const observedAt = t + r.gapBefore;
      t = observedAt + r.length;
      const gap = r.kind === 'gap';
      return obs({
        id: i + 1,
        kind: i === 0 && !gap ? 'change' : r.kind,
        observedAt,
        confirmedUntil: t,
        continuity: i === 0 ? 'first' : r.resumed ? 'resumed' : 'continuous',
        status: gap ? null : r.status,
        pushStreamState: gap ? null : r.push,
        changed: r.kind === 'change' && i > 0 ? r.config : [],
        payload: r.kind === 'change' ? { i } : null,
        error: gap ? { kind: 'upstream', code: 'ServiceUnavailable', message: 'down' } : null,
      });
    });
    const end = t + tail;
    return {
      observations,
      startTime: startBefore === undefined ? undefined : origin - startBefore,
      endTime: ended ? end : undefined,
      now: ended ? end + 5_000 : end,
    };
  });

export type Truth = { kind: 'state'; value: number | null } | { kind: 'unknown' };

/** What the rows say about instant t, straight from the rules, with no segment building. */
export function truthAt(rows: readonly Observation[], lane: LaneId, t: number): Truth {
  const value = (o: Observation) => (lane === 'status' ? o.status : o.pushStreamState);
  const inside = rows.find((r) => r.observedAt <= t && t < r.confirmedUntil);
  if (inside) return inside.kind === 'gap' ? { kind: 'unknown' } : { kind: 'state', value: value(inside) };
  const prev = rows.filter((r) => r.confirmedUntil <= t).at(-1);
  const next = rows.find((r) => r.observedAt > t);
  if (!prev || !next || next.continuity !== 'continuous' || prev.kind === 'gap' || next.kind === 'gap') return { kind: 'unknown' };
  return value(prev) === value(next) ? { kind: 'state', value: value(prev) } : { kind: 'unknown' };
}

export function segmentAt<S extends { from: number; to: number }>(segments: readonly S[], t: number): S | undefined {
  return segments.find((s) => s.from <= t && t < s.to);
}

export const truthOf = (s: Segment): Truth => (s.kind === 'state' ? { kind: 'state', value: s.value } : { kind: 'unknown' });
