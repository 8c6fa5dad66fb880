import { describe, expect, it } from 'vitest';
import { createTokenBucket, defaultBurst } from './token-bucket.ts';

function bucketAt(opts: { rate?: number; burst?: number; cap?: number } = {}) {
  let t = 0;
  const rate = opts.rate ?? 50;
  const bucket = createTokenBucket({ rate: () => rate, burst: opts.burst ?? 5, windowCap: opts.cap ?? 50, now: () => t });
  return { bucket, at: (ms: number) => { t = ms; } };
}

/** Grants made by asking at every millisecond for `ms` milliseconds. */
function greedy(b: ReturnType<typeof bucketAt>, ms: number, limit?: number): number[] {
  const times: number[] = [];
  for (let t = 0; t < ms; t++) {
    b.at(t);
    while (b.bucket.tryTake(limit)) times.push(t);
  }
  return times;
}

function maxInWindow(times: number[], windowMs = 1000): number {
  let best = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while ((times[hi] ?? 0) - (times[lo] ?? 0) >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

describe('createTokenBucket', () => {
  it('lets the burst leave at once, then spaces calls at the rate', () => {
    const b = bucketAt({ rate: 50, burst: 5 });
    const times = greedy(b, 200);
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(times[5]).toBe(20); // 1000 ms / 50
    expect(times[6]).toBe(40);
  });

  it('never grants more than the cap in any one-second window, even at full rate with a burst', () => {
    const times = greedy(bucketAt({ rate: 50, burst: 5, cap: 50 }), 10_000);
    expect(maxInWindow(times)).toBe(50);
    // Still uses the whole budget: about 50 per second over ten seconds.
    expect(times.length).toBeGreaterThanOrEqual(495);
  });

  it('a lower limit (the watcher share) stops earlier in the same window', () => {
    const times = greedy(bucketAt({ rate: 50, burst: 5, cap: 50 }), 5_000, 40);
    expect(maxInWindow(times)).toBe(40);
  });

  it('says how long until the next token, and 0 when one is free', () => {
    const b = bucketAt({ rate: 10, burst: 1 });
    expect(b.bucket.waitMs()).toBe(0);
    expect(b.bucket.tryTake()).toBe(true);
    expect(b.bucket.waitMs()).toBe(100);
    b.at(60);
    expect(b.bucket.waitMs()).toBe(40);
  });

  it('waits for the window when the cap, not the tokens, is what blocks', () => {
    const b = bucketAt({ rate: 1000, burst: 3, cap: 3 });
    for (let i = 0; i < 3; i++) expect(b.bucket.tryTake()).toBe(true);
    b.at(10);
    expect(b.bucket.tryTake()).toBe(false);
    expect(b.bucket.waitMs()).toBe(990);
    expect(b.bucket.inWindow()).toBe(3);
  });

  it('follows a rate that changes (a FlowLimitExceeded slow-down) at once', () => {
    let t = 0;
    let rate = 50;
    const bucket = createTokenBucket({ rate: () => rate, burst: 1, windowCap: 50, now: () => t });
    expect(bucket.tryTake()).toBe(true);
    rate = 25;
    expect(bucket.waitMs()).toBe(40);
    t = 40;
    expect(bucket.tryTake()).toBe(true);
  });

  it('does not mint tokens when the clock steps back', () => {
    const b = bucketAt({ rate: 10, burst: 1 });
    b.at(1000);
    expect(b.bucket.tryTake()).toBe(true);
    b.at(0);
    expect(b.bucket.tryTake()).toBe(false);
  });

  it('refuses nonsense', () => {
    expect(() => createTokenBucket({ rate: () => 1, burst: 0, windowCap: 1, now: () => 0 })).toThrow(RangeError);
    expect(() => createTokenBucket({ rate: () => 1, burst: 1, windowCap: 0.5, now: () => 0 })).toThrow(RangeError);
  });

  it('defaultBurst is a tenth of the rate, at least one', () => {
    expect([1, 9, 50, 60].map(defaultBurst)).toEqual([1, 1, 5, 6]);
  });
});
