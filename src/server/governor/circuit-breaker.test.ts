import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from './circuit-breaker.ts';

describe('createCircuitBreaker', () => {
  const make = () => createCircuitBreaker({ failureThreshold: 3, openMs: 5_000, maxOpenMs: 20_000 });

  it('stays closed below the threshold and remembers when the failures began', () => {
    const b = make();
    b.onFailure(100);
    b.onFailure(200);
    expect(b.snapshot(300)).toEqual({ state: 'closed', consecutiveFailures: 2, unreachableSince: 100, nextProbeAt: undefined });
    expect(b.admit(300)).toEqual({ ok: true, probe: false });
  });

  it('a success resets the streak', () => {
    const b = make();
    b.onFailure(100);
    b.onFailure(200);
    b.onSuccess(300);
    b.onFailure(400);
    expect(b.snapshot(400)).toMatchObject({ state: 'closed', consecutiveFailures: 1, unreachableSince: 400 });
  });

  it('opens at the threshold, refuses until openMs has passed, then admits exactly one probe', () => {
    const b = make();
    for (const t of [0, 10, 20]) b.onFailure(t);
    expect(b.snapshot(20)).toMatchObject({ state: 'open', unreachableSince: 0, nextProbeAt: 5_020 });
    expect(b.admit(1_000)).toEqual({ ok: false, retryInMs: 4_020 });
    expect(b.snapshot(5_020)).toEqual({ state: 'half-open', consecutiveFailures: 3, unreachableSince: 0, nextProbeAt: undefined });
    expect(b.admit(5_020)).toEqual({ ok: true, probe: true });
    expect(b.admit(5_021).ok).toBe(false);
  });

  it('closes when the probe succeeds', () => {
    const b = make();
    for (const t of [0, 10, 20]) b.onFailure(t);
    b.admit(6_000);
    b.onSuccess(6_100);
    expect(b.snapshot(6_100)).toEqual({ state: 'closed', consecutiveFailures: 0, unreachableSince: undefined, nextProbeAt: undefined });
  });

  it('reopens for twice as long when the probe fails, up to the maximum', () => {
    const b = make();
    for (const t of [0, 10, 20]) b.onFailure(t);
    let now = 5_020;
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      expect(b.admit(now).ok).toBe(true);
      b.onFailure(now);
      const next = b.snapshot(now).nextProbeAt ?? 0;
      waits.push(next - now);
      now = next;
    }
    expect(waits).toEqual([10_000, 20_000, 20_000, 20_000]);
    expect(b.snapshot(now).unreachableSince).toBe(0);
  });

  it('a neutral end (cancelled, throttled) frees the probe slot without a verdict', () => {
    const b = make();
    for (const t of [0, 10, 20]) b.onFailure(t);
    expect(b.admit(6_000).ok).toBe(true);
    b.onNeutral();
    expect(b.admit(6_001)).toEqual({ ok: true, probe: true });
  });

  it('tells the callers waiting on a probe to come back in a second', () => {
    const b = make();
    for (const t of [0, 10, 20]) b.onFailure(t);
    expect(b.admit(5_020)).toEqual({ ok: true, probe: true });
    expect(b.admit(5_500)).toEqual({ ok: false, retryInMs: 1_000 });
  });

  it('a failure that arrives while open (a call already in flight) does not push the probe back', () => {
    const b = make();
    for (const t of [0, 10, 20]) b.onFailure(t);
    b.onFailure(3_000);
    expect(b.snapshot(3_000)).toMatchObject({ state: 'open', consecutiveFailures: 4, unreachableSince: 0, nextProbeAt: 5_020 });
  });

  it('after a success, the next outage opens for openMs again, not the doubled time', () => {
    const b = make();
    for (const t of [0, 10, 20]) b.onFailure(t);
    b.admit(5_020);
    b.onFailure(5_020); // reopened for 10 s
    b.admit(15_020);
    b.onSuccess(15_100);
    for (const t of [20_000, 20_010, 20_020]) b.onFailure(t);
    expect(b.snapshot(20_020)).toMatchObject({ state: 'open', unreachableSince: 20_000, nextProbeAt: 25_020 });
    // And the probe slot is free again: the success ended the last probe.
    expect(b.admit(25_020)).toEqual({ ok: true, probe: true });
  });

  it('uses the documented defaults: five failures in a row open it for five seconds', () => {
    const b = createCircuitBreaker();
    for (let t = 0; t < 4; t++) b.onFailure(t);
    expect(b.snapshot(4).state).toBe('closed');
    b.onFailure(4);
    expect(b.snapshot(4)).toMatchObject({ state: 'open', nextProbeAt: 5_004 });
  });
});
