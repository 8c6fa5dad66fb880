import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{t('error.notFound')}</h1>
      <Link href="/" className="text-sky-700 underline dark:text-sky-300">{t('task.openForm')}</Link>
    </div>
  );
}
