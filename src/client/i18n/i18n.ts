import i18next, { type InitOptions } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zh } from './zh.ts';
import { englishEnumMessages } from './enum-tables.ts';
import { enumCommonZh, enumZh } from './enum-zh.ts';
import { FEATURE_MESSAGES } from './feature-messages.ts';
import { serverErrorZh } from './server-error-zh.ts';
import { warningZh } from './warning-zh.ts';
import { rememberForServer } from '../lib/server-cookie.ts';
import { htmlLang, initialLanguage, LANGUAGE_STORAGE_KEY, type Language } from './language.ts';

export { LANGUAGES, type Language } from './language.ts';

export function rememberLanguage(lang: Language): void {
  globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lang);
  rememberForServer(LANGUAGE_STORAGE_KEY, lang);
  document.documentElement.lang = htmlLang(lang);
  void i18next.changeLanguage(lang);
}

function features(lang: 'en' | 'zh'): Record<string, unknown> {
  return Object.fromEntries(Object.entries(FEATURE_MESSAGES).map(([ns, m]) => [ns, m[lang]]));
}

/** How i18next starts in a language: the strings the first page needs (the rest load with their pages). */
export function i18nOptions(lng: Language): InitOptions {
  return {
    lng,
    fallbackLng: 'en',
    resources: {
      en: { translation: { ...en, ...features('en'), enum: englishEnumMessages(), enumCommon: { unknown: 'unknown ({{value}})', absent: 'not reported' } } },
      zh: { translation: { ...zh, ...features('zh'), enum: enumZh, enumCommon: enumCommonZh, warning: warningZh, serverError: serverErrorZh } },
    },
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  };
}

export function setupI18n(): typeof i18next {
  const lng = initialLanguage();
  document.documentElement.lang = htmlLang(lng);
  void i18next.use(initReactI18next).init(i18nOptions(lng));
  return i18next;
}
