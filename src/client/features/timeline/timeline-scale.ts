import { scaleLinear, scaleTime, scaleUtc } from 'd3-scale';
import { formatDuration } from '../../lib/time-format.ts';
import type { TimeMode } from '../../lib/time-setting.ts';
import type { ViewRange } from './view-range.ts';

/** Time to pixels across the plot, and axis ticks in the user's time reading. */

export function xScale(view: ViewRange, width: number) {
  return scaleLinear().domain([view.from, view.to]).range([0, width]);
}

/** About one tick per 110 px, at round times: local or UTC clock times, or round offsets from the start. */
export function axisTicks(view: ViewRange, width: number, mode: TimeMode, start: number): number[] {
  const count = Math.max(2, Math.floor(width / 110));
  if (mode === 'relative') {
    // Offsets from the start, laid on the UTC epoch so d3 picks round durations (10 min, 1 h, ...).
    return scaleUtc().domain([view.from - start, view.to - start]).ticks(count).map((d) => d.getTime() + start);
  }
  const scale = mode === 'utc' ? scaleUtc() : scaleTime();
  return scale.domain([view.from, view.to]).ticks(count).map((d) => d.getTime());
}

const DAY = 86_400_000;

/** "14:05", "14:05:30", "11/24 14:05", or "+1h 5m" from the start. */
export function tickFormatter(ticks: readonly number[], mode: TimeMode, locale: string, start: number): (ms: number) => string {
  const step = ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : DAY;
  if (mode === 'relative') {
    return (ms) => (ms - start < 0 ? `−${formatDuration(start - ms, locale)}` : `+${formatDuration(ms - start, locale)}`);
  }
  const span = (ticks.at(-1) ?? 0) - (ticks[0] ?? 0);
  const withDate = span >= DAY * 0.8 || step >= DAY;
  const fmt = new Intl.DateTimeFormat(locale, {
    hourCycle: 'h23', // 00:13, not 24:13 (what hour12: false gives in some ICU versions)
    ...(mode === 'utc' ? { timeZone: 'UTC' } : {}),
    ...(withDate ? { month: '2-digit', day: '2-digit' } : {}),
    ...(step >= DAY ? {} : { hour: '2-digit', minute: '2-digit' }),
    ...(step < 60_000 ? { second: '2-digit' } : {}),
  });
  return (ms) => fmt.format(ms);
}
