import { ID_PATTERN } from '../../shared/task-ref.ts';

/** MIXSCOPE_SWEEP_APP_IDS and MIXSCOPE_SWEEP_PERIOD_MS, each bad value a message naming the variable. */

export interface SweepConfig {
  appIds: string[];
  periodMs: number;
}

export const DEFAULT_SWEEP_PERIOD_MS = 60_000;
const show = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

export function readSweepConfig(rawIds: string | undefined, rawPeriod: string | undefined, allowed: readonly string[] | undefined, errors: string[]): SweepConfig | undefined {
  const period = rawPeriod?.trim();
  let periodMs = DEFAULT_SWEEP_PERIOD_MS;
  if (period !== undefined && period !== '') {
    const n = /^\d{1,8}$/.test(period) ? Number(period) : NaN;
    if (!(n >= 1000 && n <= 3_600_000)) errors.push(`MIXSCOPE_SWEEP_PERIOD_MS is ${show(period)}; it must be a whole number of milliseconds from 1000 to 3600000 (default 60000).`);
    else periodMs = n;
  }
  const text = rawIds?.trim();
  if (text === undefined || text === '') return undefined;
  const ids = [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  const bad = ids.find((id) => !ID_PATTERN.test(id));
  if (ids.length === 0 || bad !== undefined) {
    errors.push(`MIXSCOPE_SWEEP_APP_IDS is ${show(text)}; it must be a comma list of AppIds (1 to 128 characters of a-z, A-Z, 0-9, _, @, . and -), e.g. 5f1e0a2b3c4d5e6f7a8b9c0d,another-app.`);
    return undefined;
  }
  const outside = allowed === undefined ? [] : ids.filter((id) => !allowed.includes(id));
  if (outside.length > 0) {
    errors.push(`MIXSCOPE_SWEEP_APP_IDS names ${outside.map(show).join(', ')}, which MIXSCOPE_APP_IDS does not allow; add them to MIXSCOPE_APP_IDS or remove them from MIXSCOPE_SWEEP_APP_IDS.`);
    return undefined;
  }
  return { appIds: ids, periodMs };
}
