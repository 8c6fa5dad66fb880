import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, worstSum, type ReplicaSpec } from './replica-share-model.ts';
import { initialShare, observe, shareCap, shareWait, type ReplicaRow, type ShareOptions, type ShareState } from './replica-share.ts';

const timings = { heartbeatMs: 1_000, expiryMs: 4_000, holdMs: 3_000 };
const options: ShareOptions = { qps: 50, timings };

/** One round of `self` at time t, answered at once, reading `rows` (its own row is added). */
function round(state: ShareState, t: number, others: readonly ReplicaRow[]): ShareState {
  const rows = [{ id: state.self, lastSeen: t, sees: state.counted }, ...others];
  return observe(state, { sentAt: t, receivedAt: t, dbNow: t, rows }, timings);
}

describe('the upstream share of one replica', () => {
  it('takes the whole budget at once when alone', () => {
    const s = round(initialShare('a'), 0, []);
    expect(shareCap(s, 0, options)).toBe(50);
    expect(shareCap(initialShare('a'), 0, options)).toBe(0);
  });

  it('lowers at once when a newcomer appears, without waiting for it to acknowledge', () => {
    const s = round(round(initialShare('a'), 0, []), 1_000, [{ id: 'b', lastSeen: 900, sees: [] }]);
    expect(shareCap(s, 1_000, options)).toBe(25);
    expect(s.counted).toEqual(['a', 'b']);
  });

  it('as a newcomer, takes nothing until every established replica lists it, then waits the hold', () => {
    const established = { id: 'a', lastSeen: 0, sees: ['a'] };
    let s = round(initialShare('b'), 0, [established]);
    expect(shareCap(s, 0, options)).toBe(0);
    s = round(s, 1_000, [{ ...established, lastSeen: 1_000 }]);
    expect(shareCap(s, 1_500, options)).toBe(0);
    s = round(s, 2_000, [{ ...established, lastSeen: 2_000, sees: ['a', 'b'] }]);
    expect(shareCap(s, 2_000 + timings.holdMs - 1, options)).toBe(0);
    s = round(s, 3_000, [{ ...established, lastSeen: 3_000, sees: ['a', 'b'] }]);
    expect(shareCap(s, 2_000 + timings.holdMs, options)).toBe(25);
  });

  it('raises its share only once a stopped replica has expired and one hold has passed', () => {
    let s = round(initialShare('a'), 0, []);
    const gone = { id: 'b', lastSeen: 0, sees: ['a', 'b'] };
    const capAt = (t: number) => {
      s = round(s, t, [gone]);
      return shareCap(s, t, options);
    };
    for (let t = 1_000; t < timings.expiryMs + timings.holdMs; t += 1_000) expect(capAt(t)).toBe(25);
    expect(capAt(timings.expiryMs + timings.holdMs - 1)).toBe(25);
    expect(capAt(timings.expiryMs + timings.holdMs)).toBe(50);
  });

  it('stops granting when its own heartbeat is older than the expiry, and starts over after', () => {
    const s = round(initialShare('a'), 0, []);
    expect(shareCap(s, timings.expiryMs - 1, options)).toBe(50);
    expect(shareCap(s, timings.expiryMs, options)).toBe(0);
    // The database came back: others may have dropped it meanwhile, so it waits the hold again.
    const back = round(s, 10_000, [{ id: 'b', lastSeen: 10_000, sees: ['a', 'b'] }]);
    expect(shareCap(back, 10_000, options)).toBe(0);
    expect(shareCap(back, 10_000 + timings.holdMs, options)).toBe(25);
  });

  it('says why it holds no share, at each step of joining and when its heartbeat lapses', () => {
    expect(shareWait(initialShare('b'), 0)).toMatch(/no heartbeat written/);
    const established = { id: 'a', lastSeen: 0, sees: ['a'] };
    let s = round(initialShare('b'), 0, [established]);
    expect(shareWait(s, 0)).toBe('waiting for the other replicas (1) to count it before taking its share of the upstream budget');
    s = round(s, 1_000, [{ ...established, lastSeen: 1_000, sees: ['a', 'b'] }]);
    expect(shareWait(s, 1_000)).toMatch(/^waiting 3 s more .* old shares/);
    expect(shareWait(s, 1_000 + timings.holdMs - 1)).toMatch(/^waiting 1 s more/);
    // Its wait ends exactly when its share becomes usable.
    expect(shareWait(s, 1_000 + timings.holdMs)).toBeUndefined();
    expect(shareCap(s, 1_000 + timings.holdMs, options)).toBe(25);
    expect(shareWait(s, 1_000 + timings.expiryMs)).toMatch(/heartbeat could not be written/);
    expect(shareCap(s, 1_000 + timings.expiryMs, options)).toBe(0);
  });

  it('is never without a share and without a reason at the same time', () => {
    fc.assert(fc.property(fc.array(fc.record({ gap: fc.integer({ min: 0, max: 3_000 }), acked: fc.boolean(), mine: fc.boolean() }), { maxLength: 12 }), fc.integer({ min: 0, max: 8_000 }), (rounds, after) => {
      let s = initialShare('b');
      let t = 0;
      for (const r of rounds) {
        t += r.gap;
        const rows = [{ id: 'a', lastSeen: t, sees: r.acked ? ['a', 'b'] : ['a'] }, ...(r.mine ? [{ id: 'b', lastSeen: t, sees: s.counted }] : [])];
        s = observe(s, { sentAt: t, receivedAt: t, dbNow: t, rows }, timings);
      }
      const now = t + after;
      expect(shareWait(s, now) === undefined).toBe(shareCap(s, now, options) > 0);
    }));
  });

  it('takes nothing when its own write is missing from what it read', () => {
    const s = observe(round(initialShare('a'), 0, []), { sentAt: 1_000, receivedAt: 1_000, dbNow: 1_000, rows: [] }, timings);
    expect(shareCap(s, 1_000, options)).toBe(0);
  });

  it('keeps at least one call each while that fits, and never more than the budget', () => {
    const others = Array.from({ length: 59 }, (_, i) => ({ id: `o${i}`, lastSeen: 0, sees: ['a'] }));
    const s = round(initialShare('a'), 0, others);
    expect(shareCap(s, timings.holdMs, { qps: 60, timings })).toBe(1);
    expect(shareCap(s, timings.holdMs, { qps: 50, timings })).toBe(0);
  });
});

const delay = fc.tuple(fc.integer({ min: 0, max: 6_000 }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }));
const replica: fc.Arbitrary<ReplicaSpec> = fc.record({
  joinAt: fc.integer({ min: 0, max: 12_000 }),
  life: fc.option(fc.integer({ min: 0, max: 15_000 }), { nil: undefined }),
  delays: fc.array(delay, { minLength: 1, maxLength: 8 }),
}).map(({ joinAt, life, delays }) => ({ joinAt, delays, ...(life === undefined ? {} : { dieAt: joinAt + life }) }));

describe('the shares of all replicas together', () => {
  it('never exceed QPS in any window, whatever the joins, deaths and database delays', () => {
    fc.assert(fc.property(fc.array(replica, { minLength: 1, maxLength: 5 }), fc.integer({ min: 3, max: 60 }), (specs, qps) => {
      const timeline = simulate(specs, { qps, timings }, 30_000, 20);
      expect(worstSum(timeline, timings.holdMs)).toBeLessThanOrEqual(qps);
    }), { numRuns: 150 });
  });

  it('give every surviving replica its full split once membership is quiet', () => {
    fc.assert(fc.property(fc.array(replica, { minLength: 1, maxLength: 5 }), (specs) => {
      // Quick rounds from 15 s on: by 30 s every change has settled.
      const quiet = specs.map((s) => ({ ...s, delays: s.delays.map(([a, b, c]) => [Math.min(a, 100), Math.min(b, 100), Math.min(c, 100)] as const) }));
      const endMs = 40_000;
      const timeline = simulate(quiet, options, endMs, 100);
      const alive = quiet.filter((s) => s.dieAt === undefined).length;
      const last = timeline.caps.map((caps) => caps[caps.length - 1] ?? 0);
      expect(last.filter((c) => c > 0)).toEqual(Array.from({ length: alive }, () => Math.floor(50 / alive)));
    }), { numRuns: 60 });
  });
});
