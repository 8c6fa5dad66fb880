import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { QUERY_FORM_HREF } from '../../lib/query-form-link.ts';

/** Any path that is no page of the app (the server answers it with HTTP 404). */
export function NotFoundPage() {
  const { t } = useTranslation();
  const [path] = useLocation();
  return (
    <div data-testid="not-found" className="space-y-3">
      <h1 className="text-xl font-semibold">{t('error.notFound')}</h1>
      <p className="text-slate-700 dark:text-slate-300">{t('error.noPage', { path: path.slice(0, 200) })}</p>
      <Link href={QUERY_FORM_HREF} className="text-sky-700 underline dark:text-sky-300">{t('task.openForm')}</Link>
    </div>
  );
}
