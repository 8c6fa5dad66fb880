import { useTranslation } from 'react-i18next';
import type { StreamEntry } from '../../../shared/layout-model.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import type { FieldSource } from '../../../shared/task-document.ts';
import { streamsNotInBody } from './config-panels-format.ts';
import { useEnumLabel } from '../../i18n/use-enum-label.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

const CELL = 'px-2 py-1 align-top max-sm:px-1';
const HEAD = `${CELL} whitespace-nowrap`;

const sameStream = (a: StreamEntry, b: StreamEntry) => a.userId === b.userId && a.streamType.value === b.streamType.value;

/** TargetStreams or ExcludeStreams: each stream with its Index, type (default marked) and, for targets, its region. */
export function StreamsPanel({ model, which, source = 'task' }: { model: TaskModel; which: 'TargetStreams' | 'ExcludeStreams'; source?: FieldSource }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const absent = streamsNotInBody(model.task, which, source);
  const list = which === 'TargetStreams' ? model.targets : model.excludes;
  const other = which === 'TargetStreams' ? model.excludes : model.targets;
  const custom = !model.layout.approximate;
  return (
    <section aria-labelledby={`panel-${which}`} data-testid={`panel-${which}`} className="min-w-0">
      <h3 id={`panel-${which}`} className="mb-1 font-semibold">
        <span className="font-mono">{t(`panels.sections.${which}`)}</span>{' '}
        {!absent && <span className={`text-sm font-normal ${MUTED_TEXT}`}>· {t('panels.streams.count', { count: list.length })}</span>}
      </h3>
      {absent ? (
        <p className={`text-sm ${MUTED_TEXT}`} data-testid={`panel-${which}-absent`}>{t(`panels.streams.${absent}`)}</p>
      ) : list.length === 0 ? (
        <p className={`text-sm ${MUTED_TEXT}`}>{t(which === 'TargetStreams' ? 'panels.streams.targetsEmpty' : 'panels.streams.excludesEmpty')}</p>
      ) : (
        <div className="max-h-72 overflow-auto">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
                <th scope="col" className={`${HEAD} text-right`}>{t('panels.streams.index')}</th>
                <th scope="col" className={HEAD}>{t('panels.streams.userId')}</th>
                <th scope="col" className={HEAD}>{t('panels.streams.streamType')}</th>
                {which === 'TargetStreams' && custom && <th scope="col" className={HEAD}>{t('panels.streams.region')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((s, i) => {
                const regions = model.layout.regions.filter((r) => s.index !== undefined && r.streamIndex === s.index);
                const alsoOther = other.some((o) => sameStream(o, s));
                return (
                  <tr key={i} className="border-b border-slate-100 dark:border-slate-800">
                    <td className={`${CELL} text-right font-mono`}>{s.index ?? <span className={MUTED_TEXT}>{t('panels.streams.notIndexed')}</span>}</td>
                    <td className={`${CELL} font-mono break-all`}>
                      {s.userId ?? '—'}
                      {alsoOther && <span className="ml-1 text-xs text-amber-900 dark:text-amber-200">⚠ {t('panels.streams.excluded')}</span>}
                    </td>
                    <td className={CELL}>
                      <span className={s.streamType.defaulted ? 'text-slate-600 italic dark:text-slate-400' : undefined}>
                        {s.streamType.value} · {enumLabel('streamType', s.streamType.value).label}
                        {s.streamType.defaulted && ` (${t('panels.defaulted')})`}
                      </span>
                    </td>
                    {which === 'TargetStreams' && custom && (
                      <td className={`${CELL} font-mono text-xs`}>
                        {regions.length > 0 ? regions.map((r) => `Regions[${r.arrayIndex}]`).join(', ') : <span className="text-orange-800 dark:text-orange-300">✕ {t('panels.streams.noRegion')}</span>}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
