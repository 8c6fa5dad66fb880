import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { DEMO_SCENARIOS, type DemoScenario } from '../../../shared/demo-scenarios.ts';
import { taskRefToSearch } from '../../../shared/task-ref.ts';
import { configQueries } from '../../lib/config-queries.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

const isProblem = (s: DemoScenario) => s.tags.includes('error') || s.tags.includes('fault');
const isLayout = (s: DemoScenario) => !isProblem(s) && s.tags.includes('layout') && !s.tags.includes('ended');

const GROUPS: { key: string; pick: (s: DemoScenario) => boolean }[] = [
  { key: 'demo.groupLayout', pick: isLayout },
  { key: 'demo.groupLifecycle', pick: (s) => !isProblem(s) && !isLayout(s) },
  { key: 'demo.groupErrors', pick: isProblem },
];

/** The simulator's named scenarios, one click each. Shown only when the server runs the simulator. */
export function DemoGallery() {
  const { t } = useTranslation();
  const { data } = useQuery(configQueries.server());
  if (data?.upstream !== 'simulator') return null;
  return (
    <section aria-labelledby="demo-title" data-testid="demo-gallery" className="space-y-4">
      <div>
        <h2 id="demo-title" className="text-lg font-semibold">◆ {t('demo.title')}</h2>
        <p className={`text-sm ${MUTED_TEXT}`}>{t('demo.intro')}</p>
      </div>
      {GROUPS.map((group) => (
        <div key={group.key}>
          <h3 className={`mb-2 text-sm font-semibold uppercase tracking-wide ${MUTED_TEXT}`}>{t(group.key)}</h3>
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
            {DEMO_SCENARIOS.filter(group.pick).map((s) => (
              <li key={s.id}>
                <Link
                  href={`/task?${taskRefToSearch(s.ref)}`}
                  data-scenario={s.id}
                  className="flex h-full flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3 hover:border-slate-400 hover:shadow-sm dark:border-slate-800 dark:bg-slate-900 dark:hover:border-slate-600"
                >
                  <span className="font-medium">{t(`demo.scenario.${s.id}.title`)}</span>
                  <span className={`text-sm ${MUTED_TEXT}`}>{t(`demo.scenario.${s.id}.description`)}</span>
                  <span className="mt-auto flex flex-wrap gap-1 pt-1">
                    {s.tags.map((tag) => (
                      <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">{t(`demo.tags.${tag}`)}</span>
                    ))}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
