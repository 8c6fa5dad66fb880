import { describe, expect, it } from 'vitest';
import { createAdaptiveRate } from './adaptive-rate.ts';

describe('createAdaptiveRate', () => {
  const make = () => createAdaptiveRate({ baseRate: 50, cooldownMs: 10_000, recoverStep: 0.1, recoverEveryMs: 1_000, debounceMs: 1_000, minFactor: 1 / 8 });

  it('runs at the base rate until throttled', () => {
    const r = make();
    expect(r.rate(0)).toBe(50);
    expect(r.lastThrottleAt()).toBeUndefined();
  });

  it('halves on a throttle, holds for the cool-down, then recovers step by step', () => {
    const r = make();
    r.onThrottle(1_000);
    expect(r.rate(1_000)).toBe(25);
    expect(r.rate(10_999)).toBe(25);
    expect(r.factor(11_000)).toBeCloseTo(0.6);
    expect(r.factor(12_000)).toBeCloseTo(0.7);
    expect(r.factor(15_000)).toBe(1);
    expect(r.rate(60_000)).toBe(50);
  });

  it('treats a burst of throttles as one signal, but a later one halves again', () => {
    const r = make();
    for (const t of [0, 10, 20, 900]) r.onThrottle(t);
    expect(r.factor(900)).toBe(0.5);
    r.onThrottle(1_500);
    expect(r.factor(1_500)).toBe(0.25);
    // The cool-down runs from the last throttle.
    expect(r.factor(11_499)).toBe(0.25);
  });

  it('never drops below the minimum factor', () => {
    const r = make();
    for (let t = 0; t < 20_000; t += 1_000) r.onThrottle(t);
    expect(r.factor(20_000)).toBe(1 / 8);
  });
});
