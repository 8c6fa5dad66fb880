import { Hono } from 'hono';
import { sendError } from '../api-errors.ts';
import { throttledAnswer, type Access } from '../auth.ts';
import { safeNext, signInPage } from '../sign-in-page.ts';

/**
 * POST /api/session signs in: a form post (the sign-in page) is redirected to where it came from,
 * a JSON post ({"token": "..."}) gets 204. Either way the browser gets a signed session in an
 * HttpOnly cookie (never the token). The token is checked under the same throttle as a Bearer
 * header on any route. DELETE /api/session signs out.
 */
export function sessionRoutes(token: string | undefined, access: Pick<Access, 'checkToken' | 'startSession' | 'endSession'>) {
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
      const check = access.checkToken(c, typeof given === 'string' ? given : '');
      if (!check.ok && check.retryAfterMs > 0) return throttledAnswer(c, check.retryAfterMs, isForm ? { next: safeNext(next) } : undefined);
      if (!check.ok) {
        if (isForm) return c.html(signInPage(safeNext(next), { wrongToken: true }), 401);
        return sendError(c, 401, { kind: 'unauthorized', message: 'The access token given does not match MIXSCOPE_TOKEN.' });
      }
      access.startSession(c);
      return isForm ? c.redirect(safeNext(next), 303) : c.body(null, 204);
    })
    .delete('/', (c) => {
      access.endSession(c);
      return c.body(null, 204);
    });
}
