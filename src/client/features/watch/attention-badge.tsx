import { useTranslation } from 'react-i18next';
import type { Attention } from '../../../shared/history-api.ts';
import { ATTENTION_GLYPH, ATTENTION_TONE } from './attention-style.ts';

export function AttentionBadge({ attention, count }: { attention: Attention; count?: number }) {
  const { t } = useTranslation();
  return (
    <span
      data-attention={attention}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${ATTENTION_TONE[attention]}`}
    >
      <span aria-hidden="true">{ATTENTION_GLYPH[attention]}</span>
      <span>{t(`watch.attention.${attention}`)}</span>
      {count !== undefined && <span className="font-semibold tabular-nums">{count}</span>}
    </span>
  );
}
