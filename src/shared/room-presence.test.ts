import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absentAt, presenceByUser, type PresenceEvent } from './room-presence.ts';

const join = (eventId: string, userId: string, at: number): PresenceEvent => ({ eventId, userId, kind: 'join', at });
const leave = (eventId: string, userId: string, at: number, reason = 'userLeave'): PresenceEvent => ({ eventId, userId, kind: 'leave', reason, at });

const anyEvent = fc.record({
  eventId: fc.string({ minLength: 1, maxLength: 4 }),
  userId: fc.constantFrom('ming', 'li', 'ava'),
  kind: fc.constantFrom<'join' | 'leave'>('join', 'leave'),
  reason: fc.constantFrom('userLeave', 'connectionLost', undefined),
  at: fc.integer({ min: 0, max: 100 }),
});
/** A redelivery repeats the event exactly: keep the first of each EventId, as Volcengine's retries would be. */
const uniqueIds = (events: PresenceEvent[]) => [...new Map(events.map((e) => [e.eventId, e])).values()];

/** One user's life as Volcengine would report it: join, leave, join… at rising times. */
const alternating = fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 8 }).map((gaps) => {
  let at = 0;
  return gaps.map((gap, i): PresenceEvent => {
    at += gap;
    return i % 2 === 0 ? join(`e${i}`, 'ming', at) : leave(`e${i}`, 'ming', at, i % 4 === 1 ? 'connectionLost' : 'userLeave');
  });
});

describe('presenceByUser', () => {
  it('pairs joins with leaves per user, keeping the Reason', () => {
    const out = presenceByUser([join('a', 'teacher-ming', 10), leave('b', 'teacher-ming', 20, 'connectionLost'), join('c', 'stu-li', 5)]);
    expect(out).toEqual([
      { userId: 'stu-li', spans: [{ joinedAt: 5, leftAt: null, reason: null }] },
      { userId: 'teacher-ming', spans: [{ joinedAt: 10, leftAt: 20, reason: 'connectionLost' }] },
    ]);
  });

  it('replays late events in EventTime order and counts a redelivered EventId once', () => {
    const out = presenceByUser([leave('b', 'ming', 20), join('a', 'ming', 10), leave('b', 'ming', 20), join('c', 'ming', 30)]);
    expect(out[0]?.spans).toEqual([{ joinedAt: 10, leftAt: 20, reason: 'userLeave' }, { joinedAt: 30, leftAt: null, reason: null }]);
  });

  it('reads a leave and a join at the same instant as a reconnect, and a leave with no join as an unknown start', () => {
    expect(presenceByUser([join('j2', 'ming', 20), leave('l', 'ming', 20), join('j1', 'ming', 5)])[0]?.spans)
      .toEqual([{ joinedAt: 5, leftAt: 20, reason: 'userLeave' }, { joinedAt: 20, leftAt: null, reason: null }]);
    expect(presenceByUser([leave('l', 'ming', 7, 'connectionLost')])[0]?.spans).toEqual([{ joinedAt: null, leftAt: 7, reason: 'connectionLost' }]);
  });

  it('gives the same answer whatever the delivery order and however many redeliveries (property)', () => {
    fc.assert(fc.property(fc.array(anyEvent, { maxLength: 12 }), fc.infiniteStream(fc.nat()), (raw, picks) => {
      const events = uniqueIds(raw);
      const redelivered = [...events, ...events.filter(() => picks.next().value % 3 === 0)];
      const shuffled = [...redelivered].sort(() => (picks.next().value % 2 === 0 ? -1 : 1));
      expect(presenceByUser(shuffled)).toEqual(presenceByUser(events));
    }), { numRuns: 300 });
  });

  it('keeps spans in order, each ending after it starts, only the last one open (property)', () => {
    fc.assert(fc.property(fc.array(anyEvent, { maxLength: 16 }), (raw) => {
      for (const { spans } of presenceByUser(uniqueIds(raw))) {
        spans.forEach((s, i) => {
          if (s.joinedAt !== null && s.leftAt !== null) expect(s.leftAt).toBeGreaterThanOrEqual(s.joinedAt);
          const next = spans[i + 1];
          if (next === undefined) return;
          expect(s.leftAt).not.toBeNull();
          expect(next.joinedAt ?? next.leftAt ?? Infinity).toBeGreaterThanOrEqual(s.leftAt ?? -Infinity);
        });
      }
    }), { numRuns: 300 });
  });

  it('has one span per join when joins and leaves alternate (property)', () => {
    fc.assert(fc.property(alternating, (events) => {
      const spans = presenceByUser(events)[0]?.spans ?? [];
      expect(spans.length).toBe(events.filter((e) => e.kind === 'join').length);
    }));
  });
});

describe('absentAt', () => {
  it('says the user is out only strictly after the leave and until the next join', () => {
    const [ming] = presenceByUser([join('a', 'ming', 10), leave('b', 'ming', 20, 'connectionLost'), join('c', 'ming', 30)]);
    if (!ming) throw new Error('no presence');
    expect(absentAt(ming, 15)).toBeUndefined();
    expect(absentAt(ming, 20)).toBeUndefined();
    expect(absentAt(ming, 21)).toMatchObject({ leftAt: 20, reason: 'connectionLost' });
    expect(absentAt(ming, 30)).toBeUndefined();
    expect(absentAt(ming, 5)).toBeUndefined();
  });

  it('agrees with the last event before the moment asked about (property)', () => {
    fc.assert(fc.property(alternating, fc.integer({ min: 0, max: 200 }), (events, at) => {
      const [ming] = presenceByUser(events);
      const before = events.filter((e) => (e.kind === 'join' ? e.at <= at : e.at < at)).at(-1);
      const expected = before?.kind === 'leave' ? { leftAt: before.at, reason: before.reason } : undefined;
      const gone = ming && absentAt(ming, at);
      expect(gone && { leftAt: gone.leftAt, reason: gone.reason }).toEqual(expected);
    }), { numRuns: 300 });
  });
});
