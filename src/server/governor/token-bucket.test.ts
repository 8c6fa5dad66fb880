import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTokenBucket, defaultBurst } from './token-bucket.ts';

function bucketAt(opts: { rate?: number; burst?: number; cap?: number } = {}) {
  let t = 0;
  const rate = opts.rate ?? 50;
  const bucket = createTokenBucket({ rate: () => rate, burst: opts.burst ?? 5, windowCap: opts.cap ?? 50, now: () => t });
  return { bucket, at: (ms: number) => { t = ms; } };
}

/**
 * Grants made by asking at every millisecond for `ms` milliseconds; each call gets its answer
 * `latency(n)` ms after its grant (0: at once), and is finished then.
 */
function greedy(b: ReturnType<typeof bucketAt>, ms: number, limit?: number, latency: (n: number) => number = () => 0): number[] {
  return greedyCalls(b, ms, limit, latency).map((c) => c.start);
}

function greedyCalls(b: ReturnType<typeof bucketAt>, ms: number, limit?: number, latency: (n: number) => number = () => 0): { start: number; end: number }[] {
  const calls: { start: number; end: number }[] = [];
  const pending: number[] = [];
  for (let t = 0; t < ms; t++) {
    b.at(t);
    for (let i = pending.length - 1; i >= 0; i--) {
      if ((pending[i] ?? 0) <= t) {
        pending.splice(i, 1);
        b.bucket.finish();
      }
    }
    while (b.bucket.tryTake(limit)) {
      const end = t + latency(calls.length);
      calls.push({ start: t, end });
      if (end <= t) b.bucket.finish();
      else pending.push(end);
    }
  }
  return calls;
}

/**
 * The most calls that could have arrived at the endpoint inside one window of `windowMs`, when
 * each arrives anywhere between its grant and its answer: the most intervals one window touches.
 */
function maxTouchingWindow(calls: readonly { start: number; end: number }[], windowMs = 1000): number {
  let best = 0;
  for (const { end: a } of calls) {
    // A window [a, a + windowMs) starting at some call's end is as crowded as any.
    best = Math.max(best, calls.filter((c) => c.start < a + windowMs && c.end >= a).length);
  }
  return best;
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
    for (let i = 0; i < 3; i++) b.bucket.finish();
    b.at(10);
    expect(b.bucket.tryTake()).toBe(false);
    expect(b.bucket.waitMs()).toBe(990);
    expect(b.bucket.inWindow()).toBe(3);
  });

  it('counts a call from its grant until a window after its answer, so a slow send cannot crowd a window', () => {
    const b = bucketAt({ rate: 1000, burst: 2, cap: 2 });
    expect(b.bucket.tryTake()).toBe(true);
    expect(b.bucket.tryTake()).toBe(true);
    // Both still in flight long after the grant: the window is theirs whatever the time.
    b.at(5_000);
    expect(b.bucket.tryTake()).toBe(false);
    expect(b.bucket.inWindow()).toBe(2);
    expect(b.bucket.waitMs()).toBe(1000);
    b.bucket.finish();
    b.at(5_400);
    expect(b.bucket.tryTake()).toBe(false);
    expect(b.bucket.waitMs()).toBe(600);
    b.at(6_000);
    expect(b.bucket.tryTake()).toBe(true);
  });

  it('a finish without a call in flight changes nothing', () => {
    const b = bucketAt({ rate: 1000, burst: 1, cap: 1 });
    b.bucket.finish();
    expect(b.bucket.inWindow()).toBe(0);
    expect(b.bucket.tryTake()).toBe(true);
  });

  it('whatever the answers\' delays, no window could see more than the cap arrive (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 1_500 }), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 20 }),
      (delays, cap) => {
        const calls = greedyCalls(bucketAt({ rate: 1000, burst: cap, cap }), 4_000, undefined, (n) => delays[n % delays.length] ?? 0);
        return maxTouchingWindow(calls) <= cap;
      },
    ), { numRuns: 60 });
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

  it('never lets a caller\'s limit raise the cap: the window stays at MIXSCOPE_QPS', () => {
    const b = bucketAt({ rate: 1000, burst: 10, cap: 3 });
    for (let i = 0; i < 3; i++) expect(b.bucket.tryTake(100)).toBe(true);
    expect(b.bucket.tryTake(100)).toBe(false);
    expect(b.bucket.waitMs(100)).toBe(1000);
  });

  it('a limit of 0 or less grants nothing and asks to wait a window', () => {
    const b = bucketAt({ rate: 1000, burst: 10, cap: 3 });
    expect(b.bucket.tryTake(0)).toBe(false);
    expect(b.bucket.tryTake(-2)).toBe(false);
    expect(b.bucket.waitMs(0)).toBe(1000);
    expect(b.bucket.waitMs(-2)).toBe(1000);
    expect(b.bucket.inWindow()).toBe(0);
  });

  it('with the rate at 0 it asks to wait a window, and a negative rate drains nothing', () => {
    let t = 0;
    let rate = 0;
    const bucket = createTokenBucket({ rate: () => rate, burst: 2, windowCap: 50, windowMs: 500, now: () => t });
    expect(bucket.waitMs()).toBe(0); // the burst is there even with no refill
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.waitMs()).toBe(0); // exactly one token left
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.waitMs()).toBe(500);
    rate = -50;
    expect(bucket.waitMs()).toBe(500);
    t = 10_000;
    expect(bucket.tryTake()).toBe(false);
    rate = 100;
    t = 10_010;
    expect(bucket.tryTake()).toBe(true);
  });

  it('follows a shorter window when given one', () => {
    let t = 0;
    const bucket = createTokenBucket({ rate: () => 1000, burst: 5, windowCap: 1, windowMs: 200, now: () => t });
    expect(bucket.tryTake()).toBe(true);
    bucket.finish();
    t = 199;
    expect(bucket.tryTake()).toBe(false);
    expect(bucket.waitMs()).toBe(1);
    t = 200;
    expect(bucket.tryTake()).toBe(true);
  });

  it('a call that finishes after the clock stepped back leaves the window no earlier than the one before it', () => {
    const b = bucketAt({ rate: 1000, burst: 2, cap: 2 });
    expect(b.bucket.tryTake()).toBe(true);
    expect(b.bucket.tryTake()).toBe(true);
    b.at(1_000);
    b.bucket.finish();
    b.at(500);
    b.bucket.finish();
    b.at(1_999);
    expect(b.bucket.inWindow()).toBe(2);
    b.at(2_000);
    expect(b.bucket.inWindow()).toBe(0);
  });

  it('names the values it refuses', () => {
    expect(() => createTokenBucket({ rate: () => 1, burst: 0, windowCap: 3, now: () => 0 })).toThrow('burst must be >= 1 and windowCap a whole number >= 1 (got 0, 3)');
    expect(() => createTokenBucket({ rate: () => 1, burst: Number.NaN, windowCap: 3, now: () => 0 })).toThrow(RangeError);
    expect(() => createTokenBucket({ rate: () => 1, burst: 1, windowCap: 0, now: () => 0 })).toThrow(RangeError);
    expect(() => createTokenBucket({ rate: () => 1, burst: 1, windowCap: 1, now: () => 0 })).not.toThrow();
  });

  it('a stray finish does not make room for an extra call later', () => {
    const b = bucketAt({ rate: 1000, burst: 10, cap: 2 });
    b.bucket.finish();
    b.at(2_000);
    const granted = [b.bucket.tryTake(), b.bucket.tryTake(), b.bucket.tryTake()];
    expect(granted).toEqual([true, true, false]);
  });

  it('after the clock stepped back, a lower limit still waits for the later end', () => {
    const b = bucketAt({ rate: 1000, burst: 3, cap: 3 });
    for (let i = 0; i < 3; i++) expect(b.bucket.tryTake()).toBe(true);
    b.at(1_000);
    b.bucket.finish();
    b.at(500);
    b.bucket.finish();
    b.bucket.finish();
    b.at(600);
    // Two of the three must leave the window for a limit of 2: the second ended, as far as the log knows, at 1000.
    expect(b.bucket.waitMs(2)).toBe(1_400);
  });
});
