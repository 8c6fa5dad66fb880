import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../shared/timeline-lanes.ts';
import { segmentAt, timelineInputArb } from '../../../shared/timeline-test-kit.ts';
import { impliedRun, inferredSpans, type TaskTimes } from './inferred-spans.ts';

const statusArb = fc.constantFrom<number | undefined>(1, 2, 3, 4, undefined);

describe('inferredSpans', () => {
  it('fills the whole life of a task nobody watched from its StartTime to its EndTime', () => {
    const timeline = buildTimeline({ observations: [], startTime: 1_000, endTime: 9_000, now: 20_000 });
    expect(inferredSpans(timeline.lanes.status, { startTime: 1_000, endTime: 9_000, status: 3, now: 20_000 })).toEqual([{ from: 1_000, to: 9_000, value: 2 }]);
  });

  it('infers nothing without a StartTime, nor up to now for a task that does not say it is running', () => {
    const timeline = buildTimeline({ observations: [], startTime: 1_000, now: 20_000 });
    expect(inferredSpans(timeline.lanes.status, { startTime: undefined, endTime: 9_000, status: 3, now: 20_000 })).toEqual([]);
    expect(inferredSpans(timeline.lanes.status, { startTime: 1_000, endTime: undefined, status: 1, now: 20_000 })).toEqual([]);
    expect(inferredSpans(timeline.lanes.status, { startTime: 1_000, endTime: undefined, status: 2, now: 20_000 })).toEqual([{ from: 1_000, to: 20_000, value: 2 }]);
  });

  it('covers exactly the unknown Status time inside the implied run, in order, never an observed state', () => {
    fc.assert(fc.property(timelineInputArb, statusArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (input, status, picks) => {
      const timeline = buildTimeline(input);
      const times: TaskTimes = { startTime: input.startTime, endTime: input.endTime, status, now: input.now };
      const spans = inferredSpans(timeline.lanes.status, times);
      const run = impliedRun(times);
      spans.forEach((s, i) => {
        expect(s.to).toBeGreaterThan(s.from);
        const prev = spans[i - 1];
        if (prev) expect(s.from).toBeGreaterThan(prev.to); // sorted, apart, neighbours merged
      });
      const { from, to } = timeline.life;
      for (const p of picks) {
        const t = from + p * (to - from);
        const inferred = spans.some((s) => s.from <= t && t < s.to);
        const lane = segmentAt(timeline.lanes.status, t);
        const expected = run !== undefined && run.from <= t && t < run.to && lane?.kind === 'unknown' && lane.from <= t && t < lane.to;
        expect(inferred).toBe(expected);
      }
    }));
  });
});
