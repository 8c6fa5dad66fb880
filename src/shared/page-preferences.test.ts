import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookieValue, LANGUAGE_COOKIE, requestLanguage, requestTheme, requestTimeDisplay, requestTimeZone, THEME_COOKIE, TIME_DISPLAY_COOKIE, TIME_ZONE_COOKIE } from './page-preferences.ts';

const name = fc.stringMatching(/^[a-z][a-z0-9._-]{0,12}$/);
const value = fc.stringMatching(/^[a-zA-Z0-9%._-]{0,12}$/);

describe('the preferences a page is rendered with', () => {
  it('finds a cookie among others, whatever the order and spacing', () => {
    fc.assert(fc.property(fc.array(fc.tuple(name, value), { maxLength: 5 }), name, value, fc.nat(5), (others, n, v, at) => {
      const rest = others.filter(([k]) => k !== n);
      const pairs = [...rest.slice(0, at), [n, v], ...rest.slice(at)];
      expect(cookieValue(pairs.map(([k, x]) => `${k}=${x}`).join(';  '), n)).toBe(v);
    }));
  });

  it('reads only the two themes and two languages; anything else is unset', () => {
    expect(requestTheme(`${THEME_COOKIE}=dark`)).toBe('dark');
    expect(requestTheme(`${THEME_COOKIE}=light; a=b`)).toBe('light');
    fc.assert(fc.property(value.filter((v) => v !== 'dark' && v !== 'light'), (v) => {
      expect(requestTheme(`${THEME_COOKIE}=${v}`)).toBeUndefined();
    }));
    expect(requestTheme(undefined)).toBeUndefined();
    expect(requestTheme(`x${THEME_COOKIE}=dark`)).toBeUndefined();
  });

  it('takes the remembered language over the browser\'s, and the browser\'s over English', () => {
    expect(requestLanguage(`${LANGUAGE_COOKIE}=en`, 'zh-CN,zh')).toBe('en');
    expect(requestLanguage(`${LANGUAGE_COOKIE}=zh`, 'en-US')).toBe('zh');
    expect(requestLanguage(`${LANGUAGE_COOKIE}=fr`, 'zh-TW')).toBe('zh');
    expect(requestLanguage(undefined, 'en-GB,zh;q=0.5')).toBe('en');
    expect(requestLanguage(undefined, undefined)).toBe('en');
  });

  it('reads a time display the page knows, and a time zone the runtime knows', () => {
    expect(requestTimeDisplay(`${TIME_DISPLAY_COOKIE}=utc`)).toBe('utc');
    expect(requestTimeDisplay(`${TIME_DISPLAY_COOKIE}=UTC`)).toBeUndefined();
    expect(requestTimeZone(`${TIME_ZONE_COOKIE}=Asia%2FShanghai`)).toBe('Asia/Shanghai');
    expect(requestTimeZone(`${TIME_ZONE_COOKIE}=America/New_York`)).toBe('America/New_York');
    expect(requestTimeZone(`${TIME_ZONE_COOKIE}=Nowhere%2FCity`)).toBeUndefined();
    expect(requestTimeZone(`${TIME_ZONE_COOKIE}=%3Cscript%3E`)).toBeUndefined();
    expect(requestTimeZone(`${TIME_ZONE_COOKIE}=%E0%A4%A`)).toBeUndefined();
  });

  it('never throws on a time zone cookie, and names only zones Intl accepts', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (raw) => {
      const zone = requestTimeZone(`${TIME_ZONE_COOKIE}=${raw}`);
      if (zone !== undefined) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
    }));
  });
});
