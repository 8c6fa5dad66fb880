import type { DescribedEnum, Tone } from '../../shared/volc-enums.ts';

const TONE_CLASSES: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600',
  good: 'bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-700',
  progress: 'bg-indigo-50 text-indigo-900 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-700',
  warning: 'bg-amber-50 text-amber-900 ring-amber-400 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-600',
  bad: 'bg-orange-100 text-orange-950 ring-orange-500 dark:bg-orange-950 dark:text-orange-100 dark:ring-orange-500',
};

/** A state as glyph + words, never colour alone. The colour only repeats what the text says. */
export function StatusBadge({ value, label, testId }: { value: DescribedEnum; label: string; testId?: string }) {
  return (
    <span
      data-testid={testId}
      data-value={value.value ?? ''}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${TONE_CLASSES[value.tone ?? 'neutral']}`}
    >
      <span aria-hidden="true">{value.glyph}</span>
      <span>{label}</span>
    </span>
  );
}
