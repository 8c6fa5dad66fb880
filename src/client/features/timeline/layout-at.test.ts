import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../shared/timeline-lanes.ts';
import { obs, timelineInputArb } from '../../../shared/timeline-test-kit.ts';
import { markerInForceAt } from './layout-at.ts';

describe('markerInForceAt', () => {
  it('is the last change seen at or before the moment, by a plain scan', () => {
    fc.assert(fc.property(timelineInputArb, fc.double({ min: -0.1, max: 1.1, noNaN: true }), (input, p) => {
      const { markers, life } = buildTimeline(input);
      const at = life.from + p * (life.to - life.from);
      const expected = markers.filter((m) => m.at <= at).at(-1);
      expect(markerInForceAt(markers, at)).toBe(expected);
    }));
  });

  it('is the change itself at its own moment, and nothing before the first', () => {
    const { markers } = buildTimeline({ observations: [obs({ kind: 'change', observedAt: 100, confirmedUntil: 200, payload: {} })], startTime: 50, now: 300 });
    expect(markers).toHaveLength(1);
    expect(markerInForceAt(markers, 100)).toBe(markers[0]);
    expect(markerInForceAt(markers, 99)).toBeUndefined();
  });
});
