import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busiestWindow } from './busiest-window.ts';
import { stateAges, stateKey } from './state-ages.ts';

const change = (taskId: string, state: string, at: number, deliveredAt = at + 100) => ({ taskId, state, at, deliveredAt });

describe('stateAges', () => {
  it('measures each shown change from the simulator and from its delivery', () => {
    const ages = stateAges([change('a', '2/1', 1_000), change('a', '2/5', 2_000, 2_500)], new Map([['a|2/1', 1_300], ['a|2/5', 2_400]]));
    expect(ages.fromChange).toEqual([300, 400]);
    expect(ages.fromDelivery).toEqual([200, -100]);
    expect([ages.superseded, ages.lost]).toEqual([0, 0]);
  });

  it('tells a change merged into a later one from a change never shown', () => {
    const changes = [change('a', '2/2', 1_000), change('a', '2/4', 2_000), change('b', '2/2', 1_000), change('b', 'end', 3_000)];
    const ages = stateAges(changes, new Map([['a|2/4', 2_100]]));
    expect(ages).toMatchObject({ fromChange: [100], superseded: 1, lost: 2 });
  });

  it('accounts for every change exactly once', () => {
    const arb = fc.array(fc.record({ taskId: fc.constantFrom('a', 'b', 'c'), state: fc.constantFrom('2/0', '2/1', '2/5', 'end'), at: fc.nat(10_000) }));
    fc.assert(fc.property(arb, fc.array(fc.nat(11)), (raw, shownIdx) => {
      const changes = raw.map((c) => change(c.taskId, c.state, c.at));
      const shown = new Map(shownIdx.flatMap((i) => (changes[i] ? [[`${changes[i].taskId}|${changes[i].state}`, 20_000] as const] : [])));
      const ages = stateAges(changes, shown);
      expect(ages.fromChange.length + ages.superseded + ages.lost).toBe(changes.length);
    }));
  });
});

describe('stateKey', () => {
  it('names a stopped or failed task by its end, a running one by both numbers', () => {
    expect([stateKey(3, 6), stateKey(4, 0), stateKey(2, 5), stateKey(1, null)]).toEqual(['end', 'end', '2/5', '1/-']);
  });
});

describe('busiestWindow', () => {
  it('counts the most times within any window', () => {
    expect(busiestWindow([0, 100, 999, 1_000, 1_500, 1_998], 1_000)).toBe(4);
    expect(busiestWindow([], 1_000)).toBe(0);
  });

  it('never exceeds a brute-force count over windows starting at each time', () => {
    fc.assert(fc.property(fc.array(fc.nat(5_000)), (raw) => {
      const times = [...raw].sort((a, b) => a - b);
      const brute = Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 1_000).length));
      expect(busiestWindow(times, 1_000)).toBe(brute);
    }));
  });
});
