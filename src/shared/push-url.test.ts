import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMaskedPushUrl, maskPushUrl, maskUrlsIn, pushUrlOf, withMaskedPushUrl } from './push-url.ts';

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

describe('masking a PushURL twice', () => {
  it('leaves an already masked URL as it is, so a masked export stays readable', () => {
    const once = maskPushUrl('rtmp://push.example.com/live/streamkey123?txSecret=abc');
    expect(maskPushUrl(once)).toBe(once);
    expect(isMaskedPushUrl(once)).toBe(true);
    expect(isMaskedPushUrl('rtmp://push.example.com/live/streamkey123')).toBe(false);
  });
});

describe('withMaskedPushUrl', () => {
  const task = { Status: 2, PushURL: 'rtmp://push.example.com/live/streamkey123?txSecret=abc', Layout: { LayoutMode: 0 } };

  it('masks the PushURL of a copy and leaves the rest and the original alone', () => {
    const masked = withMaskedPushUrl(task);
    expect(masked).toEqual({ ...task, PushURL: 'rtmp://push.example.com/live/str••••?txSecret=••••' });
    expect(task.PushURL).toContain('streamkey123');
  });

  it('passes through what has no PushURL string', () => {
    for (const value of [null, 'text', [1], { Status: 2 }, { PushURL: 5 }]) expect(withMaskedPushUrl(value)).toBe(value);
  });

  it('reads the PushURL of a task, if it has one', () => {
    expect(pushUrlOf(task)).toBe(task.PushURL);
    expect(pushUrlOf({ PushURL: 5 })).toBeUndefined();
    expect(pushUrlOf(null)).toBeUndefined();
  });
});

describe('a half-masked URL', () => {
  it('still has its unmasked parts masked', () => {
    expect(maskPushUrl('rtmp://h.example.com/live/streamkey123?txSecret=••••')).toBe('rtmp://h.example.com/live/str••••?txSecret=••••');
    expect(maskPushUrl('rtmp://h.example.com/live/str••••?txSecret=abc')).toBe('rtmp://h.example.com/live/str••••?txSecret=••••');
  });
});

describe('a key that only looks masked', () => {
  it('is masked when more than three characters come before the mark', () => {
    expect(maskPushUrl('rtmp://h.example.com/live/streamkey123••••')).toBe('rtmp://h.example.com/live/str••••');
  });
});

describe('maskUrlsIn', () => {
  it('masks a push URL quoted in a message and keeps the words', () => {
    expect(maskUrlsIn('rtmp://push.example.com/live/streamkey123?txSecret=abc is not a valid address'))
      .toBe('rtmp://push.example.com/live/str••••?txSecret=•••• is not a valid address');
  });
});
