import { parseTimeDisplay, TIME_DISPLAY_COOKIE, TIME_DISPLAYS, type TimeDisplay } from '../../shared/page-preferences.ts';
import { formatDateTime, formatRelative } from './time-format.ts';
import { storedSetting, useStoredSetting } from './stored-setting.ts';

/** How every time on screen is written: local time, UTC, or relative to now. One choice, remembered. */
export const TIME_MODES = TIME_DISPLAYS;
export type TimeMode = TimeDisplay;

export const timeModeSetting = storedSetting<TimeMode>(TIME_DISPLAY_COOKIE, (raw) => parseTimeDisplay(raw) ?? 'local', (m) => m, { cookie: true });

export const useTimeMode = () => useStoredSetting(timeModeSetting);

/** A point in time as the user chose to read it. `now` is only used by the relative mode. */
export function formatInstant(ms: number, mode: TimeMode, locale: string, now: number): string {
  if (mode === 'relative') return formatRelative(ms, now, locale);
  return formatDateTime(ms, locale, mode === 'utc' ? 'UTC' : undefined);
}

/** The other reading, for a tooltip: the absolute time when relative is shown, else the relative one. */
export function formatInstantAlt(ms: number, mode: TimeMode, locale: string, now: number): string {
  return mode === 'relative' ? formatDateTime(ms, locale) : formatRelative(ms, now, locale);
}
