import type { MiddlewareHandler } from 'hono';

/**
 * DNS-rebinding guard. Without MIXSCOPE_TOKEN the server trusts whoever can reach it, which on a
 * laptop means the loopback interface. A web page elsewhere can still make the browser resolve
 * its own host name to 127.0.0.1 and then read our API as "same origin"; the browser then sends
 * that foreign name in Host. So, when no token is set, only loopback names, the configured HOST
 * and MIXSCOPE_ALLOWED_HOSTS are accepted. With a token, the token is the gate and the check is
 * off (a reverse proxy may use any name).
 */

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];
const WILDCARD = new Set(['0.0.0.0', '::', '']);

export function allowedHostNames(listenHost: string, extra: readonly string[]): Set<string> {
  const names = new Set([...LOOPBACK, ...extra.map((h) => h.toLowerCase())]);
  const host = listenHost.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (!WILDCARD.has(host)) names.add(host);
  return names;
}

/** The host name of a Host header value: port and IPv6 brackets removed, lower case. */
export function hostNameOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const v = header.trim().toLowerCase();
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (v6) return v6[1];
  const m = /^([^:]+)(?::\d+)?$/.exec(v);
  // A trailing dot names the same host (localhost.): accept it as such.
  return m?.[1]?.replace(/\.$/, '');
}

export function hostCheck(opts: { token: string | undefined; allowed: ReadonlySet<string>; exempt?: readonly string[] }): MiddlewareHandler {
  const exempt = new Set(opts.exempt ?? []);
  return async (c, next) => {
    if (opts.token !== undefined || exempt.has(c.req.path)) return next();
    const name = hostNameOf(c.req.header('host') ?? new URL(c.req.url).host);
    if (name !== undefined && opts.allowed.has(name)) return next();
    c.header('Cache-Control', 'no-store');
    return c.text(
      'This mixscope server has no access token (MIXSCOPE_TOKEN), so it answers only to localhost, its HOST and MIXSCOPE_ALLOWED_HOSTS. '
        + 'Open it by one of those names, or set MIXSCOPE_TOKEN (or add this name to MIXSCOPE_ALLOWED_HOSTS) to serve it under another.',
      421,
    );
  };
}
