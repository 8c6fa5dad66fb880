import { Hono } from 'hono';
import { apiPaths } from '../shared/mixscope-api.ts';
import { sendError } from './api-errors.ts';
import { requireToken } from './auth.ts';
import type { ServerConfig } from './env.ts';
import { silentLogger, type Logger } from './logger.ts';
import { configRoutes } from './routes/config-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { staticRoutes } from './routes/static-routes.ts';
import { taskRoutes } from './routes/task-routes.ts';
import type { Clock, UpstreamClient } from './upstream-client.ts';

export interface AppOptions {
  config: ServerConfig;
  upstream: UpstreamClient;
  clock: Clock;
  logger?: Logger;
  /** The built SPA (dist/). Without it, pages answer 503 "run npm run build". */
  staticRoot?: string;
}

/**
 * The mixscope HTTP surface. Everything it talks to is injected, so tests drive it with
 * app.request() and a fake upstream, and main.ts wires the real endpoint or the simulator.
 */
export function createApp({ config, upstream, clock, logger = silentLogger, staticRoot }: AppOptions) {
  const app = new Hono();

  app.use('*', async (c, next) => {
    const started = clock();
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    // Path only: query strings carry task ids, headers carry the token; neither belongs in logs.
    logger.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: clock() - started }, 'request');
  });
  app.use('*', requireToken(config.token));

  app.route('/api/session', sessionRoutes(config.token));
  app.route(apiPaths.config, configRoutes(config));
  app.route(apiPaths.task, taskRoutes({ upstream, source: config.upstream, logger }));
  app.all('/api', (c) => sendError(c, 404, { kind: 'not-found', message: 'Unknown API path.' }));
  app.all('/api/*', (c) => sendError(c, 404, { kind: 'not-found', message: `No API at ${c.req.method} ${c.req.path}.` }));
  app.route('/', staticRoutes(staticRoot));

  app.onError((err, c) => {
    logger.error({ err: { name: err.name, message: err.message, stack: err.stack }, path: c.req.path }, 'unhandled error');
    return sendError(c, 500, { kind: 'internal', message: 'The mixscope server hit an internal error; see its log.' });
  });
  app.notFound((c) => c.text('Not found.', 404));
  return app;
}

export type MixscopeApp = ReturnType<typeof createApp>;
