import { describe, expect, it } from 'vitest';
import type { DrawSegment } from '../../../shared/timeline-downsample.ts';
import { describeEnum, PUSH_STREAM_STATE } from '../../../shared/volc-enums.ts';
import { paintLane } from './lane-paint.ts';

const geometry = { x: (t: number) => t, y: 10, h: 30 };
const describe_ = (v: number | null) => describeEnum(PUSH_STREAM_STATE, v ?? undefined);

describe('paintLane', () => {
  const segs: DrawSegment[] = [
    { kind: 'state', from: 0, to: 200, value: 5 },
    { kind: 'state', from: 200, to: 202, value: 3 },
    { kind: 'unknown', from: 202, to: 203, reason: 'between-polls', error: null },
    { kind: 'mixed', from: 203, to: 205, values: [5, 3], time: [1, 1], unknown: false, count: 4 },
    { kind: 'state', from: 205, to: 220, value: 3 },
  ];
  const { wide, batches } = paintLane(segs, geometry, describe_, 'unknown');

  it('gives wide spans an element of their own, with glyph and words when they fit', () => {
    expect(wide.map((s) => [s.attrs['data-value'], s.text, s.striped])).toEqual([['5', '● Pushing', false], ['3', '', true]]);
  });

  it('batches narrow spans into one path per fill, the dense one with its stacked bar', () => {
    expect(batches.map((b) => b.fill)).toEqual(['fill-amber-300 dark:fill-amber-700', 'stripes', 'hatch', 'fill-sky-200 dark:fill-sky-800']);
    expect(batches[0]?.d.match(/M/g)).toHaveLength(2); // the reconnect and the dense span's bar
    expect(batches[1]?.d.match(/M/g)).toHaveLength(2); // both striped too: not colour alone
  });

  it('draws an instant 2 px wide around its moment', () => {
    const { batches: b } = paintLane([{ kind: 'state', from: 50, to: 50, value: 3 }], geometry, describe_, 'unknown');
    expect(b[0]?.d).toBe('M49.0,10h2.0v30h-2.0z');
  });
});
