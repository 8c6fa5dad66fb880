import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { parseEnv } from './env.ts';
import { loadEnvironment } from './env-file.ts';
import { createLogger } from './logger.ts';
import { createUpstreamFor } from './upstream-factory.ts';

/** Entry point of `npm start` / `npm run dev`: config, upstream, HTTP server, graceful stop. */

function fail(lines: readonly string[]): never {
  for (const line of lines) console.error(`mixscope: ${line}`);
  process.exit(1);
}

const loaded = loadEnvironment(process.cwd(), process.env);
if (!loaded.ok) fail([loaded.error]);
const parsed = parseEnv(loaded.env);
if (!parsed.ok) fail([...parsed.errors, 'Fix the variables above (in the environment or in .env) and start again.']);
const { config } = parsed;
const logger = createLogger();
for (const warning of parsed.warnings) logger.warn({}, warning);

const upstream = await createUpstreamFor(config, {
  clock: Date.now,
  fetch: (req) => fetch(req),
  loadSimulator: async (region) => {
    const { createSimulator } = await import('../simulator/simulator.ts');
    // Demo images are served from public/demo by this server; a wildcard bind is reached on loopback.
    const assetHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
    return createSimulator({ region, assetBaseUrl: `http://${assetHost}:${config.port}` });
  },
});
// dist/ next to src/, whatever the working directory.
const staticRoot = fileURLToPath(new URL('../../dist', import.meta.url));
const app = createApp({ config, upstream, clock: Date.now, logger, staticRoot });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const url = `http://${host}:${info.port}`;
  const upstreamText = config.upstream === 'simulator' ? 'the embedded simulator' : `Volcengine at ${config.endpointHost} (${config.region})`;
  logger.info(
    { url, upstream: config.upstream, endpointHost: config.endpointHost, region: config.region, qps: config.qps, authRequired: config.token !== undefined },
    `mixscope listening on ${url}, querying ${upstreamText}`,
  );
});

server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') fail([`PORT ${config.port} on ${config.host} is already in use. Stop the other server or set PORT to a free port.`]);
  if (err.code === 'EACCES') fail([`Not allowed to listen on ${config.host}:${config.port}. Use a PORT above 1023 or another HOST.`]);
  fail([`Could not start the HTTP server: ${err.code ?? err.message}.`]);
});

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) process.exit(1); // a second Ctrl-C means now
  stopping = true;
  logger.info({ signal }, 'mixscope stopping');
  server.close(() => process.exit(0));
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  // Keep-alive connections can hold close() open; do not hang a deploy on them.
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
