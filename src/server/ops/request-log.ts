import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.ts';
import type { AppEnv } from '../request-context.ts';

/**
 * One JSON log line per request, with our request id (also sent as X-Request-Id) and, for task
 * queries, Volcengine's RequestId, so an operator can go from a browser's complaint to our log to
 * Volcengine support. Paths only: query strings carry task ids, headers carry the token.
 *
 * An incoming X-Request-Id (from a proxy in front) is kept when it is short and plain, so both
 * logs share the id; anything else is replaced rather than copied into our log.
 */
const INBOUND_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestLog(opts: { logger: Logger; now: () => number; observe?: (status: number, ms: number) => void }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = opts.now();
    const inbound = c.req.header('x-request-id');
    const requestId = inbound !== undefined && INBOUND_ID.test(inbound) ? inbound : randomUUID();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    const ms = opts.now() - started;
    const status = c.res.status;
    opts.observe?.(status, ms);
    const line = {
      reqId: requestId, method: c.req.method, path: c.req.path, status, ms,
      upstreamRequestId: c.get('upstreamRequestId'), served: c.get('served'),
    };
    if (status >= 500) opts.logger.warn(line, 'request');
    else opts.logger.info(line, 'request');
  };
}
