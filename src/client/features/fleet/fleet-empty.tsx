import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { QUERY_FORM_HREF } from '../../lib/query-form-link.ts';

/** No task known yet: how tasks get here. */
export function FleetEmpty() {
  const { t } = useTranslation();
  return (
    <section data-testid="fleet-empty" aria-labelledby="fleet-empty-title" className="max-w-3xl rounded-lg border border-dashed border-slate-300 bg-white p-6 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="fleet-empty-title" className="text-lg font-semibold"><span aria-hidden="true">◎ </span>{t('fleet.empty.title')}</h2>
      <p className="mt-2 text-sm leading-relaxed text-slate-700 dark:text-slate-300">{t('fleet.empty.body')}</p>
      <Link href={QUERY_FORM_HREF} className="mt-4 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white">
        {t('fleet.addByHand')}
      </Link>
    </section>
  );
}
