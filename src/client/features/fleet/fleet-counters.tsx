import { useTranslation } from 'react-i18next';
import { ATTENTION, type Attention } from '../../../shared/history-api.ts';
import { AttentionBadge } from '../../design-system/attention-badge.tsx';

const TROUBLE: readonly Attention[] = ['failed', 'reconnecting'];

/** Counters per state that filter when clicked (pressed = shown); "in trouble" is failed + reconnecting. */
export function FleetCounters({ counts, selected, onSelect }: {
  counts: Record<Attention, number>;
  selected: readonly Attention[];
  onSelect: (states: Attention[]) => void;
}) {
  const { t } = useTranslation();
  const all = ATTENTION.reduce((n, a) => n + (counts[a] ?? 0), 0);
  const same = (states: readonly Attention[]) => states.length === selected.length && states.every((s) => selected.includes(s));
  const button = 'rounded-full focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600';
  const ring = (on: boolean) => (on ? 'ring-2 ring-slate-900 ring-offset-1 dark:ring-slate-100 dark:ring-offset-slate-950' : '');
  return (
    <section aria-label={t('fleet.counters')}>
      <ul className="flex flex-wrap gap-2" data-testid="fleet-counters">
        <li>
          <button type="button" data-testid="counter-all" aria-pressed={selected.length === 0} onClick={() => onSelect([])} className={`${button} ${ring(selected.length === 0)} inline-flex items-center gap-1.5 bg-white px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:ring-slate-600`}>
            {t('fleet.all')} <span className="font-semibold tabular-nums">{all}</span>
          </button>
        </li>
        <li>
          <button type="button" data-testid="counter-trouble" aria-pressed={same(TROUBLE)} onClick={() => onSelect([...TROUBLE])} className={`${button} ${ring(same(TROUBLE))} inline-flex items-center gap-1.5 bg-white px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ring-orange-700 dark:bg-slate-900 dark:ring-orange-400`}>
            <span aria-hidden="true">⚠</span> {t('fleet.trouble')} <span className="font-semibold tabular-nums">{TROUBLE.reduce((n, a) => n + (counts[a] ?? 0), 0)}</span>
          </button>
        </li>
        {ATTENTION.map((a) => (
          <li key={a}>
            <button type="button" data-testid={`counter-${a}`} aria-pressed={same([a])} onClick={() => onSelect(same([a]) ? [] : [a])} className={`${button} ${ring(same([a]))}`}>
              <AttentionBadge attention={a} count={counts[a] ?? 0} muted={!counts[a]} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
