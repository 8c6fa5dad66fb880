/**
 * Copies a remembered choice into a cookie the server reads when it renders a page
 * (shared/page-preferences.ts); undefined removes it. A year, this site only, never sent to
 * another site's requests. Storage refused: the server renders the defaults, nothing breaks.
 */
export function rememberForServer(name: string, value: string | undefined): void {
  try {
    document.cookie = value === undefined
      ? `${name}=; Path=/; Max-Age=0; SameSite=Lax`
      : `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=31536000; SameSite=Lax`;
  } catch {
    // cookies disabled
  }
}
