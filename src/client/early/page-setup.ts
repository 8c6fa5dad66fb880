import { htmlLang, initialLanguage, LANGUAGE_STORAGE_KEY, savedLanguage } from '../i18n/language.ts';
import { parseTimeDisplay, TIME_DISPLAY_COOKIE, TIME_ZONE_COOKIE } from '../../shared/page-preferences.ts';
import { rememberForServer } from '../lib/server-cookie.ts';
import { applyTheme, rememberThemeForServer, savedTheme } from '../lib/theme.ts';

let done = false;

/**
 * What the first render would otherwise pay for in the middle of the critical path (link opened
 * to layout drawn), done once per page:
 * - the theme class and the language on <html>, before anything paints (reading the system's
 *   colour scheme the first time costs some 15 ms), and the choices the server renders pages with
 *   (theme, language, time display, the browser's time zone) in cookies;
 * - the ICU data behind Intl, loaded by a worker on another thread (icu-warm-worker.ts): the
 *   first Intl formatter of a page otherwise loads it on the main thread, 30 to 70 ms that the
 *   task page's first render used to spend on its "Updated now".
 * boot.ts calls it as soon as its small chunk is in, while the application's code is still on the
 * network; main.tsx calls it again, which does nothing unless boot.ts has not run yet.
 */
export function setUpPage(): void {
  if (done) return;
  done = true;
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
  warmIcu(language);
}

function warmIcu(language: string): void {
  if (typeof Worker === 'undefined') return;
  try {
    const worker = new Worker(new URL('./icu-warm-worker.ts', import.meta.url), { type: 'module', name: 'icu-warm' });
    worker.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data === 'string') rememberForServer(TIME_ZONE_COOKIE, event.data);
    };
    worker.postMessage(language);
  } catch {
    // Only a head start: without it the first formatter loads the data itself.
  }
}
