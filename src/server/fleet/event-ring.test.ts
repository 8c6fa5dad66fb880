import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventRing, streamIdStart } from './event-ring.ts';

describe('event ring', () => {
  it('replays after an id it issued and still holds, and resets for any other id', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: -5, max: 30 }), (capacity, pushes, offset) => {
        const first = 5_000;
        const ring = createEventRing(capacity, first);
        for (let i = 0; i < pushes; i++) ring.push({ kind: 'change', key: `k${i}`, data: '{}' });
        const asked = first + offset;
        const answer = ring.since(asked);
        const held = Math.min(capacity, pushes);
        const oldestHeldId = first + pushes - held;
        // A browser that saw `asked` can resume while the ring still holds every later id.
        const resumable = asked >= oldestHeldId - 1 && asked < first + pushes;
        expect(ring.issued(asked)).toBe(asked >= first && asked < first + pushes);
        if (resumable) {
          expect(answer).not.toBe('reset');
          if (answer !== 'reset') expect(answer.map((e) => e.id)).toEqual(Array.from({ length: first + pushes - 1 - asked }, (_, i) => asked + 1 + i));
        } else {
          expect(answer).toBe('reset');
        }
      }),
    );
  });

  it('starts each process at a different, 16-digit id', () => {
    const starts = new Set(Array.from({ length: 50 }, streamIdStart));
    expect(starts.size).toBe(50);
    for (const s of starts) expect(String(s)).toMatch(/^\d{16}$/);
  });
});
