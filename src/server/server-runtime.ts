import { startSweep } from './sweep/start-sweep.ts';
import { createApp, type MixscopeApp } from './app.ts';
import { createCallbackMetrics } from './callbacks/callback-metrics.ts';
import { createCallbackProcessor } from './callbacks/callback-processor.ts';
import { createCallbackStore } from './callbacks/callback-store.ts';
import type { ServerConfig } from './env.ts';
import { createGovernor, type Governor } from './governor/governor.ts';
import { governedGetTask, governorBudget, recordInteractiveAnswers } from './watcher/governor-link.ts';
import { createReplicaMembership } from './governor/replica-membership.ts';
import { createHistoryStore, type HistoryStore } from './history/history-store.ts';
import { openStoreDatabase } from './history/open-database.ts';
import type { Logger } from './logger.ts';
import { createInflight, type Inflight } from './ops/inflight.ts';
import { createServerMetrics } from './ops/server-metrics.ts';
import { scopedGovernor, scopedHistoryStore, scopedWatcher } from './security/app-id-scope.ts';
import { createFaultSwitch } from './simulator-faults.ts';
import { createUpstreamFor, type SimulatorLike } from './upstream-factory.ts';
import { withSimulatorPull } from './output/simulator-pull.ts';
import type { FetchLike } from './upstream-client.ts';
import { scaledClock, systemClock, type SchedulerClock } from './clock/scheduler-clock.ts';
import { createWatcher, type Watcher } from './watcher/watcher.ts';
import { createWatcherLease } from './watcher/watcher-lease.ts';
import type { TaskSnapshot } from '../simulator/task-lifecycle.ts';
import { callbackNotice } from './fleet/callback-notice.ts';
import { createLocalEventBus } from './fleet/event-bus.ts';
import { createPostgresEventBus } from './fleet/postgres-event-bus.ts';
import { createEventHub } from './fleet/event-hub.ts';
import { streamIdStart } from './fleet/event-ring.ts';
import { createFleetSource } from './fleet/fleet-source.ts';
import { publishingStore } from './fleet/publishing-store.ts';
import { startSimulatorFeed } from './fleet/simulator-feed.ts';
import type { DemoPastSource } from './routes/demo-history-routes.ts';

/**
 * Everything the server runs, wired once: upstream (Volcengine or the simulator), the history
 * store, the one governor shared by people and the watcher, metrics, and the app. Separate from
 * main.ts (signals, listening, exit codes) so a test can start and stop the whole of it.
 */
export interface Runtime {
  app: MixscopeApp;
  governor: Governor;
  watcher: Watcher;
  store: HistoryStore;
  inflight: Inflight;
  /** The graceful stop has begun: /readyz answers 503. */
  markStopping(): void;
  /** The port the server listens on, once it does (PORT=0 picks one): the embedded simulator's pull rule follows it. */
  listeningOn(port: number): void;
}

/** The most callbacks a replica re-tells after its LISTEN connection returns: a screen refetches beyond. */
const CATCH_UP_CALLBACKS = 500;

export interface RuntimeDeps {
  logger: Logger;
  /** The network, for volcengine mode. */
  fetch: FetchLike;
  /** Loads the embedded simulator (lazily, so volcengine mode never builds it). */
  loadSimulator: (region: string) => Promise<SimulatorLike & { clock?: { taskNow(): number }; snapshots?: () => TaskSnapshot[]; past?: DemoPastSource['past'] }>;
  staticRoot?: string;
  /** Wall clock with timers: signatures, the QPS budget and the cache live in real time. */
  clock?: SchedulerClock;
}

export async function startRuntime(config: ServerConfig, deps: RuntimeDeps): Promise<Runtime> {
  const { logger } = deps;
  const wall = deps.clock ?? systemClock;
  const faults = config.simulatorFaults ? createFaultSwitch() : undefined;
  let taskNow: (() => number) | undefined;
  let simulatorFetch: SimulatorLike['fetch'] | undefined;
  let simulatorSnapshots: (() => TaskSnapshot[]) | undefined;
  let demoPast: DemoPastSource | undefined;
  const upstream = await createUpstreamFor(config, {
    clock: wall.now,
    fetch: deps.fetch,
    loadSimulator: async (region) => {
      const simulator = await deps.loadSimulator(region);
      taskNow = simulator.clock ? () => simulator.clock?.taskNow() ?? wall.now() : undefined;
      simulatorFetch = (req) => simulator.fetch(req);
      simulatorSnapshots = simulator.snapshots && (() => simulator.snapshots?.() ?? []);
      const past = simulator.past?.bind(simulator);
      demoPast = past && { past };
      return simulator;
    },
    ...(faults ? { faults } : {}),
  });
  // History is stamped in task time: the simulator's accelerated clock when it runs faster, so
  // observations line up with the tasks' StartTime and EndTime. The budget keeps wall time.
  const taskClock = taskNow !== undefined && config.simulatorSpeed !== 1 ? scaledClock(wall, taskNow, config.simulatorSpeed) : wall;
  // MIXSCOPE_APP_IDS, for the watcher as for the routes: an entry whose AppId the list no longer
  // names is neither listed nor polled, and nothing of another AppId is called, read or recorded.
  // One database: the history store and the callback events share it (and its migrations).
  const { db, family } = await openStoreDatabase(
    { dataDir: config.dataDir, database: config.database },
    { onIdleError: (err) => logger.warn({ err: err.message }, 'a PostgreSQL connection of the pool dropped; the pool opens a new one') },
  );
  const history = scopedHistoryStore(createHistoryStore(db, { clock: taskClock }), config.appIds);
  const callbackStore = createCallbackStore(db);
  // Every write that changes a fleet row tells the bus; the SSE hub pushes it to open screens. On
  // PostgreSQL the bus tells every replica (LISTEN/NOTIFY); SQLite has one process and its own bus.
  const sharedBus = family === 'postgres' && config.database !== undefined
    ? createPostgresEventBus({
      target: config.database, db, logger,
      source: {
        watchedKeys: async () => (await history.listWatched()).map((t) => t.key),
        callbacksAppliedSince: async (since) => (await callbackStore.appliedSince(since, CATCH_UP_CALLBACKS)).map(callbackNotice),
      },
    })
    : undefined;
  const bus = sharedBus ?? createLocalEventBus((err) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'an event bus listener failed'));
  const store = publishingStore(history, bus);

  const metrics = createServerMetrics();
  // Replicas on PostgreSQL split MIXSCOPE_QPS by live membership; SQLite has one server and all of it.
  const membership = family === 'postgres' ? createReplicaMembership({ db, qps: config.qps, clock: wall, upstreamTimeoutMs: config.upstreamTimeoutMs, logger }) : undefined;
  await membership?.start();
  const governor = scopedGovernor(createGovernor({
    upstream, clock: wall, qps: config.qps, cacheMs: config.cacheMs, ...(membership ? { localCap: membership.cap } : {}),
    events: {
      ...metrics.governorEvents,
      answered: recordInteractiveAnswers(store, taskClock.now, (err) => logger.error({ err: String(err) }, 'could not record a query answer in the history')),
    },
  }), config.appIds);
  metrics.watchGovernor(governor.state);
  // Replicas share PostgreSQL: only the lease holder polls. SQLite has one server (the data-dir lock).
  const lease = family === 'postgres' ? createWatcherLease({ db, family, logger }) : undefined;
  await lease?.start();
  const polling = createWatcher({ store, getTask: governedGetTask(governor), clock: taskClock, budget: governorBudget(governor), logger, ...(lease ? { lease } : {}) });
  // A graceful stop hands the lease over at once instead of after its TTL.
  const watcher: Watcher = lease ? { ...polling, stop: async () => { await polling.stop(); await lease.stop({ release: true }); } } : polling;
  const inflight = createInflight();
  let stopping = false;
  const callbackMetrics = createCallbackMetrics(metrics.registry);
  const callbackWatcher = scopedWatcher(watcher, config.appIds);
  const callbackProcessor = createCallbackProcessor({
    store: callbackStore,
    watch: config.callbackWatch === false ? undefined : (ref, opts) => callbackWatcher.watch(ref, opts),
    report: (key, state, at) => store.report(key, state, at),
    now: wall.now,
    logger,
    onApplied: callbackMetrics.applied,
    onEvent: (e) => bus.publish({ type: 'callback', notice: callbackNotice(e) }),
  });
  const fleetSource = createFleetSource({ store, db, now: taskClock.now });
  const hub = createEventHub({ bus, source: fleetSource, logger, firstId: streamIdStart() });
  await sharedBus?.start();
  // The embedded simulator serves its tasks' outputs, and a default pull rule points at them.
  const { listeningOn, ...outputs } = simulatorFetch === undefined
    ? { config, outputFetch: deps.fetch, listeningOn: (port: number) => void port }
    : withSimulatorPull(config, simulatorFetch, deps.fetch);
  const app = createApp({
    ...outputs, upstream, clock: wall.now, logger, governor, metrics, inflight,
    history: { store, watcher, clock: taskClock.now },
    stopping: () => stopping,
    ...(membership ? { shareWait: membership.waiting } : {}),
    callbacks: { store: callbackStore, stored: () => callbackProcessor.kick(), metrics: callbackMetrics },
    fleet: { source: fleetSource, hub },
    ...(deps.staticRoot ? { staticRoot: deps.staticRoot } : {}),
    ...(faults ? { faults } : {}),
    ...(demoPast ? { demoPast } : {}),
  });
  await watcher.start();
  const sweeper = startSweep(config, { upstream, governor, watcher: callbackWatcher, now: taskClock.now, logger, ...(lease ? { lease } : {}) });
  // Events stored but not applied before the last stop are applied now.
  callbackProcessor.kick();
  // npm start without keys: the embedded simulator's tasks reach the fleet as its callbacks would.
  const feed = simulatorSnapshots !== undefined && taskNow !== undefined
    ? startSimulatorFeed({ snapshots: simulatorSnapshots, taskNow, store: callbackStore, stored: () => callbackProcessor.kick(), now: wall.now, logger })
    : undefined;
  const markStopping = () => {
    stopping = true;
    feed?.stop();
    void sweeper?.stop();
    void membership?.stop();
    void sharedBus?.stop();
    // Open event streams end, so the HTTP server can close; browsers reconnect and resume.
    hub.stop();
  };
  return { app, governor, watcher, store, inflight, markStopping, listeningOn };
}
