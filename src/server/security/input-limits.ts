import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CALLBACK_PATH } from '../../shared/callback-api.ts';
import { sendError } from '../api-errors.ts';

/**
 * Size and charset limits on everything a caller sends, before any route parses it. The longest
 * legitimate URL is a task query: five IDs of at most 128 characters plus names, well under 1 kB.
 * Bodies are a sign-in form or a watch request: a few hundred bytes.
 */
export const INPUT_LIMITS = { maxQueryChars: 1_024, maxPathChars: 512, maxBodyBytes: 16 * 1024 } as const;

/** C0 controls, DEL and the Unicode line/paragraph separators: never part of an ID, label or key. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

export function urlLimits(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const query = url.search.replace(/^\?/, '');
    if (query.length > INPUT_LIMITS.maxQueryChars || url.pathname.length > INPUT_LIMITS.maxPathChars) {
      c.header('Cache-Control', 'no-store');
      return c.text(`URI too long: at most ${INPUT_LIMITS.maxPathChars} characters of path and ${INPUT_LIMITS.maxQueryChars} of query.`, 414);
    }
    if (url.pathname.startsWith('/api/') && query !== '') {
      let values: string[];
      try {
        // URLSearchParams never throws; decodeURIComponent does on malformed %-escapes.
        values = query.split('&').flatMap((pair) => pair.split('=').map((p) => decodeURIComponent(p.replace(/\+/g, ' '))));
      } catch {
        return sendError(c, 400, { kind: 'invalid-input', message: 'The query string has a malformed %-escape.' });
      }
      if (values.some((v) => CONTROL.test(v))) {
        return sendError(c, 400, { kind: 'invalid-input', message: 'The query string contains control characters; IDs use letters, digits and _ @ . - only.' });
      }
    }
    return next();
  };
}

/** JSON everywhere; the sign-in form (urlencoded) only at /api/session. Also keeps simple cross-site forms out. */
export function bodyRules(): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: INPUT_LIMITS.maxBodyBytes,
    onError: (c) => sendError(c, 413, { kind: 'invalid-input', message: `The request body is larger than ${INPUT_LIMITS.maxBodyBytes} bytes.` }),
  });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !c.req.path.startsWith('/api/')) return next();
    // Volcengine's callbacks are larger and their Content-Type is not ours to insist on: the
    // route reads them itself, capped at CALLBACK_MAX_BODY_BYTES.
    if (c.req.path === CALLBACK_PATH) return next();
    const hasBody = c.req.header('content-length') !== undefined && c.req.header('content-length') !== '0' || c.req.header('transfer-encoding') !== undefined;
    if (hasBody) {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const form = c.req.path === '/api/session' && type === 'application/x-www-form-urlencoded';
      if (type !== 'application/json' && !form) {
        return sendError(c, 415, { kind: 'invalid-input', message: 'Send the request body as application/json.' });
      }
    }
    return limit(c, next);
  };
}
