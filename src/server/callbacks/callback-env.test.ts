import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';

describe('MIXSCOPE_CALLBACK_SECRET and MIXSCOPE_CALLBACK_WATCH', () => {
  it('are off and on by default', () => {
    const r = parseEnv({});
    expect(r.ok && r.config.callbackSecret).toBeUndefined();
    expect(r.ok && r.config.callbackWatch).toBe(true);
  });

  it('keeps the secret and reads 0 as "do not watch"', () => {
    const r = parseEnv({ MIXSCOPE_CALLBACK_SECRET: 'S3cret+/=', MIXSCOPE_CALLBACK_WATCH: '0' });
    expect(r.ok && r.config).toMatchObject({ callbackSecret: 'S3cret+/=', callbackWatch: false });
  });

  it('refuses a secret with whitespace without showing it, and a watch value other than 0 or 1', () => {
    const r = parseEnv({ MIXSCOPE_CALLBACK_SECRET: 'has space', MIXSCOPE_CALLBACK_WATCH: 'yes' });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.join('\n')).toMatch(/MIXSCOPE_CALLBACK_SECRET contains spaces/);
    expect(errors.join('\n')).not.toContain('has space');
    expect(errors.join('\n')).toMatch(/MIXSCOPE_CALLBACK_WATCH is "yes"; it must be 1 .* or 0/);
  });
});
