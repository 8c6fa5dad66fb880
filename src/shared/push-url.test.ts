import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskPushUrl } from './push-url.ts';

describe('maskPushUrl', () => {
  it('keeps host and app, hides the stream key and the auth query values', () => {
    expect(maskPushUrl('rtmp://push.example.com/live/streamkey123?txSecret=abc&txTime=65A1')).toBe(
      'rtmp://push.example.com/live/str••••?txSecret=••••&txTime=••••',
    );
  });

  it('hides user:password in the authority', () => {
    expect(maskPushUrl('rtmp://user:pw@cdn.example.com/app/key')).toBe('rtmp://••••@cdn.example.com/app/k••••');
  });

  it('handles a URL without a path', () => {
    expect(maskPushUrl('rtmp://cdn.example.com')).toBe('rtmp://cdn.example.com');
  });

  it('never returns the stream key or an auth value (property)', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{12,40}$/);
    fc.assert(
      fc.property(secret, secret, (key, token) => {
        const masked = maskPushUrl(`rtmp://h.example.com/live/${key}?auth_key=${token}`);
        expect(masked.includes(key)).toBe(false);
        expect(masked.includes(token)).toBe(false);
      }),
    );
  });
});
