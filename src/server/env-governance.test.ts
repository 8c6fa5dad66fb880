import { describe, expect, it } from 'vitest';
import { parseEnv, type Env } from './env.ts';

function ok(env: Env) {
  const r = parseEnv(env);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}

function errorsOf(env: Env): string {
  const r = parseEnv(env);
  if (r.ok) throw new Error('expected errors');
  return r.errors.join('\n');
}

describe('MIXSCOPE_CACHE_MS', () => {
  it.each([['0', 0], ['250', 250], ['60000', 60_000], [' 1500 ', 1500]])('%j gives %d ms', (raw, ms) => {
    expect(ok({ MIXSCOPE_CACHE_MS: raw }).cacheMs).toBe(ms);
  });

  it.each(['-1', '1.5', '60001', 'soon'])('%j is an error naming the variable and the range', (raw) => {
    expect(errorsOf({ MIXSCOPE_CACHE_MS: raw })).toMatch(/MIXSCOPE_CACHE_MS .*from 0 \(no cache\) to 60000/);
  });
});

describe('MIXSCOPE_APP_IDS', () => {
  it('reads a comma list, trimmed and without duplicates', () => {
    expect(ok({ MIXSCOPE_APP_IDS: ' app1, demo-app ,app1,,' }).appIds).toEqual(['app1', 'demo-app']);
  });

  it('unset allows any AppId', () => {
    expect(ok({}).appIds).toBeUndefined();
  });

  it('refuses an entry that is not an AppId, and names it', () => {
    expect(errorsOf({ MIXSCOPE_APP_IDS: 'good, bad id' })).toMatch(/MIXSCOPE_APP_IDS has "bad id", which is not an AppId/);
  });

  it('refuses a list of only commas', () => {
    expect(errorsOf({ MIXSCOPE_APP_IDS: ' , ' })).toMatch(/MIXSCOPE_APP_IDS is set but lists no AppId/);
  });
});

describe('MIXSCOPE_ALLOWED_HOSTS', () => {
  it('reads host names and IPs, lower-cased, brackets dropped', () => {
    expect(ok({ MIXSCOPE_ALLOWED_HOSTS: 'Mixscope.Internal, 10.0.0.5,[::1]' }).allowedHosts).toEqual(['mixscope.internal', '10.0.0.5', '::1']);
  });

  it.each(['http://x.example', 'x.example:8080', 'a b'])('refuses %j', (raw) => {
    expect(errorsOf({ MIXSCOPE_ALLOWED_HOSTS: raw })).toMatch(/MIXSCOPE_ALLOWED_HOSTS has .*without scheme or port/);
  });
});

describe('MIXSCOPE_SIMULATOR_FAULTS', () => {
  it('is off by default and on with 1 for the simulator', () => {
    expect(ok({}).simulatorFaults).toBe(false);
    expect(ok({ MIXSCOPE_SIMULATOR_FAULTS: '1' }).simulatorFaults).toBe(true);
    expect(ok({ MIXSCOPE_SIMULATOR_FAULTS: '0' }).simulatorFaults).toBe(false);
  });

  it('refuses to run against Volcengine with the fault switch on', () => {
    expect(errorsOf({ MIXSCOPE_SIMULATOR_FAULTS: '1', VOLC_ACCESSKEY: 'AK', VOLC_SECRETKEY: 'SK' })).toMatch(/works only with the embedded simulator/);
  });

  it('refuses anything but 0 and 1', () => {
    expect(errorsOf({ MIXSCOPE_SIMULATOR_FAULTS: 'yes' })).toMatch(/MIXSCOPE_SIMULATOR_FAULTS is "yes"/);
  });
});
