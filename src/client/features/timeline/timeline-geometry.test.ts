import { describe, expect, it } from 'vitest';
import { indexAt, moveActive, rowAt, ROW_Y } from './timeline-geometry.ts';

const rows = {
  status: [{ from: 0, to: 100 }],
  push: [{ from: 0, to: 40 }, { from: 40, to: 60 }, { from: 60, to: 100 }],
  markers: [{ from: 10, to: 10 }, { from: 70, to: 70 }],
};

describe('rowAt and indexAt', () => {
  it('finds the row under a point and the item at a time', () => {
    expect(rowAt(ROW_Y.push + 5)).toBe('push');
    expect(rowAt(2)).toBeUndefined();
    expect(indexAt(rows.push, 50)).toBe(1);
    expect(indexAt(rows.markers, 72)).toBeUndefined();
    expect(indexAt(rows.markers, 72, 5)).toBe(1);
  });
});

describe('moveActive', () => {
  it('walks along a row and stops at its ends', () => {
    expect(moveActive({ row: 'push', index: 1 }, 'right', rows)).toEqual({ row: 'push', index: 2 });
    expect(moveActive({ row: 'push', index: 2 }, 'right', rows)).toEqual({ row: 'push', index: 2 });
    expect(moveActive({ row: 'push', index: 0 }, 'left', rows)).toEqual({ row: 'push', index: 0 });
    expect(moveActive({ row: 'push', index: 1 }, 'end', rows)).toEqual({ row: 'push', index: 2 });
  });

  it('changes row to the item at the same time', () => {
    expect(moveActive({ row: 'push', index: 2 }, 'down', rows)).toEqual({ row: 'markers', index: 1 });
    expect(moveActive({ row: 'push', index: 2 }, 'up', rows)).toEqual({ row: 'status', index: 0 });
  });

  it('starts from the first status span', () => {
    expect(moveActive(null, 'right', rows)).toEqual({ row: 'status', index: 0 });
  });
});

describe('indexAt with instants', () => {
  it('prefers a one-answer instant near the pointer over the span around it', () => {
    const items = [{ from: 0, to: 50 }, { from: 50, to: 50 }, { from: 50, to: 100 }];
    expect(indexAt(items, 51, 0, 2)).toBe(1);
    expect(indexAt(items, 60, 0, 2)).toBe(2);
  });
});
