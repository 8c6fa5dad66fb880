import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { logFormat, readableDestination, readableLine } from './log-readable.ts';

describe('readableLine', () => {
  it('puts the time, the level and the message first, then the fields', () => {
    const time = new Date(2026, 11, 4, 20, 41, 7).getTime();
    const line = readableLine(JSON.stringify({ level: 40, time, pid: 1, hostname: 'h', app: 'mixscope', msg: 'slow answer', ms: 812, path: '/api/task', note: 'two words' }));
    expect(line).toBe('20:41:07 WARN  slow answer  ms=812 path=/api/task note="two words"\n');
  });

  it('does not repeat a value the message already says', () => {
    const line = readableLine(JSON.stringify({ level: 30, time: 0, msg: 'mixscope on http://127.0.0.1:8080 · data in ./data', url: 'http://127.0.0.1:8080', dataDir: './data', qps: 50 }));
    expect(line.slice(9)).toBe('INFO  mixscope on http://127.0.0.1:8080 · data in ./data  qps=50\n');
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(readableLine('not json')).toBe('not json\n');
  });

  it('never loses a field or throws, whatever the entry holds (property)', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !['level', 'time', 'msg', 'pid', 'hostname', 'app'].includes(k)), fc.jsonValue()), (fields) => {
      const line = readableLine(JSON.stringify({ level: 30, time: 0, msg: '', ...fields }));
      expect(line.endsWith('\n')).toBe(true);
      for (const key of Object.keys(fields)) expect(line).toContain(`${key}=`);
    }));
  });

  it('shows what the scrubbing logger let through, never a secret', () => {
    const out: string[] = [];
    const logger = createLogger({ secrets: ['s3cret-value-0001'], destination: readableDestination({ write: (t: string) => out.push(t) }) });
    logger.warn({ detail: 'key s3cret-value-0001 quoted back', url: 'rtmp://push.example.com/live/streamkey123?auth=x' }, 'upstream said');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\d\d:\d\d:\d\d WARN {2}upstream said {2}detail="key \[redacted\] quoted back" url=/);
    expect(out[0]).not.toContain('s3cret-value-0001');
    expect(out[0]).not.toContain('streamkey123');
  });
});

describe('logFormat', () => {
  it('is readable on a terminal and JSON elsewhere unless asked', () => {
    expect(logFormat(undefined, true)).toEqual({ ok: true, format: 'readable' });
    expect(logFormat(undefined, false)).toEqual({ ok: true, format: 'json' });
    expect(logFormat('JSON', true)).toEqual({ ok: true, format: 'json' });
    expect(logFormat('readable', false)).toEqual({ ok: true, format: 'readable' });
  });

  it('names the variable and the values it takes when the value is wrong', () => {
    const result = logFormat('pretty', true);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^LOG_FORMAT must be json or readable \(got "pretty"\)/);
  });
});
