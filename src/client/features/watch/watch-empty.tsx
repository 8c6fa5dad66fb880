import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { QUERY_FORM_HREF } from '../../lib/query-form-link.ts';

/** What watching does, for a list with nothing on it yet. */
export function WatchEmpty() {
  const { t } = useTranslation();
  return (
    <section data-testid="watch-empty" aria-labelledby="watch-empty-title" className="max-w-3xl rounded-lg border border-dashed border-slate-300 bg-white p-6 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="watch-empty-title" className="text-lg font-semibold"><span aria-hidden="true">◎ </span>{t('watch.empty.title')}</h2>
      <p className="mt-2 text-sm leading-relaxed text-slate-700 dark:text-slate-300">{t('watch.empty.body')}</p>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t('watch.empty.how')}</p>
      <Link href={QUERY_FORM_HREF} className="mt-4 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white">
        {t('watch.empty.openForm')}
      </Link>
    </section>
  );
}
