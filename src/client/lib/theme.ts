import { parseTheme, THEME_COOKIE } from '../../shared/page-preferences.ts';
import { rememberForServer } from './server-cookie.ts';

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = THEME_COOKIE;

export function savedTheme(): ThemeChoice {
  return parseTheme(globalThis.localStorage?.getItem(STORAGE_KEY)) ?? 'system';
}

function systemPrefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/** Puts .dark or .light on <html>; Tailwind's dark variant keys off the class. */
export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && systemPrefersDark());
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.classList.toggle('light', !dark);
}

export function chooseTheme(choice: ThemeChoice): void {
  if (choice === 'system') globalThis.localStorage?.removeItem(STORAGE_KEY);
  else globalThis.localStorage?.setItem(STORAGE_KEY, choice);
  rememberThemeForServer(choice);
  applyTheme(choice);
}

/** The choice in the cookie the server renders pages with; none for the system's theme. */
export function rememberThemeForServer(choice: ThemeChoice): void {
  rememberForServer(THEME_COOKIE, choice === 'system' ? undefined : choice);
}

/** Follows the system while the user has not chosen. */
export function watchSystemTheme(): () => void {
  const mq = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  const onChange = () => applyTheme(savedTheme());
  mq?.addEventListener('change', onChange);
  return () => mq?.removeEventListener('change', onChange);
}
