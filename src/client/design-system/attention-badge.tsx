import { useTranslation } from 'react-i18next';
import type { Attention } from '../../shared/history-api.ts';
import { ATTENTION_GLYPH, ATTENTION_TONE } from './attention-style.ts';

const MUTED = 'bg-transparent text-slate-600 ring-1 ring-inset ring-slate-300 dark:text-slate-400 dark:ring-slate-700';

/** `muted` for a count of zero: still glyph and words, without the state's colour. */
export function AttentionBadge({ attention, count, muted = false }: { attention: Attention; count?: number; muted?: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      data-attention={attention}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-medium ${muted ? MUTED : ATTENTION_TONE[attention]}`}
    >
      <span aria-hidden="true">{ATTENTION_GLYPH[attention]}</span>
      <span>{t(`watch.attention.${attention}`)}</span>
      {count !== undefined && <span className="font-semibold tabular-nums">{count}</span>}
    </span>
  );
}
