import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { sendError } from '../api-errors.ts';
import { TOKEN_COOKIE, tokenMatches } from '../auth.ts';
import { safeNext, signInPage } from '../sign-in-page.ts';

const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 7 * 24 * 3600 } as const;

/**
 * POST /api/session signs in: a form post (the sign-in page) is redirected to where it came from,
 * a JSON post ({"token": "..."}) gets 204. Either way the token lands in an HttpOnly cookie.
 * DELETE /api/session signs out.
 */
export function sessionRoutes(token: string | undefined) {
  return new Hono()
    .post('/', async (c) => {
      const isForm = (c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded');
      let given: unknown;
      let next: unknown;
      try {
        const body: Record<string, unknown> = isForm ? await c.req.parseBody() : await c.req.json();
        given = body['token'];
        next = body['next'];
      } catch {
        return sendError(c, 400, { kind: 'invalid-input', message: 'Send {"token": "..."} as JSON, or the sign-in form.' });
      }
      if (token === undefined) return c.body(null, 204); // nothing to sign in to
      if (typeof given !== 'string' || !tokenMatches(given, token)) {
        if (isForm) return c.html(signInPage(safeNext(next), true), 401);
        return sendError(c, 401, { kind: 'unauthorized', message: 'The access token given does not match MIXSCOPE_TOKEN.' });
      }
      setCookie(c, TOKEN_COOKIE, given, COOKIE_OPTIONS);
      return isForm ? c.redirect(safeNext(next), 303) : c.body(null, 204);
    })
    .delete('/', (c) => {
      deleteCookie(c, TOKEN_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}
