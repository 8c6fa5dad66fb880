import { htmlLang, initialLanguage, LANGUAGE_STORAGE_KEY, savedLanguage } from '../i18n/language.ts';
import { parseTimeDisplay, TIME_DISPLAY_COOKIE, TIME_ZONE_COOKIE } from '../../shared/page-preferences.ts';
import { rememberForServer } from '../lib/server-cookie.ts';
import { applyTheme, rememberThemeForServer, savedTheme } from '../lib/theme.ts';

/**
 * Done once per page, before the first render: the theme class and the language on <html>, and
 * the choices the server renders pages with (theme, language, time display, the browser's time
 * zone) in cookies.
 */
export function setUpPage(): void {
  const theme = savedTheme();
  applyTheme(theme);
  const language = initialLanguage();
  // Choices remembered before the server read cookies: copied, so its next page matches.
  rememberThemeForServer(theme);
  const saved = savedLanguage();
  if (saved) rememberForServer(LANGUAGE_STORAGE_KEY, saved);
  const display = parseTimeDisplay(globalThis.localStorage?.getItem(TIME_DISPLAY_COOKIE));
  if (display) rememberForServer(TIME_DISPLAY_COOKIE, display);
  document.documentElement.lang = htmlLang(language);
  rememberForServer(TIME_ZONE_COOKIE, Intl.DateTimeFormat().resolvedOptions().timeZone);
}
