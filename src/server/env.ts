import { readSweepConfig, type SweepConfig } from './sweep/sweep-env.ts';
import { isIP } from 'node:net';
import type { VolcCredentials } from '../shared/volc-signature.ts';
import { readAllowedHosts, readAppIds, readCacheMs, readSimulatorFaults, type GovernanceConfig } from './env-governance.ts';
import { parseDatabaseUrl, type PostgresTarget } from './history/database-url.ts';
import { parsePullHosts, parsePullRules, type PullRule } from './output/pull-rules.ts';

/**
 * Server configuration from the environment, exactly the variables PRODUCT.md lists. Pure:
 * main.ts merges `.env` and process.env (see env-file.ts) and passes the result in.
 * Error messages name the variable and the fix, and never contain a credential's value.
 */

export type UpstreamMode = 'volcengine' | 'simulator';

export interface ServerConfig extends GovernanceConfig {
  upstream: UpstreamMode;
  /** Set only when upstream is volcengine; the simulator brings its own. */
  credentials: VolcCredentials | undefined;
  region: string;
  /** Normalised origin, e.g. https://rtc.volcengineapi.com (no path, query or user info). */
  endpoint: string;
  endpointHost: string;
  qps: number;
  dataDir: string;
  /** MIXSCOPE_DATABASE_URL: PostgreSQL (shared by replicas) instead of the SQLite file in dataDir. */
  database?: PostgresTarget | undefined;
  /** MIXSCOPE_TOKEN; when set every API call and page needs it. */
  token: string | undefined;
  host: string;
  port: number;
  upstreamTimeoutMs: number;
  /** MIXSCOPE_SIMULATOR_SPEED: how fast the embedded simulator's tasks live (demos, e2e). */
  simulatorSpeed: number;
  /** MIXSCOPE_CALLBACK_SECRET: the Volcengine callback's SecretKey; unset, the callback endpoint is off. */
  callbackSecret?: string | undefined;
  /** MIXSCOPE_CALLBACK_WATCH: tasks named by callbacks are watched (default true; 0 turns it off). */
  callbackWatch?: boolean;
  /** MIXSCOPE_PULL_RULES: push host to HTTP-FLV pull URL template (output/pull-rules.ts). */
  pullRules: PullRule[];
  /** MIXSCOPE_PULL_HOSTS: extra hosts a typed pull URL may use. */
  pullHosts: string[];
  /** MIXSCOPE_SWEEP_APP_IDS (+ MIXSCOPE_SWEEP_PERIOD_MS): AppIds whose rooms are swept for tasks. */
  sweep?: SweepConfig | undefined;
}

export type ParseEnvResult =
  | { ok: true; config: ServerConfig; warnings: string[] }
  | { ok: false; errors: string[] };

export type Env = Readonly<Record<string, string | undefined>>;

export const ENV_DEFAULTS = {
  region: 'cn-north-1',
  endpoint: 'https://rtc.volcengineapi.com',
  qps: 50,
  dataDir: './data',
  host: '127.0.0.1',
  port: 8080,
  upstreamTimeoutMs: 5000,
  simulatorSpeed: 1,
} as const;

/** Quotes a non-secret value for a message, cut short so a pasted blob cannot flood the log. */
const show = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

/** Unset and empty (`VOLC_SESSION_TOKEN=` in a .env file) both mean "not given". */
function read(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number, errors: string[]): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const text = raw.trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    errors.push(`${name} is ${show(raw)}; it must be a whole number from ${min} to ${max}. Set it to e.g. ${fallback}, or unset it for the default ${fallback}.`);
    return fallback;
  }
  return n;
}

/** The shortest MIXSCOPE_TOKEN the server starts with. */
export const MIN_TOKEN_LENGTH = 16;

/** A secret must be a single printable ASCII token: it goes verbatim into HTTP headers. */
function readSecret(env: Env, name: string, errors: string[]): string | undefined {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]+$/.test(raw)) {
    errors.push(`${name} contains spaces, line breaks or non-ASCII characters (value not shown). Copy it again without surrounding quotes or whitespace.`);
    return undefined;
  }
  return raw;
}

function readEndpoint(env: Env, errors: string[]): URL {
  const fallback = new URL(ENV_DEFAULTS.endpoint);
  const raw = read(env, 'VOLC_ENDPOINT');
  if (raw === undefined) return fallback;
  // The value is never echoed: a mistyped endpoint may carry user:password@.
  const fix = `Use an http(s) origin such as ${ENV_DEFAULTS.endpoint}, or unset VOLC_ENDPOINT.`;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    errors.push(`VOLC_ENDPOINT is not a valid URL (value not shown). ${fix}`);
    return fallback;
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`its scheme is ${url.protocol.replace(':', '')}, not http or https`);
  if (url.username !== '' || url.password !== '') problems.push('it contains a user name or password');
  if (url.pathname !== '/' && url.pathname !== '') problems.push('it has a path');
  if (url.search !== '' || raw.includes('?')) problems.push('it has a query string');
  if (url.hash !== '' || raw.includes('#')) problems.push('it has a #fragment');
  if (problems.length > 0) {
    errors.push(`VOLC_ENDPOINT is not usable: ${problems.join('; ')} (value not shown). ${fix}`);
    return fallback;
  }
  return url;
}

function readUpstream(env: Env, haveBothKeys: boolean, errors: string[]): UpstreamMode {
  const raw = read(env, 'MIXSCOPE_UPSTREAM');
  if (raw === undefined) return haveBothKeys ? 'volcengine' : 'simulator';
  const v = raw.trim().toLowerCase();
  if (v === 'volcengine' || v === 'simulator') return v;
  errors.push(`MIXSCOPE_UPSTREAM is ${show(raw)}; it must be "volcengine" or "simulator" (or unset: volcengine when both keys are set, else simulator).`);
  return 'simulator';
}

function readPattern(env: Env, name: string, fallback: string, pattern: RegExp, what: string, errors: string[]): string {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!pattern.test(raw.trim())) {
    errors.push(`${name} is ${show(raw)}; it must be ${what}. Unset it for the default ${fallback}.`);
    return fallback;
  }
  return raw.trim();
}

/** HOST is what to listen on: an IP address (IPv6 with or without brackets) or a host name. */
function readHost(env: Env, errors: string[]): string {
  const raw = read(env, 'HOST');
  if (raw === undefined) return ENV_DEFAULTS.host;
  const v = raw.trim().replace(/^\[(.*)\]$/, '$1');
  if (isIP(v) !== 0 || /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(v)) return v;
  errors.push(`HOST is ${show(raw)}; it must be a host name or IP address to listen on, with no scheme or port, such as 127.0.0.1 or 0.0.0.0. Put the port in PORT.`);
  return ENV_DEFAULTS.host;
}

export function parseEnv(env: Env): ParseEnvResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const accessKeyId = readSecret(env, 'VOLC_ACCESSKEY', errors);
  const secretKey = readSecret(env, 'VOLC_SECRETKEY', errors);
  const sessionToken = readSecret(env, 'VOLC_SESSION_TOKEN', errors);
  const token = readSecret(env, 'MIXSCOPE_TOKEN', errors);
  const keysGiven = read(env, 'VOLC_ACCESSKEY') !== undefined && read(env, 'VOLC_SECRETKEY') !== undefined;
  const upstream = readUpstream(env, keysGiven, errors);
  if (upstream === 'volcengine') {
    for (const name of ['VOLC_ACCESSKEY', 'VOLC_SECRETKEY']) {
      if (read(env, name) === undefined) errors.push(`MIXSCOPE_UPSTREAM is volcengine but ${name} is not set. Set both VOLC_ACCESSKEY and VOLC_SECRETKEY, or set MIXSCOPE_UPSTREAM=simulator.`);
    }
  } else if (read(env, 'MIXSCOPE_UPSTREAM') === undefined && (read(env, 'VOLC_ACCESSKEY') !== undefined) !== (read(env, 'VOLC_SECRETKEY') !== undefined)) {
    warnings.push('Only one of VOLC_ACCESSKEY and VOLC_SECRETKEY is set, so mixscope uses the embedded simulator. Set both to query Volcengine.');
  }
  const region = readPattern(env, 'VOLC_REGION', ENV_DEFAULTS.region, /^[a-z0-9]+(-[a-z0-9]+)*$/, 'a region id of lower-case letters, digits and dashes such as cn-north-1 or ap-singapore-1', errors);
  const endpoint = readEndpoint(env, errors);
  const qps = readInt(env, 'MIXSCOPE_QPS', ENV_DEFAULTS.qps, 1, 60, errors);
  const upstreamTimeoutMs = readInt(env, 'MIXSCOPE_UPSTREAM_TIMEOUT_MS', ENV_DEFAULTS.upstreamTimeoutMs, 100, 120_000, errors);
  const port = readInt(env, 'PORT', ENV_DEFAULTS.port, 0, 65_535, errors);
  const simulatorSpeed = readInt(env, 'MIXSCOPE_SIMULATOR_SPEED', ENV_DEFAULTS.simulatorSpeed, 1, 3600, errors);
  const host = readHost(env, errors);
  const dataDir = read(env, 'MIXSCOPE_DATA_DIR') ?? ENV_DEFAULTS.dataDir;
  if (/[\0\n\r]/.test(dataDir)) errors.push('MIXSCOPE_DATA_DIR contains a NUL or line break; set it to a directory path such as ./data.');
  const databaseRaw = read(env, 'MIXSCOPE_DATABASE_URL');
  const database = databaseRaw === undefined ? undefined : parseDatabaseUrl(databaseRaw);
  if (database?.ok === false) errors.push(database.error);
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    errors.push(`MIXSCOPE_TOKEN is shorter than ${MIN_TOKEN_LENGTH} characters (value not shown), short enough to guess. Make a random one with: openssl rand -hex 24`);
  }
  if (upstream === 'volcengine' && endpoint.protocol === 'http:' && sessionToken !== undefined) {
    warnings.push('VOLC_ENDPOINT uses plain http, so VOLC_SESSION_TOKEN travels unencrypted. Use https.');
  }
  const callbackSecret = readSecret(env, 'MIXSCOPE_CALLBACK_SECRET', errors);
  const callbackWatchRaw = read(env, 'MIXSCOPE_CALLBACK_WATCH')?.trim();
  if (callbackWatchRaw !== undefined && callbackWatchRaw !== '0' && callbackWatchRaw !== '1') {
    errors.push(`MIXSCOPE_CALLBACK_WATCH is ${show(callbackWatchRaw)}; it must be 1 (watch the tasks callbacks name, the default) or 0 (only store the events).`);
  }
  const governance: GovernanceConfig = {
    cacheMs: readCacheMs(read(env, 'MIXSCOPE_CACHE_MS'), errors),
    appIds: readAppIds(read(env, 'MIXSCOPE_APP_IDS'), errors),
    allowedHosts: readAllowedHosts(read(env, 'MIXSCOPE_ALLOWED_HOSTS'), errors),
    simulatorFaults: readSimulatorFaults(read(env, 'MIXSCOPE_SIMULATOR_FAULTS'), upstream === 'simulator', errors),
  };
  const pullRules = parsePullRules(read(env, 'MIXSCOPE_PULL_RULES'), errors);
  const pullHosts = parsePullHosts(read(env, 'MIXSCOPE_PULL_HOSTS'), errors);
  const sweep = readSweepConfig(read(env, 'MIXSCOPE_SWEEP_APP_IDS'), read(env, 'MIXSCOPE_SWEEP_PERIOD_MS'), governance.appIds, errors);
  if (errors.length > 0) return { ok: false, errors };

  const credentials = upstream === 'volcengine' && accessKeyId !== undefined && secretKey !== undefined
    ? { accessKeyId, secretKey, ...(sessionToken !== undefined ? { sessionToken } : {}) }
    : undefined;
  return {
    ok: true,
    warnings,
    config: {
      upstream, credentials, region, endpoint: endpoint.origin, endpointHost: endpoint.host,
      qps, dataDir, token, host, port, upstreamTimeoutMs, simulatorSpeed, pullRules, pullHosts, ...governance,
      callbackSecret, callbackWatch: callbackWatchRaw !== '0', ...(sweep ? { sweep } : {}),
      ...(database?.ok ? { database: database.target } : {}),
    },
  };
}
