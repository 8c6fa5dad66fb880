import { useTranslation } from 'react-i18next';
import { LANGUAGES, rememberLanguage, type Language } from '../i18n/i18n.ts';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <span className="sr-only">{t('nav.language')}</span>
      <span aria-hidden="true">文/A</span>
      <select
        value={i18n.language}
        onChange={(e) => rememberLanguage(e.target.value as Language)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code}>{l.label}</option>
        ))}
      </select>
    </label>
  );
}
