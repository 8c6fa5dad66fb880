import type { MiddlewareHandler } from 'hono';
import { sendError } from '../api-errors.ts';

/**
 * Cross-site request forgery guard for state-changing API calls (POST/DELETE): a page on another
 * site can make the browser send a form or a text/plain fetch without a preflight. Browsers say
 * where a request comes from (Sec-Fetch-Site, Origin); scripts and curl send neither and pass.
 */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method) || !c.req.path.startsWith('/api/')) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    let foreign = site !== undefined && site !== 'same-origin' && site !== 'none';
    if (!foreign && origin !== undefined) {
      try {
        const from = new URL(origin).host.toLowerCase();
        // A reverse proxy that rewrites Host usually says the original in X-Forwarded-Host.
        const hosts = [c.req.header('host') ?? new URL(c.req.url).host, c.req.header('x-forwarded-host')];
        foreign = !hosts.some((h) => h !== undefined && h.trim().toLowerCase() === from);
      } catch {
        foreign = true; // "null" (sandboxed frames, file:) and garbage
      }
    }
    if (!foreign) return next();
    return sendError(c, 403, { kind: 'unauthorized', message: 'Changes through this API are accepted only from the mixscope page itself (the request came from another site).' });
  };
}
