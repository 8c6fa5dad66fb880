import { Hono } from 'hono';
import type { ConfigResponse } from '../../shared/mixscope-api.ts';
import type { ServerConfig } from '../env.ts';

/** What the SPA may know about the server: never keys, never the token, never a full URL. */
export function configRoutes(config: ServerConfig) {
  const body: ConfigResponse = {
    upstream: config.upstream,
    region: config.region,
    endpointHost: config.endpointHost,
    qps: config.qps,
    authRequired: config.token !== undefined,
    outputPull: config.pullRules.length > 0 || config.pullHosts.length > 0,
  };
  return new Hono().get('/', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}
