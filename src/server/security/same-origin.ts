import type { MiddlewareHandler } from 'hono';
import { sendError } from '../api-errors.ts';

/**
 * Cross-site request forgery guard for state-changing API calls (POST/DELETE): a page on another
 * site can make the browser send a form or a text/plain fetch without a preflight. Browsers say
 * where a request comes from; scripts and curl say nothing and pass (they need the token anyway
 * when one is set).
 *
 * Sec-Fetch-Site decides when present (every current browser sends it). Origin is only the
 * fallback: with our `Referrer-Policy: no-referrer`, a browser sends `Origin: null` even for the
 * sign-in form on our own page, so Origin alone cannot tell our page from a sandboxed attacker.
 */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function foreignOrigin(origin: string, hosts: (string | undefined)[]): boolean {
  try {
    const from = new URL(origin).host.toLowerCase();
    return !hosts.some((h) => h !== undefined && h.trim().toLowerCase() === from);
  } catch {
    return true; // "null" (an old browser under no-referrer, sandboxed frames, file:) and garbage
  }
}

export function sameOriginWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method) || !c.req.path.startsWith('/api/')) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    // A reverse proxy that rewrites Host usually says the original in X-Forwarded-Host.
    const hosts = [c.req.header('host') ?? new URL(c.req.url).host, c.req.header('x-forwarded-host')];
    const foreign = site !== undefined
      ? site !== 'same-origin' && site !== 'none'
      : origin !== undefined && foreignOrigin(origin, hosts);
    if (!foreign) return next();
    return sendError(c, 403, { kind: 'unauthorized', message: 'Changes through this API are accepted only from the mixscope page itself (the request came from another site).' });
  };
}
