import { describe, expect, it } from 'vitest';
import { scrubbingLogger, scrubValue } from './logger.ts';
import { recordingLogger } from './test-support.ts';

describe('scrubValue', () => {
  it('replaces secrets anywhere in nested values', () => {
    expect(scrubValue({ a: ['x SECRET y', { b: 'SECRET' }], n: 3 }, ['SECRET'])).toEqual({ a: ['x [redacted] y', { b: '[redacted]' }], n: 3 });
  });

  it('masks the stream key and auth query of any URL, keeping scheme and host', () => {
    expect(scrubValue('push to rtmp://cdn.example.com/live/abcdefghi?txSecret=s3cret&txTime=1 failed', [])).toBe(
      'push to rtmp://cdn.example.com/live/abc••••?txSecret=••••&txTime=•••• failed',
    );
    expect(scrubValue('listening on http://127.0.0.1:8080', [])).toBe('listening on http://127.0.0.1:8080');
  });
});

describe('scrubbingLogger', () => {
  it('scrubs the message too', () => {
    const inner = recordingLogger();
    scrubbingLogger(inner, ['tok-123', '']).warn({ url: 'rtmp://h/app/key12345' }, 'token tok-123 refused');
    expect(inner.lines[0]).toBe(JSON.stringify({ url: 'rtmp://h/app/ke••••', msg: 'token [redacted] refused' }));
  });
});
