import { Hono } from 'hono';
import { apiPaths } from '../shared/mixscope-api.ts';
import { installInnerEdges, installOuterEdges, type EdgeOptions } from './app-edges.ts';
import { sendError } from './api-errors.ts';
import { createAccess } from './auth.ts';
import type { CallbackMetrics } from './callbacks/callback-metrics.ts';
import type { CallbackRateLimit } from './callbacks/callback-rate-limit.ts';
import { callbackRoutes } from './callbacks/callback-routes.ts';
import { taskEventsRoutes } from './callbacks/task-events-routes.ts';
import type { CallbackStore } from './callbacks/callback-store.ts';
import type { ServerConfig } from './env.ts';
import { createGovernor, type Governor } from './governor/governor.ts';
import type { HistoryStore } from './history/history-store.ts';
import { isStoreUnavailable } from './history/store-unavailable.ts';
import { silentLogger, type Logger } from './logger.ts';
import { healthRoutes } from './ops/health-routes.ts';
import type { Inflight } from './ops/inflight.ts';
import type { ServerMetrics } from './ops/server-metrics.ts';
import type { AppEnv } from './request-context.ts';
import { configRoutes } from './routes/config-routes.ts';
import { historyRoutes } from './routes/history-routes.ts';
import type { EventHub } from './fleet/event-hub.ts';
import { fleetRoutes } from './fleet/fleet-routes.ts';
import type { FleetSource } from './fleet/fleet-source.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { simulatorFaultRoutes } from './routes/simulator-fault-routes.ts';
import { demoHistoryRoutes, type DemoPastSource } from './routes/demo-history-routes.ts';
import { staticRoutes } from './routes/static-routes.ts';
import { pushUrlRoutes } from './routes/push-url-routes.ts';
import { outputRoutes } from './routes/output-routes.ts';
import { createOutputPuller } from './output/output-puller.ts';
import { createOutputRelay } from './output/output-relay.ts';
import { pullUrlAllowed } from './output/pull-rules.ts';
import { taskRoutes } from './routes/task-routes.ts';
import { taskPageRender } from './first-paint/task-page-render.ts';
import { AppIdNotAllowedError, notAllowed } from './security/app-id-allow-list.ts';
import { scopedFaultSwitch, scopedGovernor, scopedHistoryStore, scopedWatcher } from './security/app-id-scope.ts';
import type { FaultSwitch } from './simulator-faults.ts';
import type { Clock, FetchLike, UpstreamClient } from './upstream-client.ts';
import type { SchedulerClock } from './clock/scheduler-clock.ts';
import type { Watcher } from './watcher/watcher.ts';

export interface AppOptions {
  config: ServerConfig;
  upstream: UpstreamClient;
  /** Wall-clock Unix ms. */
  clock: Clock;
  logger?: Logger;
  /** The built SPA (dist/). Without it, pages answer 503 "run npm run build". */
  staticRoot?: string;
  /** The one upstream budget. main.ts shares it with the watcher; tests may leave it out. */
  governor?: Governor;
  /** The watch list and history (main.ts opens them); without them those routes are 404. */
  history?: { store: HistoryStore; watcher: Pick<Watcher, 'watch' | 'unwatch'>; clock: () => number };
  metrics?: ServerMetrics;
  /** MIXSCOPE_SIMULATOR_FAULTS: the fault switch the simulator's fetch path applies. */
  faults?: FaultSwitch;
  /** True once a graceful stop began: /readyz says so. */
  stopping?: () => boolean;
  /** Replicas: why this one holds no share of the upstream budget yet; /readyz says not ready meanwhile. */
  shareWait?: () => string | undefined;
  inflight?: Inflight;
  /** How output streams are read (GET /api/task/output); default the global fetch. */
  outputFetch?: FetchLike;
  /** The embedded simulator's HTTP-FLV outputs, served under /simulator/pull/ in simulator mode. */
  simulatorPull?: FetchLike;
  /** The embedded simulator's record of its tasks' pasts, served as demo history in simulator mode. */
  demoPast?: DemoPastSource;
  /** Volcengine event callbacks: where they are stored, and what to tell once one is (the processor). */
  callbacks?: { store: CallbackStore; stored: () => void; metrics?: CallbackMetrics; rate?: CallbackRateLimit };
  /** The fleet (GET /api/tasks) and its live stream (GET /api/events); the source reads the guarded store. */
  fleet?: { source: FleetSource; hub: EventHub };
}

/** Real timers with an injected "now": the default governor's clock. */
function timersWith(now: Clock): SchedulerClock {
  return {
    now,
    setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}

/**
 * The mixscope HTTP surface. Everything it talks to is injected, so tests drive it with
 * app.request() and a fake upstream, and main.ts wires the real endpoint or the simulator.
 */
export function createApp(options: AppOptions) {
  const { config, upstream, clock, logger = silentLogger, staticRoot, metrics } = options;
  // MIXSCOPE_APP_IDS holds here for every route and the page render: what reaches upstream, the
  // history or the fault switch is scoped once (a no-op for what server-runtime.ts scoped already).
  const governor = scopedGovernor(options.governor ?? createGovernor({
    upstream, clock: timersWith(clock), qps: config.qps, cacheMs: config.cacheMs,
    ...(metrics ? { events: metrics.governorEvents } : {}),
  }), config.appIds);
  const history = options.history && {
    ...options.history,
    store: scopedHistoryStore(options.history.store, config.appIds),
    watcher: scopedWatcher(options.history.watcher, config.appIds),
  };
  const faults = options.faults && scopedFaultSwitch(options.faults, config.appIds);
  const app = new Hono<AppEnv>();
  const edges: EdgeOptions = {
    config, logger, now: clock,
    ...(options.inflight ? { inflight: options.inflight } : {}),
    ...(metrics ? { observeHttp: metrics.observeHttp } : {}),
  };

  installOuterEdges(app, edges);
  app.route('/', healthRoutes({
    stopping: options.stopping ?? (() => false),
    circuit: () => governor.state().circuit,
    // A point read, not the whole watch list: probes come every few seconds.
    ...(history ? { checkStore: () => history.store.getWatched('') } : {}),
    ...(options.shareWait ? { shareWait: options.shareWait } : {}),
  }));
  const access = createAccess({ token: config.token, now: clock });
  installInnerEdges(app, access);

  app.route('/api/session', sessionRoutes(config.token, access));
  app.route(apiPaths.config, configRoutes(config));
  app.route(`${apiPaths.task}/push-url`, pushUrlRoutes({ governor, source: config.upstream, logger, appIds: config.appIds }));
  const allowed = (url: URL) => pullUrlAllowed(url, config.pullRules, config.pullHosts);
  const outputFetch: FetchLike = options.outputFetch ?? ((req) => fetch(req));
  const puller = createOutputPuller({ fetch: outputFetch, allowed });
  const relay = createOutputRelay({ fetch: outputFetch, allowed });
  app.route(`${apiPaths.task}/output`, outputRoutes({ governor, source: config.upstream, logger, puller, relay, pullRules: config.pullRules, allowed, now: clock }));
  // One clock for the page: task time (the history's) when the server keeps one, else the wall's.
  const taskNow = history?.clock ?? clock;
  app.route(apiPaths.task, taskRoutes({ governor, source: config.upstream, logger, taskNow }));
  const simulatorPull = options.simulatorPull;
  if (simulatorPull && config.upstream === 'simulator') {
    app.get('/simulator/pull/*', (c) => {
      const url = new URL(c.req.url);
      url.pathname = url.pathname.replace(/^\/simulator/, '');
      return simulatorPull(new Request(url, { signal: c.req.raw.signal }));
    });
  }
  if (options.demoPast && config.upstream === 'simulator') app.route('/api', demoHistoryRoutes({ source: options.demoPast, appIds: config.appIds, now: taskNow }));
  if (history) app.route('/api', historyRoutes({ store: history.store, watcher: history.watcher, clock: history.clock }));
  if (options.fleet) app.route('/api', fleetRoutes({ ...options.fleet, now: history?.clock ?? clock, appIds: config.appIds }));
  if (options.callbacks) app.route('/api', taskEventsRoutes({ store: options.callbacks.store, appIds: config.appIds, now: taskNow }));
  if (options.callbacks) app.route('/api', callbackRoutes({ secret: config.callbackSecret, appIds: config.appIds, now: clock, logger, ...options.callbacks }));
  if (faults && config.simulatorFaults && config.upstream === 'simulator') app.route('/api/simulator/faults', simulatorFaultRoutes(faults));
  if (metrics) {
    app.get('/metrics', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.body(metrics.registry.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
    });
  }
  app.all('/api', (c) => sendError(c, 404, { kind: 'not-found', message: 'Unknown API path.' }));
  app.all('/api/*', (c) => sendError(c, 404, { kind: 'not-found', message: `No API at ${c.req.method} ${c.req.path}.` }));
  app.route('/', staticRoutes(staticRoot, { render: taskPageRender({ governor, source: config.upstream, logger, taskNow }) }));

  app.onError((err, c) => {
    if (err instanceof AppIdNotAllowedError) return notAllowed(c, err);
    // PostgreSQL away or too slow: a retry will do, so say when instead of a bare 500.
    if (isStoreUnavailable(err)) {
      logger.warn({ reqId: c.get('requestId'), err: err.message, path: c.req.path }, 'history store unavailable');
      return sendError(c, 503, { kind: 'internal', message: 'The history store (database) is unreachable right now; try again in a few seconds.', retryAfter: 5 });
    }
    logger.error({ reqId: c.get('requestId'), err: { name: err.name, message: err.message, stack: err.stack }, path: c.req.path }, 'unhandled error');
    return sendError(c, 500, { kind: 'internal', message: 'The mixscope server hit an internal error; see its log.' });
  });
  app.notFound((c) => c.text('Not found.', 404));
  return app;
}

export type MixscopeApp = ReturnType<typeof createApp>;
