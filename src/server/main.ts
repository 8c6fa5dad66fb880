import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { parseEnv } from './env.ts';
import { loadEnvironment } from './env-file.ts';
import { lockDataDir, type DataDirLock } from './history/data-dir-lock.ts';
import { databasePassword } from './history/database-url.ts';
import { DEMO_SCENARIOS } from '../shared/demo-scenarios.ts';
import { logFormat, readableDestination } from './log-readable.ts';
import { createLogger } from './logger.ts';
import { startLine } from './start-line.ts';
import { gracefulShutdown } from './ops/shutdown.ts';
import type { Runtime } from './server-runtime.ts';

/** Entry point of `npm start` / `npm run dev`: config, the runtime (server-runtime.ts), listening, graceful stop. */

function fail(lines: readonly string[]): never {
  for (const line of lines) console.error(`mixscope: ${line}`);
  process.exit(1);
}

const loaded = loadEnvironment(process.cwd(), process.env);
if (!loaded.ok) fail([loaded.error]);
const parsed = parseEnv(loaded.env);
if (!parsed.ok) fail([...parsed.errors, 'Fix the variables above (in the environment or in .env) and start again.']);
const { config } = parsed;
// Every line of the log has these values replaced, wherever they would appear.
const secrets = [config.credentials?.accessKeyId, config.credentials?.secretKey, config.credentials?.sessionToken, config.token, databasePassword(config.database)]
  .filter((s): s is string => s !== undefined);
const format = logFormat(loaded.env['LOG_FORMAT'], process.stdout.isTTY === true);
if (!format.ok) fail([format.error]);
const logger = createLogger({ secrets, ...(format.format === 'readable' ? { destination: readableDestination(process.stdout) } : {}) });
for (const warning of parsed.warnings) logger.warn({}, warning);

// One server per data directory, checked before the rest of the server is even loaded, so a
// second server or an unusable MIXSCOPE_DATA_DIR is told at once.
// With PostgreSQL there is no data directory to lock: replicas share the database by design.
let lock: DataDirLock | undefined;
if (config.database === undefined) {
  try {
    lock = lockDataDir(config.dataDir);
  } catch (err) {
    fail([err instanceof Error ? err.message : String(err)]);
  }
}
// Whatever way the process ends short of a kill, the lock goes with it.
process.once('exit', () => lock?.release());
const { startRuntime } = await import('./server-runtime.ts');

let runtime: Runtime;
try {
  runtime = await startRuntime(config, {
    logger,
    fetch: (req) => fetch(req),
    loadSimulator: async (region) => {
      const { createSimulator } = await import('../simulator/simulator.ts');
      // Demo images are served from public/demo by this server; a wildcard bind is reached on loopback.
      const assetHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
      return createSimulator({ region, assetBaseUrl: `http://${assetHost}:${config.port}`, speed: config.simulatorSpeed });
    },
    // dist/ next to src/, whatever the working directory.
    staticRoot: fileURLToPath(new URL('../../dist', import.meta.url)),
  });
} catch (err) {
  fail([`Could not start: ${err instanceof Error ? err.message : String(err)}`]);
}
const { app } = runtime;

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  runtime.listeningOn(info.port);
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const url = `http://${host}:${info.port}`;
  const onSimulator = config.upstream === 'simulator';
  logger.info(
    {
      url, upstream: config.upstream, ...(onSimulator ? {} : { endpointHost: config.endpointHost, region: config.region }),
      qps: config.qps, authRequired: config.token !== undefined, dataDir: config.dataDir,
    },
    startLine({ url, upstream: onSimulator ? { kind: 'simulator', demoTasks: DEMO_SCENARIOS.length } : { kind: 'volcengine', host: config.endpointHost, region: config.region }, dataDir: config.dataDir }),
  );
});

server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') fail([`PORT ${config.port} on ${config.host} is already in use. Stop the other server or set PORT to a free port.`]);
  if (err.code === 'EACCES') fail([`Not allowed to listen on ${config.host}:${config.port}. Use a PORT above 1023 or another HOST.`]);
  fail([`Could not start the HTTP server: ${err.code ?? err.message}.`]);
});

/** How long SIGTERM waits for requests in flight before closing the store anyway. */
const DRAIN_MS = 10_000;
let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) process.exit(1); // a second Ctrl-C means now
  stopping = true;
  logger.info({ signal }, 'mixscope stopping');
  // Last resort: never hang a deploy.
  setTimeout(() => process.exit(1), DRAIN_MS + 5_000).unref();
  const { drained, errors } = await gracefulShutdown({
    markStopping: runtime.markStopping,
    stopAccepting: () => {
      server.close();
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    },
    stopWatcher: () => runtime.watcher.stop(),
    inflight: runtime.inflight,
    closeConnections: () => {
      // Keep-alive connections would hold close() open.
      if ('closeAllConnections' in server) server.closeAllConnections();
    },
    stopUpstream: () => runtime.governor.stop(),
    closeStore: async () => {
      await runtime.store.close();
      lock?.release();
    },
    drainMs: DRAIN_MS,
    logger,
  });
  logger.info({ drained, errors }, 'mixscope stopped');
  process.exit(errors === 0 ? 0 : 1);
}
process.on('SIGTERM', (s) => void stop(s));
process.on('SIGINT', (s) => void stop(s));
