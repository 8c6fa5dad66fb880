import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubbingLogger, scrubValue } from './logger.ts';
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

describe('a stack trace through the logger', () => {
  const KEY = 'streamkey12345';

  /** A real Error thrown inside Hono's dispatch, so its frames are file:// URLs and plain paths. */
  async function thrownInHono(): Promise<Error> {
    let caught: Error | undefined;
    const app = new Hono()
      .get('/', () => { throw new Error(`push to rtmp://cdn.example.com/live/${KEY}?txSecret=s3cret&txTime=1 failed`); })
      .onError((err, c) => { caught = err; return c.text('failed', 500); });
    await app.request('/');
    if (!caught) throw new Error('the handler did not throw');
    return caught;
  }

  function pinoLines(): { logger: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
    return { logger, lines };
  }

  /** Every frame location of a stack: `(file:///…/x.js:1:2)` or `(/…/x.ts:1:2)`, and bare `at /…` ones. */
  const frames = (stack: string) => [...stack.matchAll(/^\s+at (?:.*\()?((?:file:\/\/|\/)[^)\s]+)\)?$/gm)].map((m) => m[1] ?? '');

  it('keeps every frame path whole and masks the push URL, its key and a query', async () => {
    const err = await thrownInHono();
    const stack = err.stack ?? '';
    expect(frames(stack).some((f) => f.startsWith('file:///'))).toBe(true);
    const { logger, lines } = pinoLines();
    logger.error({ err: { name: err.name, message: err.message, stack }, pull: 'https://pull.example.com/live/x.flv?auth_key=abc123' }, 'unhandled error');
    const out = JSON.stringify(lines[0]);
    expect(out).not.toContain(KEY);
    expect(out).not.toContain('s3cret');
    expect(out).not.toContain('abc123');
    expect(out).toContain('rtmp://cdn.example.com/live/');
    expect(out).toContain('https://pull.example.com/live/');
    const logged = (lines[0]?.['err'] as { stack?: string } | undefined)?.stack ?? '';
    expect(frames(logged)).toEqual(frames(stack));
  });

  it('logs an Error passed as it is with its message and stack, masked the same way', async () => {
    const err = await thrownInHono();
    const { logger, lines } = pinoLines();
    logger.error({ err }, 'unhandled error');
    const logged = lines[0]?.['err'] as { message?: string; stack?: string } | undefined;
    expect(logged?.message).toBe('push to rtmp://cdn.example.com/live/str••••?txSecret=••••&txTime=•••• failed');
    expect(logged?.stack).not.toContain(KEY);
    expect(frames(logged?.stack ?? '')).toEqual(frames(err.stack ?? ''));
  });

  it('follows an Error\'s cause, even one that loops back to itself', () => {
    const inner = new Error('connect to https://rtc.example.test/?Action=x&Signature=sig-9f3k failed', { cause: undefined });
    const outer = new Error('upstream call failed', { cause: inner });
    inner.cause = outer;
    const out = JSON.stringify(scrubValue({ err: outer }, []));
    expect(out).toContain('"cause":{"type":"Error","message":"connect to https://rtc.example.test/?Action=••••&Signature=••••');
    expect(out).not.toContain('sig-9f3k');
  });
});
