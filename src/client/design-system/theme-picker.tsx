import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseTheme, savedTheme, type ThemeChoice } from '../lib/theme.ts';

const CHOICES: { value: ThemeChoice; key: string }[] = [
  { value: 'system', key: 'nav.themeSystem' },
  { value: 'light', key: 'nav.themeLight' },
  { value: 'dark', key: 'nav.themeDark' },
];

export function ThemePicker() {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<ThemeChoice>(savedTheme);
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <span className="sr-only">{t('nav.theme')}</span>
      <span aria-hidden="true">◐</span>
      <select
        value={choice}
        onChange={(e) => {
          const next = e.target.value as ThemeChoice;
          setChoice(next);
          chooseTheme(next);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>{t(c.key)}</option>
        ))}
      </select>
    </label>
  );
}
