import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickEncoding, type Encoding } from './content-encoding.ts';

const both = new Set<Encoding>(['br', 'gzip']);

describe('pickEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', both, 'br'],
    ['gzip, deflate', both, 'gzip'],
    ['br', new Set<Encoding>(['gzip']), undefined],
    ['br;q=0, gzip', both, 'gzip'],
    ['br;q=0.5, gzip;q=0.8', both, 'gzip'],
    ['*', both, 'br'],
    ['*;q=0', both, undefined],
    ['identity', both, undefined],
    ['x-gzip', both, 'gzip'],
    ['GZIP', both, 'gzip'],
    ['br;q=0, br', both, undefined],
    ['br;q=0, gzip, br', both, 'gzip'],
    ['', both, undefined],
    [undefined, both, undefined],
  ] as const)('%s with %o → %s', (header, available, expected) => {
    expect(pickEncoding(header, available)).toBe(expected);
  });

  it('only ever picks a variant that exists and was not refused', () => {
    const encodings = fc.constantFrom('br', 'gzip', 'deflate', 'identity', '*', 'x-gzip', 'zstd');
    const item = fc.tuple(encodings, fc.option(fc.constantFrom('0', '0.001', '0.5', '1', 'junk'), { nil: undefined }))
      .map(([e, q]) => (q === undefined ? e : `${e};q=${q}`));
    const header = fc.array(item, { maxLength: 6 }).map((xs) => xs.join(', '));
    const available = fc.subarray(['br', 'gzip'] as Encoding[]).map((xs) => new Set(xs));
    fc.assert(fc.property(header, available, (h, av) => {
      // (fast-check found 'br;q=0, br': a coding named twice is refused if refused once)
      const picked = pickEncoding(h, av);
      if (picked === undefined) return;
      expect(av.has(picked)).toBe(true);
      expect(h.toLowerCase()).not.toMatch(new RegExp(`(^|, )${picked};q=0(,|$)`));
    }));
  });
});
