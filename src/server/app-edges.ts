import type { Hono } from 'hono';
import { CALLBACK_PATH } from '../shared/callback-api.ts';
import type { Access } from './auth.ts';
import type { ServerConfig } from './env.ts';
import type { Logger } from './logger.ts';
import { HEALTH_PATHS } from './ops/health-routes.ts';
import type { Inflight } from './ops/inflight.ts';
import { requestLog } from './ops/request-log.ts';
import type { AppEnv } from './request-context.ts';
import { allowedHostNames, hostCheck } from './security/host-check.ts';
import { bodyRules, urlLimits } from './security/input-limits.ts';
import { sameOriginWrites } from './security/same-origin.ts';
import { securityHeaders } from './security/security-headers.ts';

export interface EdgeOptions {
  config: ServerConfig;
  logger: Logger;
  now: () => number;
  inflight?: Inflight;
  observeHttp?: (status: number, ms: number) => void;
}

/**
 * The middleware every request passes, outermost first. Logging, the request id and the security
 * headers wrap everything (errors and refusals included); the Host check comes before anything
 * answers; the health probes are answered before the token is asked for; size limits come before
 * any route parses input.
 */
export function installOuterEdges(app: Hono<AppEnv>, { config, logger, now, inflight, observeHttp }: EdgeOptions) {
  if (inflight !== undefined) {
    app.use('*', async (_c, next) => {
      inflight.enter();
      try {
        await next();
      } finally {
        inflight.leave();
      }
    });
  }
  app.use('*', requestLog({ logger, now, ...(observeHttp ? { observe: observeHttp } : {}) }));
  app.use('*', securityHeaders());
  // Volcengine calls the callback under the public domain configured in its console; its signature guards it.
  app.use('*', hostCheck({ token: config.token, allowed: allowedHostNames(config.host, config.allowedHosts), exempt: [...HEALTH_PATHS, CALLBACK_PATH] }));
}

/** After the health routes: limits, the token, then the checks that need a signed-in caller. */
export function installInnerEdges(app: Hono<AppEnv>, access: Pick<Access, 'middleware'>) {
  app.use('*', urlLimits());
  // Failed tokens are throttled inside, on every route and the sign-in alike (one throttle).
  app.use('*', access.middleware);
  app.use('*', sameOriginWrites());
  app.use('*', bodyRules());
}
