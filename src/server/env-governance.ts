import { isIP } from 'node:net';
import { ID_PATTERN } from '../shared/task-ref.ts';

/**
 * The governance and security variables, read from raw values so env.ts stays the one
 * place that knows the environment. Each reader pushes a message that names its variable.
 */

export interface GovernanceConfig {
  /** MIXSCOPE_CACHE_MS: how long an answer is reused for everyone (0: never). */
  cacheMs: number;
  /** MIXSCOPE_APP_IDS: the only AppIds this server queries; undefined allows any. */
  appIds: readonly string[] | undefined;
  /** MIXSCOPE_ALLOWED_HOSTS: extra Host header names accepted when no token is set. */
  allowedHosts: readonly string[];
  /** MIXSCOPE_SIMULATOR_FAULTS=1: the fault switch at /api/simulator/faults (simulator only). */
  simulatorFaults: boolean;
}

// The cache lasts the task page's polling period (2 s): however many people watch a task, it costs
// one upstream call per period.
export const GOVERNANCE_DEFAULTS = { cacheMs: 2_000, maxCacheMs: 60_000 } as const;

const show = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

const items = (raw: string) => raw.split(',').map((s) => s.trim()).filter((s) => s !== '');

export function readCacheMs(raw: string | undefined, errors: string[]): number {
  if (raw === undefined) return GOVERNANCE_DEFAULTS.cacheMs;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n > GOVERNANCE_DEFAULTS.maxCacheMs) {
    errors.push(`MIXSCOPE_CACHE_MS is ${show(raw)}; it must be a whole number of milliseconds from 0 (no cache) to ${GOVERNANCE_DEFAULTS.maxCacheMs}. Unset it for the default ${GOVERNANCE_DEFAULTS.cacheMs}.`);
    return GOVERNANCE_DEFAULTS.cacheMs;
  }
  return n;
}

export function readAppIds(raw: string | undefined, errors: string[]): readonly string[] | undefined {
  if (raw === undefined) return undefined;
  const list = items(raw);
  const bad = list.filter((id) => !ID_PATTERN.test(id));
  if (bad.length > 0) {
    errors.push(`MIXSCOPE_APP_IDS has ${bad.map(show).slice(0, 3).join(', ')}, which ${bad.length === 1 ? 'is not an AppId' : 'are not AppIds'}: give AppIds (letters, digits, _ @ . -, up to 128 characters) separated by commas, or unset it to allow any AppId.`);
    return undefined;
  }
  if (list.length === 0) {
    errors.push('MIXSCOPE_APP_IDS is set but lists no AppId; give at least one, separated by commas, or unset it to allow any AppId.');
    return undefined;
  }
  return [...new Set(list)];
}

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

export function readAllowedHosts(raw: string | undefined, errors: string[]): readonly string[] {
  if (raw === undefined) return [];
  const list = items(raw).map((h) => h.replace(/^\[(.*)\]$/, '$1').toLowerCase());
  const bad = list.filter((h) => !HOST_NAME.test(h) && isIP(h) === 0);
  if (bad.length > 0) {
    errors.push(`MIXSCOPE_ALLOWED_HOSTS has ${bad.map(show).slice(0, 3).join(', ')}: list host names or IP addresses without scheme or port, separated by commas (e.g. mixscope.internal,10.0.0.5).`);
    return [];
  }
  return [...new Set(list)];
}

export function readSimulatorFaults(raw: string | undefined, simulator: boolean, errors: string[]): boolean {
  if (raw === undefined) return false;
  const v = raw.trim().toLowerCase();
  const on = v === '1' || v === 'true';
  if (!on && v !== '0' && v !== 'false') {
    errors.push(`MIXSCOPE_SIMULATOR_FAULTS is ${show(raw)}; it must be 1 (on) or 0 (off).`);
    return false;
  }
  if (on && !simulator) {
    errors.push('MIXSCOPE_SIMULATOR_FAULTS=1 works only with the embedded simulator (MIXSCOPE_UPSTREAM=simulator): faults are never injected into calls to Volcengine. Unset it.');
    return false;
  }
  return on;
}
