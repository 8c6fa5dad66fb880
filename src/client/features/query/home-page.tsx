import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryForm, type QueryFormAction } from './query-form.tsx';
import { CapabilitiesPanel } from './capabilities-panel.tsx';
import { configQueries } from '../../lib/config-queries.ts';
import { Section } from '../../design-system/section.tsx';
import { QUERY_FORM_HREF } from '../../lib/query-form-link.ts';

/** What the home page shows from other features; the route that composes it passes them in. */
export interface HomeParts {
  formAction: QueryFormAction;
  watchSummary: ReactNode;
  gallery: ReactNode;
}

/**
 * The first screen. On the simulator it is a demo: the gallery of scenarios first, the form one
 * click away, then what mixscope can do. With real keys it is an operator's: the form and the
 * watch list side by side.
 */
export function HomePage({ parts }: { parts: HomeParts }) {
  const { t } = useTranslation();
  const { data } = useQuery(configQueries.server());
  const demo = data?.upstream === 'simulator';
  // A link that says "open the query form" lands here with the form open.
  const [openAtStart] = useState(() => globalThis.location?.hash === QUERY_FORM_HREF.slice(1));
  const form = (
    <Section roomy>
      <QueryForm action={parts.formAction} />
    </Section>
  );
  return (
    <div className="space-y-6" data-testid="home" data-variant={data === undefined ? 'loading' : demo ? 'demo' : 'live'}>
      <p className="text-slate-700 dark:text-slate-300">{t('app.tagline')}</p>
      {demo ? (
        <>
          <details id={QUERY_FORM_HREF.slice(2)} open={openAtStart || undefined} data-testid="query-disclosure" className="group">
            <summary className="inline-flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true" className="transition-transform group-open:rotate-90">▸</span>
              {t('home.openById')}
            </summary>
            <div className="mt-3 max-w-3xl">{form}</div>
          </details>
          {parts.gallery}
          <CapabilitiesPanel />
        </>
      ) : data !== undefined && (
        // Not before the server has said which face to show: a form that then folds away would jump.
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(20rem,2fr)]">
          {form}
          {parts.watchSummary}
        </div>
      )}
    </div>
  );
}
