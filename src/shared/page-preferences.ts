/**
 * The choices a browser remembers that the server needs to render a page as the browser would
 * (a /task link's HTML): kept in localStorage by the client and copied into cookies of the same
 * names, read back here. Only these names, only valid values: anything else reads as unset.
 */
export const THEME_COOKIE = 'mixscope.theme';
export const LANGUAGE_COOKIE = 'mixscope.language';
/** local, utc or relative: how times are written (client/lib/time-setting.ts). */
export const TIME_DISPLAY_COOKIE = 'mixscope.timeDisplay';
/** The browser's IANA time zone, which "local" times are written in. */
export const TIME_ZONE_COOKIE = 'mixscope.timeZone';

/** A theme picked by the user (the system's otherwise), from storage or a cookie. */
export function parseTheme(raw: string | null | undefined): 'light' | 'dark' | undefined {
  return raw === 'light' || raw === 'dark' ? raw : undefined;
}

/** A language picked by the user, from storage or a cookie. */
export function parseLanguage(raw: string | null | undefined): 'en' | 'zh' | undefined {
  return raw === 'en' || raw === 'zh' ? raw : undefined;
}

/** The interface language for a browser's language tag ("zh-CN", or an Accept-Language list). */
export const languageOfTag = (tag: string | undefined): 'en' | 'zh' => ((tag ?? '').trim().toLowerCase().startsWith('zh') ? 'zh' : 'en');

export const TIME_DISPLAYS = ['local', 'utc', 'relative'] as const;
export type TimeDisplay = (typeof TIME_DISPLAYS)[number];

/** A time display picked by the user, from storage or a cookie. */
export function parseTimeDisplay(raw: string | null | undefined): TimeDisplay | undefined {
  return TIME_DISPLAYS.find((d) => d === raw);
}

/** A cookie's value from a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The theme the user picked, or undefined when the page follows the system's. */
export function requestTheme(cookieHeader: string | undefined): 'light' | 'dark' | undefined {
  return parseTheme(cookieValue(cookieHeader, THEME_COOKIE));
}

/** The language the user picked, else the first one the browser asks for (zh or en). */
export function requestLanguage(cookieHeader: string | undefined, acceptLanguage: string | undefined): 'en' | 'zh' {
  return parseLanguage(cookieValue(cookieHeader, LANGUAGE_COOKIE)) ?? languageOfTag(acceptLanguage);
}

/** How times are written, when the user chose. */
export function requestTimeDisplay(cookieHeader: string | undefined): TimeDisplay | undefined {
  return parseTimeDisplay(cookieValue(cookieHeader, TIME_DISPLAY_COOKIE));
}

/** The browser's time zone, if it names one this runtime knows (else local times are the server's). */
export function requestTimeZone(cookieHeader: string | undefined): string | undefined {
  const raw = cookieValue(cookieHeader, TIME_ZONE_COOKIE);
  if (raw === undefined) return undefined;
  let zone: string;
  try {
    zone = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
