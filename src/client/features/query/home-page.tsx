import { useTranslation } from 'react-i18next';
import { QueryForm } from './query-form.tsx';
import { DemoGallery } from '../demo/demo-gallery.tsx';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <p className="text-slate-700 dark:text-slate-300">{t('app.tagline')}</p>
      <section className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <QueryForm />
      </section>
      <DemoGallery />
    </div>
  );
}
