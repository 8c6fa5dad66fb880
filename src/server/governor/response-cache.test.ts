import { describe, expect, it } from 'vitest';
import { createResponseCache } from './response-cache.ts';

describe('createResponseCache', () => {
  it('answers within the ttl and forgets after it', () => {
    const c = createResponseCache<string>(1_000);
    c.set('a', 'x', 0);
    expect(c.get('a', 999)).toBe('x');
    expect(c.get('a', 1_000)).toBeUndefined();
    expect(c.size()).toBe(0);
  });

  it('ttl 0 disables it', () => {
    const c = createResponseCache<string>(0);
    c.set('a', 'x', 0);
    expect(c.get('a', 0)).toBeUndefined();
  });

  it('drops the oldest entries beyond the bound', () => {
    const c = createResponseCache<number>(1_000, 3);
    for (let i = 0; i < 5; i++) c.set(`k${i}`, i, 0);
    expect(c.size()).toBe(3);
    expect(c.get('k0', 0)).toBeUndefined();
    expect(c.get('k4', 0)).toBe(4);
  });
});
