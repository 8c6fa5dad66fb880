import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oldestDue } from './oldest-due.ts';

/** What the watcher did before: filter the whole map, sort it (stable), take the head. */
const bySorting = <K, V extends { at: number }>(due: Map<K, V>, now: number, limit: number, eligible: (k: K) => boolean) =>
  [...due].filter(([k, v]) => v.at <= now && eligible(k)).sort((a, b) => a[1].at - b[1].at).slice(0, Math.max(0, limit));

describe('oldestDue', () => {
  it('answers what sorting the whole map and taking the head answers, ties in the map order', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 60 }),
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: -1, max: 12 }),
      (entries, now, limit) => {
        const due = new Map(entries.map(([at, busy], i) => [`t${i}`, { at, busy }]));
        const eligible = (k: string) => due.get(k)?.busy !== true;
        expect(oldestDue(due, now, limit, eligible)).toEqual(bySorting(due, now, limit, eligible));
      },
    ));
  });

  it('leaves out what is not due yet and what is not eligible', () => {
    const due = new Map([['late', { at: 50 }], ['busy', { at: 1 }], ['a', { at: 9 }], ['b', { at: 3 }], ['c', { at: 3 }]]);
    expect(oldestDue(due, 10, 3, (k) => k !== 'busy').map(([k]) => k)).toEqual(['b', 'c', 'a']);
    expect(oldestDue(due, 10, 1, (k) => k !== 'busy').map(([k]) => k)).toEqual(['b']);
    expect(oldestDue(due, 10, 0, () => true)).toEqual([]);
  });
});
