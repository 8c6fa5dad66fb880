import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MUTED_TEXT } from '../../design-system/surface.ts';

function Swatch({ kind }: { kind: 'observed' | 'inferred' | 'unknown' }) {
  const id = useId().replace(/:/g, '');
  return (
    <svg width={22} height={12} aria-hidden="true" className="shrink-0">
      <defs>
        <pattern id={`${id}-p`} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform={kind === 'unknown' ? 'rotate(45)' : undefined}>
          {kind === 'inferred'
            ? <circle cx={3} cy={3} r={1.3} className="fill-sky-600/70 dark:fill-sky-300/70" />
            : <line x1={0} y1={0} x2={0} y2={6} strokeWidth={2} className="stroke-slate-300 dark:stroke-slate-600" />}
        </pattern>
      </defs>
      {kind === 'observed' && <rect width={22} height={12} className="fill-sky-200 dark:fill-sky-800" />}
      {kind !== 'observed' && <rect width={22} height={12} fill={`url(#${id}-p)`} />}
      {kind === 'inferred' && <rect x={0.75} y={0.75} width={20.5} height={10.5} fill="none" strokeWidth={1.5} strokeDasharray="5 3" className="stroke-sky-700 dark:stroke-sky-300" />}
      {kind === 'unknown' && <rect x={0.25} y={0.25} width={21.5} height={11.5} fill="none" strokeWidth={0.5} className="stroke-slate-400 dark:stroke-slate-500" />}
    </svg>
  );
}

/** What the three kinds of span mean: seen by a poll, implied by the task's times, or not known. */
export function TimelineLegend({ inferred }: { inferred: boolean }) {
  const { t } = useTranslation();
  const kinds = inferred ? (['observed', 'inferred', 'unknown'] as const) : (['observed', 'unknown'] as const);
  return (
    <ul aria-label={t('timeline.legend.title')} data-testid="timeline-legend" className={`flex flex-wrap gap-x-4 gap-y-1 text-xs ${MUTED_TEXT}`}>
      {kinds.map((k) => (
        <li key={k} data-legend={k} className="flex items-center gap-1.5">
          <Swatch kind={k} />
          {t(`timeline.legend.${k}`)}
        </li>
      ))}
    </ul>
  );
}
