import { describe, expect, it } from 'vitest';
import { checkImageUrl, IMAGE_URL_MAX_BYTES } from './image-url.ts';

describe('checkImageUrl', () => {
  it('accepts http and https', () => {
    expect(checkImageUrl('https://cdn.example.com/a.png')).toEqual({ ok: true, url: 'https://cdn.example.com/a.png' });
    expect(checkImageUrl(' http://127.0.0.1:8080/demo/avatar-1.png ')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/demo/avatar-1.png' });
  });
  it('refuses every other scheme', () => {
    for (const url of ['data:image/png;base64,AAAA', 'file:///etc/passwd', 'javascript:alert(1)', 'blob:https://x/1', 'ftp://x/a.png']) {
      expect(checkImageUrl(url)).toEqual({ ok: false, reason: 'scheme' });
    }
  });
  it('refuses what is not a URL', () => {
    expect(checkImageUrl('avatar.png')).toEqual({ ok: false, reason: 'invalid' });
    expect(checkImageUrl('')).toEqual({ ok: false, reason: 'invalid' });
  });
  it('refuses a URL over the documented 1024 bytes', () => {
    const long = `https://x.example/${'a'.repeat(IMAGE_URL_MAX_BYTES)}`;
    expect(checkImageUrl(long)).toEqual({ ok: false, reason: 'tooLong' });
    // Bytes, not characters: 400 Chinese characters are 1200 bytes in UTF-8.
    expect(checkImageUrl(`https://x.example/${'图'.repeat(400)}`)).toEqual({ ok: false, reason: 'tooLong' });
  });
});
