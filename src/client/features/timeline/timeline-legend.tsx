import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MUTED_TEXT } from '../../design-system/surface.ts';

type Kind = 'observed' | 'inferred' | 'demo' | 'unknown';

function Swatch({ kind }: { kind: Kind }) {
  const id = useId().replace(/:/g, '');
  return (
    <svg width={22} height={12} aria-hidden="true" className="shrink-0">
      <defs>
        <pattern id={`${id}-p`} width={kind === 'demo' ? 4 : 6} height={kind === 'demo' ? 4 : 6} patternUnits="userSpaceOnUse" patternTransform={kind === 'unknown' ? 'rotate(45)' : undefined}>
          {kind === 'inferred' && <circle cx={3} cy={3} r={1.3} className="fill-sky-600/70 dark:fill-sky-300/70" />}
          {kind === 'demo' && <line x1={0} y1={0.5} x2={4} y2={0.5} strokeWidth={1} className="stroke-teal-700/60 dark:stroke-teal-300/60" />}
          {kind === 'unknown' && <line x1={0} y1={0} x2={0} y2={6} strokeWidth={2} className="stroke-slate-300 dark:stroke-slate-600" />}
        </pattern>
      </defs>
      {kind === 'observed' && <rect width={22} height={12} className="fill-sky-200 dark:fill-sky-800" />}
      {kind === 'demo' && <rect width={22} height={12} opacity={0.7} className="fill-sky-200 dark:fill-sky-800" />}
      {kind !== 'observed' && <rect width={22} height={12} fill={`url(#${id}-p)`} />}
      {kind === 'inferred' && <rect x={0.75} y={0.75} width={20.5} height={10.5} fill="none" strokeWidth={1.5} strokeDasharray="5 3" className="stroke-sky-700 dark:stroke-sky-300" />}
      {kind === 'demo' && <rect x={0.75} y={0.75} width={20.5} height={10.5} fill="none" strokeWidth={1.5} strokeDasharray="2 2" className="stroke-teal-700 dark:stroke-teal-300" />}
      {kind === 'unknown' && <rect x={0.25} y={0.25} width={21.5} height={11.5} fill="none" strokeWidth={0.5} className="stroke-slate-400 dark:stroke-slate-500" />}
    </svg>
  );
}

interface Props {
  inferred: boolean;
  /** Demo history is drawn. */
  demo: boolean;
  /** The server runs the simulator: the reader may hide or show its demo history. */
  demoToggle?: { shown: boolean; set: (shown: boolean) => void } | undefined;
}

/** What the kinds of span mean: seen by a poll, implied by the task's times, computed by the simulator, or not known. */
export function TimelineLegend({ inferred, demo, demoToggle }: Props) {
  const { t } = useTranslation();
  const kinds: Kind[] = ['observed', ...(demo ? (['demo'] as const) : []), ...(inferred ? (['inferred'] as const) : []), 'unknown'];
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <ul aria-label={t('timeline.legend.title')} data-testid="timeline-legend" className={`flex flex-wrap gap-x-4 gap-y-1 text-xs ${MUTED_TEXT}`}>
        {kinds.map((k) => (
          <li key={k} data-legend={k} className="flex items-center gap-1.5">
            <Swatch kind={k} />
            {t(`timeline.legend.${k}`)}
          </li>
        ))}
      </ul>
      {demoToggle && (
        <button
          type="button"
          data-testid="demo-history-toggle"
          onClick={() => demoToggle.set(!demoToggle.shown)}
          className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {t(demoToggle.shown ? 'timeline.demo.hide' : 'timeline.demo.show')}
        </button>
      )}
    </div>
  );
}
