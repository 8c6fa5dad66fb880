import type { Attention } from '../../../shared/history-api.ts';

/** Each watch-list state as glyph + words; colour only repeats them (colour-blind-safe tones). */
export const ATTENTION_GLYPH: Record<Attention, string> = {
  failed: '✕',
  reconnecting: '↻',
  starting: '◔',
  unknown: '?',
  running: '●',
  ended: '■',
};

export const ATTENTION_TONE: Record<Attention, string> = {
  failed: 'bg-orange-100 text-orange-950 ring-orange-500 dark:bg-orange-950 dark:text-orange-100 dark:ring-orange-500',
  reconnecting: 'bg-amber-50 text-amber-900 ring-amber-400 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-600',
  starting: 'bg-indigo-50 text-indigo-900 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-700',
  unknown: 'bg-slate-100 text-slate-800 ring-slate-400 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-500',
  running: 'bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-700',
  ended: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600',
};
