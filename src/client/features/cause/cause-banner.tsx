import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { explainTask, type CauseSeverity } from '../../../shared/task-cause.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import { causeText, SEVERITY_GLYPH } from './cause-text.ts';

const TONE: Record<CauseSeverity, string> = {
  ok: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-50',
  info: 'border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
  warning: 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-50',
  error: 'border-orange-500 bg-orange-50 text-orange-950 dark:border-orange-500 dark:bg-orange-950 dark:text-orange-50',
};

/** Cause first: the task's state in plain words and what to check next, above everything else. */
export function CauseBanner({ model }: { model: TaskModel }) {
  const { t } = useTranslation();
  const headlineId = useId();
  const cause = explainTask(model);
  const { headline, checks } = causeText(t, cause);
  return (
    <section
      aria-labelledby={headlineId}
      data-testid="cause-banner"
      data-code={cause.code}
      data-severity={cause.severity}
      className={`rounded-lg border-l-4 border p-4 ${TONE[cause.severity]}`}
    >
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-sm font-semibold uppercase tracking-wide">
          <span aria-hidden="true">{SEVERITY_GLYPH[cause.severity]} </span>
          {t(`cause.severity.${cause.severity}`)}
        </span>
        <span id={headlineId} className="text-base font-semibold">{headline}</span>
      </p>
      {checks.length > 0 && (
        <div className="mt-2 text-sm">
          <h2 className="font-medium">{t('cause.checkNext')}</h2>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {checks.map((c) => <li key={c}>{c}</li>)}
          </ul>
        </div>
      )}
    </section>
  );
}
