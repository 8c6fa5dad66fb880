import { LANGUAGE_COOKIE, languageOfTag, parseLanguage } from '../../shared/page-preferences.ts';

/**
 * The interface languages and the one a page starts in. Free of i18next, so the page's set-up
 * (boot/page-setup.ts) reads the choice before i18next starts.
 */

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh', label: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

/** localStorage's key, and the cookie's name the server reads (shared/page-preferences.ts). */
export const LANGUAGE_STORAGE_KEY = LANGUAGE_COOKIE;

/** The language the user picked on this browser, if any. */
export const savedLanguage = (): Language | undefined => parseLanguage(globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY));

/** The remembered choice, else the browser's language, else English. */
export function initialLanguage(): Language {
  return savedLanguage() ?? languageOfTag(globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language);
}

/** The <html lang> of a language. */
export const htmlLang = (lang: Language): string => (lang === 'zh' ? 'zh-CN' : 'en');

