import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryGrowth } from './growth.ts';

describe('memoryGrowth', () => {
  it('reads from the lowest early sample to the highest late one', () => {
    // A run whose first sample is a transient peak: plain last − first would say −21.
    expect(memoryGrowth([161, 140, 138, 138, 143, 142, 143, 139, 142, 140])).toEqual({ from: 138, to: 142, growth: 4 });
  });

  it('uses one sample a side for short runs', () => {
    expect(memoryGrowth([10, 12])).toEqual({ from: 10, to: 12, growth: 2 });
    expect(memoryGrowth([10, 99, 11])).toEqual({ from: 10, to: 11, growth: 1 });
  });

  it('refuses fewer than two samples', () => {
    expect(() => memoryGrowth([5])).toThrow(/two samples/);
  });

  it('is never less than last minus first, nor more than the whole range', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 2, maxLength: 60 }), (xs) => {
      const { growth } = memoryGrowth(xs);
      expect(growth).toBeGreaterThanOrEqual((xs.at(-1) ?? 0) - (xs[0] ?? 0));
      expect(growth).toBeLessThanOrEqual(Math.max(...xs) - Math.min(...xs));
    }));
  });
});
