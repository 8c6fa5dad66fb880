import { describe, expect, it } from 'vitest';
import { parseProcStat, stealPercent } from './conditions.ts';

describe('parseProcStat', () => {
  it('sums the eight counted fields and reads steal', () => {
    const text = 'cpu  156857 11942 44768 554295 689 0 1302 2282 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n';
    expect(parseProcStat(text)).toEqual({ total: 156857 + 11942 + 44768 + 554295 + 689 + 0 + 1302 + 2282, steal: 2282 });
  });

  it('gives nothing for a text without a usable cpu line', () => {
    expect(parseProcStat('intr 1 2 3\n')).toBeUndefined();
    expect(parseProcStat('cpu  1 2 3\n')).toBeUndefined();
    expect(parseProcStat('cpu  1 2 x 4 5 6 7 8\n')).toBeUndefined();
  });
});

describe('stealPercent', () => {
  it('is the stolen share of the time between two readings', () => {
    expect(stealPercent({ total: 1000, steal: 10 }, { total: 1200, steal: 60 })).toBe(25);
  });

  it('is undefined without two readings or without time passing', () => {
    expect(stealPercent(undefined, { total: 1, steal: 0 })).toBeUndefined();
    expect(stealPercent({ total: 5, steal: 0 }, { total: 5, steal: 0 })).toBeUndefined();
  });
});
