import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { sendError } from './api-errors.ts';
import { signInPage } from './sign-in-page.ts';

export const TOKEN_COOKIE = 'mixscope_token';

/**
 * Constant-time comparison of a presented token with MIXSCOPE_TOKEN. Hashing both first gives
 * equal-length buffers for timingSafeEqual and hides the token's length.
 */
export function tokenMatches(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** `Authorization: Bearer <token>` (for scripts) or the `mixscope_token` cookie (for the browser). */
export function presentedToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const bearer = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  return bearer ?? getCookie(c, TOKEN_COOKIE);
}

/** Paths that must work before signing in: the sign-in itself. */
const OPEN_PATHS = new Set(['/api/session']);

/**
 * When MIXSCOPE_TOKEN is set, every API call and every page needs it. API callers get a 401 JSON
 * body; a browser asking for a page gets a minimal sign-in form instead.
 */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (token === undefined || OPEN_PATHS.has(c.req.path)) return next();
    const given = presentedToken(c);
    if (given !== undefined && tokenMatches(given, token)) return next();
    c.header('WWW-Authenticate', 'Bearer realm="mixscope"');
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      return sendError(c, 401, {
        kind: 'unauthorized',
        message: given === undefined
          ? 'This mixscope server needs its access token (MIXSCOPE_TOKEN): sign in, or send Authorization: Bearer <token>.'
          : 'The access token given does not match MIXSCOPE_TOKEN.',
      });
    }
    c.header('Cache-Control', 'no-store');
    if (c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html')) {
      const url = new URL(c.req.url);
      return c.html(signInPage(url.pathname + url.search, given !== undefined), 401);
    }
    return c.text('Unauthorized: this mixscope server needs its access token.', 401);
  };
}
