import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';

describe('MIXSCOPE_SWEEP_APP_IDS', () => {
  it('is off when unset, and a comma list turns it on with the default period', () => {
    const off = parseEnv({});
    expect(off.ok && off.config.sweep).toBeFalsy();
    const on = parseEnv({ MIXSCOPE_SWEEP_APP_IDS: 'demo-app, other ' });
    expect(on.ok && on.config.sweep).toEqual({ appIds: ['demo-app', 'other'], periodMs: 60_000 });
  });

  it.each([
    [{ MIXSCOPE_SWEEP_APP_IDS: 'bad id!' }, /MIXSCOPE_SWEEP_APP_IDS/],
    [{ MIXSCOPE_SWEEP_APP_IDS: 'a', MIXSCOPE_APP_IDS: 'b' }, /MIXSCOPE_APP_IDS does not allow/],
    [{ MIXSCOPE_SWEEP_APP_IDS: 'a', MIXSCOPE_SWEEP_PERIOD_MS: '10' }, /MIXSCOPE_SWEEP_PERIOD_MS/],
  ])('refuses %j naming the variable', (env, message) => {
    const parsed = parseEnv(env);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toMatch(message);
  });
});
