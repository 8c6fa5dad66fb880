import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignStreamColours, PALETTE_SIZE, textOn } from './stream-colours.ts';

describe('assignStreamColours', () => {
  it('gives distinct colours while the palette lasts (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: PALETTE_SIZE }), (keys) => {
        const colours = assignStreamColours(keys);
        expect(new Set(colours.values()).size).toBe(keys.length);
      }),
    );
  });

  it('does not depend on the order the streams come in', () => {
    const a = assignStreamColours(['teacher/0', 'stu-a/0', 'stu-b/0']);
    const b = assignStreamColours(['stu-b/0', 'teacher/0', 'stu-a/0']);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
  });
});

describe('the palette', () => {
  it('keeps every pair of colours apart (no two within 60 in RGB distance)', () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    const colours = [...assignStreamColours(Array.from({ length: PALETTE_SIZE }, (_, i) => `u${i}`)).values()];
    for (const [i, a] of colours.entries()) {
      for (const b of colours.slice(i + 1)) {
        const [p, q] = [rgb(a), rgb(b)];
        expect({ a, b, far: Math.hypot(...p.map((v, k) => v - (q[k] ?? 0))) > 60 }).toEqual({ a, b, far: true });
      }
    }
  });
});

describe('textOn', () => {
  it('picks dark text on yellow and light text on blue', () => {
    expect(textOn('#F0E442')).toBe('#111111');
    expect(textOn('#0072B2')).toBe('#ffffff');
  });
});
