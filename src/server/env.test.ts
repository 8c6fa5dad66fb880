import { describe, expect, it } from 'vitest';
import { parseEnv, type Env, type ServerConfig } from './env.ts';
import { loadEnvironment } from './env-file.ts';

const AK = 'AKLTsecretAccessKeyValue';
const SK = 'TopSecretKey/With+Symbols==';
const KEYS = { VOLC_ACCESSKEY: AK, VOLC_SECRETKEY: SK };

function ok(env: Env): ServerConfig {
  const r = parseEnv(env);
  if (!r.ok) throw new Error(`expected ok, got: ${r.errors.join(' | ')}`);
  return r.config;
}

function errorsOf(env: Env): string[] {
  const r = parseEnv(env);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseEnv defaults', () => {
  it('uses the simulator and every documented default when nothing is set', () => {
    expect(ok({})).toEqual({
      upstream: 'simulator', credentials: undefined, region: 'cn-north-1', endpoint: 'https://rtc.volcengineapi.com',
      endpointHost: 'rtc.volcengineapi.com', qps: 50, dataDir: './data', token: undefined, host: '127.0.0.1', port: 8080,
      upstreamTimeoutMs: 5000, simulatorSpeed: 1, pullRules: [], pullHosts: [],
      cacheMs: 2000, appIds: undefined, allowedHosts: [], simulatorFaults: false,
      callbackSecret: undefined, callbackWatch: true,
    });
  });

  it('treats empty values (KEY= in a .env file) as unset', () => {
    expect(ok({ VOLC_ACCESSKEY: '', VOLC_SECRETKEY: ' ', PORT: '', MIXSCOPE_TOKEN: '' })).toMatchObject({ upstream: 'simulator', port: 8080, token: undefined });
  });
});

describe('credentials and MIXSCOPE_UPSTREAM', () => {
  it('defaults to volcengine when both keys are set, with the session token when given', () => {
    expect(ok(KEYS)).toMatchObject({ upstream: 'volcengine', credentials: { accessKeyId: AK, secretKey: SK } });
    expect(ok({ ...KEYS, VOLC_SESSION_TOKEN: 'sts-token' }).credentials).toEqual({ accessKeyId: AK, secretKey: SK, sessionToken: 'sts-token' });
  });

  it('honours an explicit simulator even with keys, and then keeps no credentials', () => {
    expect(ok({ ...KEYS, MIXSCOPE_UPSTREAM: 'simulator' })).toMatchObject({ upstream: 'simulator', credentials: undefined });
    expect(ok({ MIXSCOPE_UPSTREAM: ' Simulator ' }).upstream).toBe('simulator');
  });

  it('warns (but runs the simulator) when only one key is set', () => {
    const r = parseEnv({ VOLC_ACCESSKEY: AK });
    expect(r.ok && r.config.upstream).toBe('simulator');
    expect(r.ok && r.warnings.join()).toContain('Only one of VOLC_ACCESSKEY and VOLC_SECRETKEY');
  });

  it('refuses volcengine without both keys, naming each missing one', () => {
    const errors = errorsOf({ MIXSCOPE_UPSTREAM: 'volcengine', VOLC_ACCESSKEY: AK });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('VOLC_SECRETKEY is not set');
    expect(errorsOf({ MIXSCOPE_UPSTREAM: 'volcengine' })).toHaveLength(2);
  });

  it('rejects an unknown upstream mode', () => {
    expect(errorsOf({ MIXSCOPE_UPSTREAM: 'aws' })[0]).toMatch(/^MIXSCOPE_UPSTREAM is "aws"; it must be "volcengine" or "simulator"/);
  });

  it.each(['VOLC_ACCESSKEY', 'VOLC_SECRETKEY', 'VOLC_SESSION_TOKEN', 'MIXSCOPE_TOKEN'])('rejects %s with whitespace and never shows its value', (name) => {
    const secret = 'abc def-SECRET-VALUE';
    const errors = errorsOf({ ...KEYS, [name]: secret });
    expect(errors.join('\n')).toContain(`${name} contains spaces`);
    for (const e of errors) {
      expect(e).not.toContain('SECRET-VALUE');
      expect(e).not.toContain(AK);
      expect(e).not.toContain(SK);
    }
  });

  it('rejects non-ASCII secrets, which cannot go into an HTTP header', () => {
    expect(errorsOf({ ...KEYS, VOLC_SECRETKEY: 'clé' })[0]).toContain('VOLC_SECRETKEY contains');
  });
});

describe('VOLC_ENDPOINT', () => {
  it.each([
    ['https://rtc.volcengineapi.com/', 'https://rtc.volcengineapi.com', 'rtc.volcengineapi.com'],
    ['http://127.0.0.1:9000', 'http://127.0.0.1:9000', '127.0.0.1:9000'],
    ['https://open-ap-singapore-1.volcengineapi.com', 'https://open-ap-singapore-1.volcengineapi.com', 'open-ap-singapore-1.volcengineapi.com'],
  ])('accepts %s', (raw, endpoint, endpointHost) => {
    expect(ok({ VOLC_ENDPOINT: raw })).toMatchObject({ endpoint, endpointHost });
  });

  it.each([
    ['my-endpoint.example', 'not a valid URL'],
    ['ftp://rtc.volcengineapi.com', 'scheme is ftp'],
    ['https://user:hunter2@rtc.volcengineapi.com', 'user name or password'],
    ['https://rtc.volcengineapi.com/v1', 'has a path'],
    ['https://rtc.volcengineapi.com?Action=X', 'query string'],
    ['https://rtc.volcengineapi.com/#frag', 'fragment'],
  ])('rejects %s, without echoing it', (raw, reason) => {
    const [error] = errorsOf({ VOLC_ENDPOINT: raw });
    expect(error).toContain('VOLC_ENDPOINT');
    expect(error).toContain(reason);
    expect(error).not.toContain('hunter2');
    expect(error).not.toContain(raw);
  });
});

describe('numbers and names', () => {
  it.each([
    ['MIXSCOPE_QPS', '1', 'qps', 1], ['MIXSCOPE_QPS', '60', 'qps', 60], ['MIXSCOPE_QPS', ' 30 ', 'qps', 30],
    ['PORT', '0', 'port', 0], ['PORT', '65535', 'port', 65535],
    ['MIXSCOPE_UPSTREAM_TIMEOUT_MS', '100', 'upstreamTimeoutMs', 100], ['MIXSCOPE_UPSTREAM_TIMEOUT_MS', '120000', 'upstreamTimeoutMs', 120000],
    ['MIXSCOPE_SIMULATOR_SPEED', '1', 'simulatorSpeed', 1], ['MIXSCOPE_SIMULATOR_SPEED', '3600', 'simulatorSpeed', 3600],
  ] as const)('%s=%j gives %s %d', (name, raw, key, want) => {
    expect(ok({ [name]: raw })[key]).toBe(want);
  });

  it.each([
    ['MIXSCOPE_QPS', '0'], ['MIXSCOPE_QPS', '61'], ['MIXSCOPE_QPS', '2.5'], ['MIXSCOPE_QPS', 'fast'], ['MIXSCOPE_QPS', '-1'],
    ['PORT', '65536'], ['PORT', '80a'], ['PORT', '1e3'],
    ['MIXSCOPE_UPSTREAM_TIMEOUT_MS', '99'], ['MIXSCOPE_UPSTREAM_TIMEOUT_MS', '120001'],
    ['MIXSCOPE_SIMULATOR_SPEED', '0'], ['MIXSCOPE_SIMULATOR_SPEED', '3601'], ['MIXSCOPE_SIMULATOR_SPEED', 'fast'],
  ])('%s=%j is an error that names it and the range', (name, raw) => {
    const [error] = errorsOf({ [name]: raw });
    expect(error).toMatch(new RegExp(`^${name} is "${raw.replace('.', '\\.')}"; it must be a whole number from \\d+ to \\d+`));
  });

  it.each(['cn-north-1', 'ap-singapore-1', 'us-east-1'])('VOLC_REGION accepts %s', (region) => {
    expect(ok({ VOLC_REGION: region }).region).toBe(region);
  });

  it.each(['CN-NORTH-1', 'cn north 1', 'cn/north', '-cn'])('VOLC_REGION rejects %j', (region) => {
    expect(errorsOf({ VOLC_REGION: region })[0]).toContain('VOLC_REGION is');
  });

  it.each([['0.0.0.0', '0.0.0.0'], ['localhost', 'localhost'], ['::1', '::1'], ['[::1]', '::1'], ['my-host.lan', 'my-host.lan']])('HOST accepts %s', (raw, want) => {
    expect(ok({ HOST: raw }).host).toBe(want);
  });

  it.each(['http://0.0.0.0', '127.0.0.1:8080', 'my host', 'abc:80'])('HOST rejects %j', (raw) => {
    expect(errorsOf({ HOST: raw })[0]).toContain('HOST is');
  });

  it('MIXSCOPE_DATA_DIR is taken as given, and refuses line breaks', () => {
    expect(ok({ MIXSCOPE_DATA_DIR: '/var/lib/mixscope' }).dataDir).toBe('/var/lib/mixscope');
    expect(errorsOf({ MIXSCOPE_DATA_DIR: 'a\nb' })[0]).toContain('MIXSCOPE_DATA_DIR');
  });

  it('MIXSCOPE_TOKEN of 16 characters or more is kept; a shorter one stops the start, says how to make one and never shows it', () => {
    expect(ok({ MIXSCOPE_TOKEN: '0123456789abcdef' }).token).toBe('0123456789abcdef');
    const [error] = errorsOf({ MIXSCOPE_TOKEN: '0123456789abcde' });
    expect(error).toContain('MIXSCOPE_TOKEN is shorter than 16 characters');
    expect(error).toContain('openssl rand -hex 24');
    expect(error).not.toContain('0123456789abcde');
  });

  it('reports every bad variable at once', () => {
    expect(errorsOf({ PORT: 'x', MIXSCOPE_QPS: '100', VOLC_REGION: 'X' })).toHaveLength(3);
  });
});

describe('loadEnvironment', () => {
  const file = 'PORT=9000\nVOLC_REGION="ap-singapore-1"\n# comment\nMIXSCOPE_QPS=10\n';
  it('reads .env from the working directory, and the real environment wins', () => {
    const r = loadEnvironment('/app', { PORT: '7000' }, (path) => {
      expect(path.replace(/\\/g, '/')).toBe('/app/.env');
      return file;
    });
    expect(r).toMatchObject({ ok: true, fromFile: true, env: { PORT: '7000', VOLC_REGION: 'ap-singapore-1', MIXSCOPE_QPS: '10' } });
  });

  it('is fine without a .env file', () => {
    const enoent = Object.assign(new Error('nope'), { code: 'ENOENT' });
    expect(loadEnvironment('/app', { PORT: '1' }, () => { throw enoent; })).toEqual({ ok: true, env: { PORT: '1' }, fromFile: false });
  });

  it('fails clearly when .env exists but cannot be read', () => {
    const eacces = Object.assign(new Error('denied'), { code: 'EACCES' });
    expect(loadEnvironment('/app', {}, () => { throw eacces; })).toEqual({ ok: false, error: expect.stringContaining('(EACCES)') });
  });
});
