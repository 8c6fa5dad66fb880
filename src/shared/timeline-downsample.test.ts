import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterMarkers, downsample, sliceSegments, type DrawSegment } from './timeline-downsample.ts';
import { buildTimeline, LANE_IDS, type ChangeMarker, type Segment } from './timeline-lanes.ts';
import { obs, timelineInputArb } from './timeline-test-kit.ts';

const state = (from: number, to: number, value: number): Segment => ({ kind: 'state', from, to, value });
const unknown = (from: number, to: number): Segment => ({ kind: 'unknown', from, to, reason: 'silence', error: null });

/** What a drawn segment can stand for: `v3`, `unknown`. */
const keys = (s: DrawSegment): string[] =>
  s.kind === 'mixed' ? [...s.values.map((v) => `v${v}`), ...(s.unknown ? ['unknown'] : [])] : [s.kind === 'state' ? `v${s.value}` : 'unknown'];

describe('sliceSegments', () => {
  const segs = [state(0, 10, 1), unknown(10, 20), state(20, 30, 5)];
  it('keeps what meets the view, clipped to it', () => {
    expect(sliceSegments(segs, 5, 25)).toEqual([state(5, 10, 1), unknown(10, 20), state(20, 25, 5)]);
    expect(sliceSegments(segs, 10, 20)).toEqual([unknown(10, 20)]);
    expect(sliceSegments(segs, 30, 40)).toEqual([]);
  });
});

describe('downsample', () => {
  it('leaves long segments alone and folds a run of short ones into one that names them all', () => {
    const segs = [state(0, 100, 5), state(100, 101, 3), unknown(101, 102), state(102, 103, 5), state(103, 200, 3)];
    expect(downsample(segs, 10)).toEqual([
      state(0, 100, 5),
      { kind: 'mixed', from: 100, to: 103, values: [3, 5], time: [1, 1], unknown: true, count: 3 },
      state(103, 200, 3),
    ]);
  });

  it('keeps a lone short segment as it is', () => {
    const segs = [state(0, 100, 5), state(100, 101, 3), state(101, 200, 5)];
    expect(downsample(segs, 10)).toEqual(segs);
  });

  const laneArb = timelineInputArb.chain((input) =>
    fc.tuple(fc.constant(buildTimeline(input)), fc.constantFrom(...LANE_IDS), fc.integer({ min: 1, max: 3_000 })),
  );

  it('covers the same span, in order, without overlap', () => {
    fc.assert(fc.property(laneArb, ([t, lane, res]) => {
      const segs = t.lanes[lane];
      const out = downsample(segs, res);
      expect(out[0]?.from).toBe(segs[0]?.from);
      expect(out.at(-1)?.to).toBe(segs.at(-1)?.to);
      out.forEach((s, i) => {
        expect(s.to).toBeGreaterThanOrEqual(s.from);
        if (out[i + 1]) expect(out[i + 1]?.from).toBe(s.to);
      });
    }));
  });

  it('keeps every state change: each span is named by a drawn span that covers it', () => {
    fc.assert(fc.property(laneArb, ([t, lane, res]) => {
      const out = downsample(t.lanes[lane], res);
      // Neighbours always differ (the lanes merge equal ones), so naming each span keeps each change.
      for (const s of t.lanes[lane]) {
        const named = out.some((o) => o.from <= s.from && s.to <= o.to && keys(s).every((k) => keys(o).includes(k)));
        expect({ s, named }).toEqual({ s, named: true });
      }
    }));
  });

  it('draws about one segment per resolution step at most', () => {
    fc.assert(fc.property(laneArb, ([t, lane, res]) => {
      const segs = t.lanes[lane];
      const span = (segs.at(-1)?.to ?? 0) - (segs[0]?.from ?? 0);
      expect(downsample(segs, res).length).toBeLessThanOrEqual(3 * Math.ceil(span / res) + 1);
    }));
  });

  it('reduces 10,000 alternating observations to the pixels at hand', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      obs({ kind: 'change', observedAt: i * 1_000, confirmedUntil: i * 1_000 + 800, pushStreamState: i % 2 === 0 ? 5 : 3 }));
    const t = buildTimeline({ observations: rows, startTime: 0, now: 10_000_000 });
    const out = downsample(t.lanes.push, 10_000_000 / 1_200);
    expect(t.lanes.push.length).toBeGreaterThan(19_000);
    // The same mix all along: one drawn span says "pushing and reconnecting, 19,999 times",
    // with the share of each (then the unobserved tail).
    expect(out.length).toBeLessThanOrEqual(2);
    expect(out[0]).toMatchObject({ kind: 'mixed', from: 0, values: [5, 3], unknown: true });
    const first = out[0];
    if (first?.kind === 'mixed') expect(first.time.map((ms) => Math.round(ms / 100_000))).toEqual([40, 40]);
  });

  it('keeps mixed spans apart where the share of a state differs', () => {
    const storm = (from: number, reconnecting: number) => [state(from, from + 10 - reconnecting, 5), state(from + 10 - reconnecting, from + 10, 3)];
    const segs = [...storm(0, 1), ...storm(10, 1), ...storm(20, 9), ...storm(30, 9)];
    const out = downsample(segs, 10);
    expect(out.map((s) => (s.kind === 'mixed' ? [s.from, s.to, s.time] : s.kind))).toEqual([[0, 20, [18, 2]], [20, 40, [2, 18]]]);
  });
});

describe('clusterMarkers', () => {
  const marker = (id: number, at: number): ChangeMarker =>
    ({ id, at, since: null, initial: false, fields: ['layout'], payload: null, previousPayload: null });
  it('groups markers closer than the spacing and keeps every one', () => {
    const c = clusterMarkers([marker(1, 0), marker(2, 5), marker(3, 9), marker(4, 50)], 10);
    expect(c.map((x) => [x.from, x.to, x.markers.map((m) => m.id)])).toEqual([[0, 9, [1, 2, 3]], [50, 50, [4]]]);
  });
});
