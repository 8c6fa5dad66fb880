import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutWarnings, type LayoutWarning } from '../../../shared/layout-warnings.ts';
import type { TaskModel } from '../../../shared/task-model.ts';

const SEVERITY: Record<LayoutWarning['severity'], { glyph: string; classes: string }> = {
  error: { glyph: '✕', classes: 'border-orange-500 bg-orange-50 dark:bg-orange-950' },
  warning: { glyph: '⚠', classes: 'border-amber-400 bg-amber-50 dark:bg-amber-950' },
  info: { glyph: 'ℹ', classes: 'border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-800' },
};

/** Layout warnings in plain words with a fix, each linked to the regions it is about. */
export function WarningList({ model, onSelect }: { model: TaskModel; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const warnings = useMemo(() => layoutWarnings(model), [model]);
  return (
    <section aria-labelledby="warnings-title">
      <h3 id="warnings-title" className="mb-2 font-semibold">{t('task.warnings')} ({warnings.length})</h3>
      {warnings.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">✓ {t('task.noWarnings')}</p>
      ) : (
        <ul data-testid="warning-list" className="max-h-80 space-y-2 overflow-y-auto pr-1">
          {warnings.map((w) => {
            const s = SEVERITY[w.severity];
            return (
              <li key={w.id} data-code={w.code} data-severity={w.severity} className={`rounded-md border-l-4 p-2 text-sm ${s.classes}`}>
                <p>
                  <span aria-hidden="true">{s.glyph} </span>
                  <span className="sr-only">{w.severity}: </span>
                  {t(`warning.${w.code}.message`, { ...w.params, defaultValue: w.message })}
                </p>
                <p className="mt-0.5 text-slate-700 dark:text-slate-300">→ {t(`warning.${w.code}.fix`, { ...w.params, defaultValue: w.fix })}</p>
                {w.regionIds.length > 0 && (
                  <button type="button" onClick={() => onSelect(w.regionIds[0] ?? '')} className="mt-1 text-xs text-sky-700 underline dark:text-sky-300">
                    {w.regionIds.join(', ')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
