import { TONE_CLASSES } from './status-badge.tsx';
import type { Attention } from '../../shared/history-api.ts';

/** Each watch-list state as glyph + words; colour only repeats them (colour-blind-safe tones). */
export const ATTENTION_GLYPH: Record<Attention, string> = {
  failed: '✕',
  reconnecting: '↻',
  starting: '◔',
  unknown: '?',
  running: '●',
  ended: '■',
};

/** The status badges' tones (design-system/status-badge.tsx), so a state looks the same on every screen. */
export const ATTENTION_TONE: Record<Attention, string> = {
  failed: TONE_CLASSES.bad,
  reconnecting: TONE_CLASSES.warning,
  starting: TONE_CLASSES.progress,
  unknown: 'bg-slate-100 text-slate-800 ring-1 ring-inset ring-slate-400 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-500',
  running: TONE_CLASSES.good,
  ended: TONE_CLASSES.neutral,
};
