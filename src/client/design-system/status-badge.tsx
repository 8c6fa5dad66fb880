import type { DescribedEnum, Tone } from '../../shared/volc-enums.ts';

/**
 * Colour-blind-safe tones (Okabe–Ito's blue, yellow and vermilion, and grey): the states differ in
 * lightness and outline as well as hue, so they stay apart without colour vision. "bad" is the
 * one solid badge; "progress" (starting, connecting) has a dashed outline; glyph and words
 * always come first. Every pair of text and background is at least 4.5:1.
 */
export const TONE_CLASSES: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-800 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600',
  good: 'bg-sky-50 text-sky-900 ring-1 ring-inset ring-sky-400 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-600',
  progress: 'border border-dashed border-indigo-500 bg-indigo-50 text-indigo-900 dark:border-indigo-300 dark:bg-indigo-950 dark:text-indigo-100',
  warning: 'bg-amber-100 text-amber-950 ring-1 ring-inset ring-amber-500 dark:bg-amber-900 dark:text-amber-50 dark:ring-amber-400',
  bad: 'bg-orange-700 text-white ring-1 ring-inset ring-orange-900 dark:bg-orange-400 dark:text-slate-950 dark:ring-orange-200',
};

/** A state as glyph + words, never colour alone. The colour only repeats what the text says. */
export function StatusBadge({ value, label, testId, size = 'normal' }: { value: DescribedEnum; label: string; testId?: string; size?: 'normal' | 'large' }) {
  return (
    <span
      data-testid={testId}
      data-value={value.value ?? ''}
      data-tone={value.tone ?? 'neutral'}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full font-medium ${size === 'large' ? 'px-3.5 py-1 text-xl' : 'px-2.5 py-0.5 text-sm'} ${TONE_CLASSES[value.tone ?? 'neutral']}`}
    >
      <span aria-hidden="true">{value.glyph}</span>
      <span>{label}</span>
    </span>
  );
}
