import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRegions, type PresenceRegion } from './presence-warnings.ts';
import { presenceByUser, type PresenceEvent } from './room-presence.ts';

const join = (eventId: string, userId: string, at: number): PresenceEvent => ({ eventId, userId, kind: 'join', at });
const leave = (eventId: string, userId: string, at: number, reason: string): PresenceEvent => ({ eventId, userId, kind: 'leave', reason, at });

describe('emptyRegions', () => {
  const regions: PresenceRegion[] = [{ id: 'r0', userId: 'teacher-ming' }, { id: 'r1', userId: 'stu-li' }, { id: 'r2', userId: undefined }, { id: 'r3', userId: 'nobody-said' }];
  const presence = presenceByUser([
    join('a', 'teacher-ming', 100), leave('b', 'teacher-ming', 200, 'connectionLost'),
    join('c', 'stu-li', 100),
  ]);

  it('explains the region of a user who left, with when and why', () => {
    expect(emptyRegions(regions, presence, 250)).toEqual([{ regionId: 'r0', userId: 'teacher-ming', leftAt: 200, reason: 'connectionLost' }]);
  });

  it('says nothing before the user left, about users still in, users never mentioned, or regions with no user', () => {
    expect(emptyRegions(regions, presence, 150)).toEqual([]);
    expect(emptyRegions(regions, [], 250)).toEqual([]);
  });

  it('lets a rejoin fill the region again', () => {
    const back = presenceByUser([join('a', 'teacher-ming', 100), leave('b', 'teacher-ming', 200, 'connectionLost'), join('d', 'teacher-ming', 240)]);
    expect(emptyRegions(regions, back, 230)).toHaveLength(1);
    expect(emptyRegions(regions, back, 250)).toEqual([]);
  });

  it('names every region of a user who left, and only users who left before the moment (property)', () => {
    const users = ['a', 'b', 'c', 'd'];
    const regionArb = fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), userId: fc.option(fc.constantFrom(...users), { nil: undefined }) }), { maxLength: 8 });
    const lifeArb = fc.record({ user: fc.constantFrom(...users), joinedAt: fc.integer({ min: 0, max: 50 }), stay: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }) });
    fc.assert(fc.property(regionArb, fc.uniqueArray(lifeArb, { selector: (l) => l.user }), fc.integer({ min: 0, max: 120 }), (rs, lives, at) => {
      const events = lives.flatMap((l) => [join(`j-${l.user}`, l.user, l.joinedAt), ...(l.stay === undefined ? [] : [leave(`l-${l.user}`, l.user, l.joinedAt + l.stay, 'connectionLost')])]);
      const out = emptyRegions(rs, presenceByUser(events), at);
      const leftBefore = new Map(lives.filter((l) => l.stay !== undefined && l.joinedAt + l.stay < at).map((l) => [l.user, l.joinedAt + (l.stay ?? 0)]));
      const expected = rs.filter((r) => r.userId !== undefined && leftBefore.has(r.userId))
        .map((r) => ({ regionId: r.id, userId: r.userId, leftAt: leftBefore.get(r.userId ?? ''), reason: 'connectionLost' }));
      expect(out).toEqual(expected);
    }), { numRuns: 300 });
  });
});
