import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignStreamColours, textOn } from './stream-colours.ts';

describe('assignStreamColours', () => {
  it('gives distinct colours while the palette lasts (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 15 }), (keys) => {
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

describe('textOn', () => {
  it('picks dark text on yellow and light text on blue', () => {
    expect(textOn('#F0E442')).toBe('#111111');
    expect(textOn('#0072B2')).toBe('#ffffff');
  });
});
