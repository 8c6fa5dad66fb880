import { storedSetting, useStoredSetting } from './stored-setting.ts';

/** Live polling, calmly: paused or not, and how often. One choice for every live view, remembered. */
export const LIVE_INTERVALS_MS = [2_000, 5_000, 15_000, 60_000] as const;
export const DEFAULT_LIVE_INTERVAL_MS = 2_000;

export interface LiveSetting {
  paused: boolean;
  intervalMs: number;
}

function parse(raw: string | null): LiveSetting {
  const fallback = { paused: false, intervalMs: DEFAULT_LIVE_INTERVAL_MS };
  if (raw === null) return fallback;
  try {
    const v: unknown = JSON.parse(raw);
    if (v === null || typeof v !== 'object') return fallback;
    const paused = 'paused' in v && v.paused === true;
    const ms = 'intervalMs' in v ? v.intervalMs : undefined;
    const intervalMs = LIVE_INTERVALS_MS.find((i) => i === ms) ?? DEFAULT_LIVE_INTERVAL_MS;
    return { paused, intervalMs };
  } catch {
    return fallback;
  }
}

export const liveSetting = storedSetting<LiveSetting>('mixscope.live', parse, (s) => JSON.stringify(s));

export const useLiveSetting = () => useStoredSetting(liveSetting);

type BaseInterval<Q> = number | false | undefined | ((query: Q) => number | false | undefined);

/**
 * A query's own polling rule (for example "stop once the task ended") under the user's choice:
 * paused stops it, otherwise it polls at the chosen interval whenever the rule would poll at all.
 */
export function livePolling<Q>(base: BaseInterval<Q>, live: LiveSetting): (query: Q) => number | false {
  return (query) => {
    if (live.paused) return false;
    const own = typeof base === 'function' ? base(query) : base;
    return own === false || own === undefined || own <= 0 ? false : live.intervalMs;
  };
}
