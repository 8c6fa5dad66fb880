import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryForm, type QueryFormAction } from './query-form.tsx';
import { CapabilitiesPanel } from './capabilities-panel.tsx';
import { configQueries } from '../../lib/config-queries.ts';
import { Section } from '../../design-system/section.tsx';

/**
 * The first screen. On the simulator it is a demo: the form, what mixscope can do, and the
 * gallery of scenarios. With real keys it is an operator's: the form and the watch list.
 */
/** What the home page shows from other features; the route that composes it passes them in. */
export interface HomeParts {
  formAction: QueryFormAction;
  watchSummary: ReactNode;
  gallery: ReactNode;
}

export function HomePage({ parts }: { parts: HomeParts }) {
  const { t } = useTranslation();
  const { data } = useQuery(configQueries.server());
  const demo = data?.upstream === 'simulator';
  return (
    <div className="space-y-6" data-testid="home" data-variant={data === undefined ? 'loading' : demo ? 'demo' : 'live'}>
      <p className="text-slate-700 dark:text-slate-300">{t('app.tagline')}</p>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(20rem,2fr)]">
        <Section roomy>
          <QueryForm action={parts.formAction} />
        </Section>
        {data !== undefined && (demo ? <CapabilitiesPanel /> : parts.watchSummary)}
      </div>
      {parts.gallery}
    </div>
  );
}
