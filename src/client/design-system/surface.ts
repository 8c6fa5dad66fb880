/**
 * The class strings every page repeats, named once: a white (in dark, slate) rounded card, and
 * text that says something secondary. Tailwind finds the classes here.
 */
export const CARD = 'rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900';
export const MUTED_TEXT = 'text-slate-600 dark:text-slate-400';
