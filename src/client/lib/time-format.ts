import { renderScope } from './render-scope.ts';

/** Times and durations through Intl, in the user's language. */

// Building an Intl formatter costs far more than using one (the timeline formats hundreds of
// spans per draw): one per locale and options, kept.
const dateTimes = new Map<string, Intl.DateTimeFormat>();
const units = new Map<string, Intl.NumberFormat>();
const relatives = new Map<string, Intl.RelativeTimeFormat>();
function kept<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let made = cache.get(key);
  if (made === undefined) {
    made = make();
    cache.set(key, made);
  }
  return made;
}

/** The zone "local" times are written in: the runtime's, except while the server renders a page. */
const localZone = renderScope<string | undefined>(undefined);

/** Runs `render` with local times written in `timeZone` (the browser's, from its cookie), for a page the server renders. */
export const inTimeZone = <T>(timeZone: string | undefined, render: () => T): T => localZone.run(timeZone, render);

export function formatDateTime(ms: number, locale: string, zone?: string): string {
  const timeZone = zone ?? localZone.current();
  return kept(dateTimes, `${locale}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', // 00:13, not 24:13 (what hour12: false gives in some ICU versions)
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  })).format(ms);
}

/** 1 h 02 min 05 s style, from milliseconds; negative durations read as zero. */
export function formatDuration(ms: number, locale: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
    kept(units, `${locale}|${u}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'narrow' })).format(value);
  if (h > 0) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  if (m > 0) return `${unit(m, 'minute')} ${unit(s, 'second')}`;
  return unit(s, 'second');
}

/** "3 minutes ago", "in 2 hours". */
export function formatRelative(ms: number, now: number, locale: string): string {
  const diff = ms - now;
  const abs = Math.abs(diff);
  const rtf = kept(relatives, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  if (abs < 60_000) return rtf.format(Math.round(diff / 1000), 'second');
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  return rtf.format(Math.round(diff / 86_400_000), 'day');
}
