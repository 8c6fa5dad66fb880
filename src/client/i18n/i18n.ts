import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zh } from './zh.ts';
import { englishEnumMessages } from './enum-tables.ts';
import { enumCommonZh, enumZh } from './enum-zh.ts';
import { FEATURE_MESSAGES } from './feature-messages.ts';
import { serverErrorZh } from './server-error-zh.ts';
import { warningZh } from './warning-zh.ts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh', label: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'mixscope.language';

/** The remembered choice, else the browser's language, else English. */
export function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  const browser = globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language ?? 'en';
  return browser.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function rememberLanguage(lang: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  void i18next.changeLanguage(lang);
}

function features(lang: 'en' | 'zh'): Record<string, unknown> {
  return Object.fromEntries(Object.entries(FEATURE_MESSAGES).map(([ns, m]) => [ns, m[lang]]));
}

export function setupI18n(): typeof i18next {
  const lng = initialLanguage();
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: {
      en: { translation: { ...en, ...features('en'), enum: englishEnumMessages(), enumCommon: { unknown: 'unknown ({{value}})', absent: 'not reported' } } },
      zh: { translation: { ...zh, ...features('zh'), enum: enumZh, enumCommon: enumCommonZh, warning: warningZh, serverError: serverErrorZh } },
    },
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return i18next;
}
