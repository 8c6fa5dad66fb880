import type { MixedSegment } from '../../../shared/timeline-downsample.ts';
import type { Tone } from '../../../shared/volc-enums.ts';

/** SVG fills per tone: light fills with dark text, dark fills with light text; glyphs carry meaning too. */
export const TONE_FILL: Record<Tone, string> = {
  neutral: 'fill-slate-200 dark:fill-slate-700',
  good: 'fill-sky-200 dark:fill-sky-800',
  progress: 'fill-indigo-200 dark:fill-indigo-800',
  warning: 'fill-amber-300 dark:fill-amber-700',
  bad: 'fill-orange-400 dark:fill-orange-700',
};

export const TEXT_FILL = 'fill-slate-900 dark:fill-slate-50';

/** Most serious first: a mixed span is coloured by the worst state in it. */
const SERIOUSNESS: Tone[] = ['bad', 'warning', 'progress', 'good', 'neutral'];

export function worstTone(tones: readonly Tone[]): Tone {
  return SERIOUSNESS.find((t) => tones.includes(t)) ?? 'neutral';
}

/** Rough width of a label at 12 px: CJK characters are about twice as wide as Latin ones. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 6.6;
  return w;
}

/**
 * A span too dense to draw one by one, as a tiny stacked bar: the state it spent most time in
 * fills it, and the most serious other state rises from the bottom by its share of the time.
 */
export function mixBars(m: MixedSegment, toneOf: (v: number | null) => Tone): { base: Tone; overlay?: { tone: Tone; share: number } } {
  const span = Math.max(1, m.to - m.from);
  let most = 0;
  m.time.forEach((t, i) => {
    if (t > (m.time[most] ?? 0)) most = i;
  });
  const base = toneOf(m.values[most] ?? null);
  const tones = m.values.map(toneOf);
  const worst = worstTone(tones);
  if (worst === base) return { base };
  const time = m.time.reduce<number>((sum, t, i) => sum + (tones[i] === worst ? t : 0), 0);
  return { base, overlay: { tone: worst, share: Math.min(1, time / span) } };
}
