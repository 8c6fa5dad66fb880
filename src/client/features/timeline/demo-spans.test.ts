import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemoHistoryResponse, DemoHistoryStep } from '../../../shared/demo-history-api.ts';
import { buildTimeline } from '../../../shared/timeline-lanes.ts';
import { obs, segmentAt, timelineInputArb } from '../../../shared/timeline-test-kit.ts';
import { demoLane, demoMarkers, demoUntil, onUnknown } from './demo-spans.ts';

const step = (at: number, status: number, push: number, extra: Partial<DemoHistoryStep> = {}): DemoHistoryStep =>
  ({ at, status, pushStreamState: push, stopReason: null, endTime: null, changed: [], payload: null, ...extra });

const demo = (steps: DemoHistoryStep[], now: number): Pick<DemoHistoryResponse, 'steps' | 'now'> => ({ steps, now });

describe('demoLane', () => {
  it('holds each step until the next, the last until now, merging equal neighbours per lane', () => {
    const d = demo([step(1_000, 1, 0), step(2_000, 2, 0), step(3_000, 2, 5), step(4_000, 2, 3), step(4_500, 2, 5)], 10_000);
    expect(demoLane(d, 'status')).toEqual([{ from: 1_000, to: 2_000, value: 1 }, { from: 2_000, to: 10_000, value: 2 }]);
    expect(demoLane(d, 'push')).toEqual([
      { from: 1_000, to: 3_000, value: 0 }, { from: 3_000, to: 4_000, value: 5 }, { from: 4_000, to: 4_500, value: 3 }, { from: 4_500, to: 10_000, value: 5 },
    ]);
  });

  it('ends at the EndTime of an ended task, not at now', () => {
    const d = demo([step(1_000, 2, 5), step(6_000, 3, 6, { endTime: 6_000, stopReason: 'StopByAPI' })], 10_000);
    expect(demoUntil(d)).toBe(6_000);
    expect(demoLane(d, 'status')).toEqual([{ from: 1_000, to: 6_000, value: 2 }]);
  });
});

describe('onUnknown', () => {
  it('keeps only what falls on unknown time: the observed state wins', () => {
    const timeline = buildTimeline({ observations: [obs({ observedAt: 5_000, confirmedUntil: 7_000, kind: 'change', status: 2 })], startTime: 1_000, now: 9_000 });
    const spans = demoLane(demo([step(1_000, 1, 0), step(2_000, 2, 5)], 9_000), 'status');
    expect(onUnknown(spans, timeline.lanes.status)).toEqual([
      { from: 1_000, to: 2_000, value: 1 }, { from: 2_000, to: 5_000, value: 2 }, { from: 7_000, to: 9_000, value: 2 },
    ]);
  });

  const stepsArb = fc.array(fc.record({ gap: fc.integer({ min: 1, max: 900 }), status: fc.constantFrom(1, 2, 3), push: fc.constantFrom(0, 3, 5) }), { minLength: 1, maxLength: 20 });

  it('at every moment shows the demo value exactly where the observed lane is unknown and the past is known', () => {
    fc.assert(fc.property(timelineInputArb, stepsArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (input, raw, picks) => {
      const timeline = buildTimeline(input);
      let t = timeline.life.from;
      const steps = raw.map((r, i) => step(i === 0 ? t : (t += r.gap), r.status, r.push));
      const past = demo(steps, timeline.life.to);
      for (const lane of ['status', 'push'] as const) {
        const all = demoLane(past, lane);
        const shown = onUnknown(all, timeline.lanes[lane]);
        shown.forEach((s, i) => {
          expect(s.to).toBeGreaterThan(s.from);
          const prev = shown[i - 1];
          if (prev) expect(s.from).toBeGreaterThanOrEqual(prev.to);
        });
        for (const p of picks) {
          const at = timeline.life.from + p * (timeline.life.to - timeline.life.from);
          const observed = segmentAt(timeline.lanes[lane], at);
          const truth = segmentAt(all, at);
          const expected = observed?.kind === 'unknown' && truth !== undefined ? truth.value : undefined;
          expect(segmentAt(shown, at)?.value).toBe(expected);
        }
      }
    }));
  });
});

describe('demoMarkers', () => {
  const past = demo([
    step(1_000, 1, 0, { payload: { v: 1 } }), step(2_000, 2, 5), step(5_000, 2, 5, { payload: { v: 2 }, changed: ['layout'] }), step(8_000, 2, 5, { payload: { v: 3 }, changed: ['encode'] }),
  ], 9_000);

  it('gives the first configuration and each change, with the one before, marked demo, ids apart from observations', () => {
    const markers = demoMarkers(past, undefined);
    expect(markers.map((m) => [m.at, m.initial, m.fields, m.payload, m.previousPayload, m.demo])).toEqual([
      [1_000, true, [], { v: 1 }, null, true], [5_000, false, ['layout'], { v: 2 }, { v: 1 }, true], [8_000, false, ['encode'], { v: 3 }, { v: 2 }, true],
    ]);
    expect(markers.every((m) => m.id < 0)).toBe(true);
    expect(new Set(markers.map((m) => m.id)).size).toBe(3);
  });

  it('stops where mixscope observed the first configuration itself', () => {
    expect(demoMarkers(past, 5_000).map((m) => m.at)).toEqual([1_000]);
    expect(demoMarkers(past, 1_000)).toEqual([]);
  });
});
