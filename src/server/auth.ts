import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { CALLBACK_PATH } from '../shared/callback-api.ts';
import { sendError } from './api-errors.ts';
import { createCredentialThrottle, remoteAddress, type CredentialThrottle } from './security/attempt-limiter.ts';
import { SESSION_TTL_MS, sessionSigner } from './security/signed-session.ts';
import { signInPage } from './sign-in-page.ts';

/** The signed session (signed-session.ts); it never holds the token. */
export const SESSION_COOKIE = 'mixscope_session';
/** Where older versions kept the raw token: cleared on sign-in and sign-out, never read. */
const LEGACY_COOKIE = 'mixscope_token';

/**
 * Constant-time comparison of a presented token with MIXSCOPE_TOKEN. Hashing both first gives
 * equal-length buffers for timingSafeEqual and hides the token's length.
 */
export function tokenMatches(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** `Authorization: Bearer <token>`, for scripts. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  return header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
}

/** The page came over HTTPS: directly, or through a proxy that says so (X-Forwarded-Proto, Forwarded). */
export function servedOverHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  // The first hop is the proxy the browser talked to.
  if (c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https') return true;
  const forwarded = c.req.header('forwarded')?.split(',')[0] ?? '';
  return forwarded.split(';').some((pair) => /^\s*proto\s*=\s*"?https"?\s*$/i.test(pair));
}

export type TokenCheck = { ok: true } | { ok: false; retryAfterMs: number };

/** How the server knows a caller: the signed session cookie, or the raw token under the throttle. */
export interface Access {
  /** Checks a raw token (Bearer header, sign-in form); over the caller's or the global limit, refuses without comparing. */
  checkToken(c: Context, given: string): TokenCheck;
  startSession(c: Context): void;
  endSession(c: Context): void;
  /** When MIXSCOPE_TOKEN is set, every API call and page needs a session or the token. */
  middleware: MiddlewareHandler;
}

/**
 * Paths that must work before signing in: the sign-in itself (it checks the token with
 * checkToken), and Volcengine's callback, which its own signature guards.
 */
const OPEN_PATHS = new Set(['/api/session', CALLBACK_PATH]);

const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');
const pathAndQuery = (c: Context) => {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
};
const wantsPage = (c: Context) => c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html');

/** 429 for a raw token the throttle did not let through: JSON, or the sign-in page saying how long to wait. */
export function throttledAnswer(c: Context, retryAfterMs: number, page?: { next: string }) {
  const retryAfter = retryAfterSeconds(retryAfterMs);
  if (page === undefined) {
    return sendError(c, 429, { kind: 'throttled', message: `Too many wrong access tokens; wait ${retryAfter} s and try again.`, retryAfter });
  }
  c.header('Retry-After', String(retryAfter));
  c.header('Cache-Control', 'no-store');
  return c.html(signInPage(page.next, { throttledFor: retryAfter }), 429);
}

export function createAccess({ token, now, throttle = createCredentialThrottle(now) }: { token: string | undefined; now: () => number; throttle?: CredentialThrottle }): Access {
  const signer = token === undefined ? undefined : sessionSigner(token);
  const cookieOptions = (c: Context) => ({ path: '/', httpOnly: true, sameSite: 'Strict', secure: servedOverHttps(c) } as const);

  const hasSession = (c: Context) => {
    const value = getCookie(c, SESSION_COOKIE);
    return signer !== undefined && value !== undefined && signer.verify(value, now());
  };

  const checkToken = (c: Context, given: string): TokenCheck => {
    if (token === undefined) return { ok: true };
    const client = remoteAddress(c.env);
    const wait = throttle.waitMs(client);
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    if (tokenMatches(given, token)) return { ok: true };
    throttle.failed(client);
    return { ok: false, retryAfterMs: 0 };
  };

  function refuse(c: Context, wrongToken: boolean) {
    c.header('WWW-Authenticate', 'Bearer realm="mixscope"');
    if (isApi(c)) {
      return sendError(c, 401, {
        kind: 'unauthorized',
        message: wrongToken
          ? 'The access token given does not match MIXSCOPE_TOKEN.'
          : 'This mixscope server needs its access token (MIXSCOPE_TOKEN): sign in, or send Authorization: Bearer <token>.',
      });
    }
    c.header('Cache-Control', 'no-store');
    if (wantsPage(c)) {
      return c.html(signInPage(pathAndQuery(c), { wrongToken }), 401);
    }
    return c.text('Unauthorized: this mixscope server needs its access token.', 401);
  }

  return {
    checkToken,
    startSession(c) {
      if (signer === undefined) return;
      setCookie(c, SESSION_COOKIE, signer.issue(now()), { ...cookieOptions(c), maxAge: SESSION_TTL_MS / 1000 });
      deleteCookie(c, LEGACY_COOKIE, { path: '/' });
    },
    endSession(c) {
      deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
      deleteCookie(c, LEGACY_COOKIE, { path: '/' });
    },
    middleware: async (c, next) => {
      if (token === undefined || OPEN_PATHS.has(c.req.path)) return next();
      // A valid session is unguessable: it keeps working while someone hammers the token.
      if (hasSession(c)) return next();
      const given = bearerToken(c);
      if (given === undefined) return refuse(c, false);
      const check = checkToken(c, given);
      if (check.ok) return next();
      if (check.retryAfterMs > 0) return throttledAnswer(c, check.retryAfterMs, !isApi(c) && wantsPage(c) ? { next: pathAndQuery(c) } : undefined);
      return refuse(c, true);
    },
  };
}
