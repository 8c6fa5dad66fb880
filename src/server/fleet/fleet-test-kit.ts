import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { TaskRef } from '../../shared/task-ref.ts';
import type { HistoryDatabase } from '../history/history-db.ts';
import { createHistoryStore, type HistoryStore } from '../history/history-store.ts';
import { openHistoryDatabase } from '../history/open-database.ts';
import { silentLogger } from '../logger.ts';
import type { AppEnv } from '../request-context.ts';
import { AppIdNotAllowedError, notAllowed } from '../security/app-id-allow-list.ts';
import { scopedHistoryStore } from '../security/app-id-scope.ts';
import { createManualClock, type ManualClock } from '../clock/manual-clock.ts';
import { createLocalEventBus, type EventBus } from './event-bus.ts';
import { createEventHub, type EventHub, type EventHubOptions } from './event-hub.ts';
import { fleetRoutes, type FleetRouteDeps } from './fleet-routes.ts';
import { createFleetSource } from './fleet-source.ts';
import { publishingStore } from './publishing-store.ts';

/** A fleet over a real SQLite store in a temporary directory, wired as server-runtime.ts wires it. */
export interface FleetKit {
  app: Hono<AppEnv>;
  store: HistoryStore;
  bus: EventBus;
  hub: EventHub;
  clock: ManualClock;
  db: Kysely<HistoryDatabase>;
  /** Watches the task and records one answer for it. */
  add(ref: Partial<TaskRef> & { roomId: string }, task: Record<string, unknown>, label?: string): Promise<string>;
  dispose(): Promise<void>;
}

export const KIT_T0 = Date.UTC(2026, 10, 24, 8);

export async function createFleetKit(opts: {
  appIds?: readonly string[];
  hub?: Partial<EventHubOptions>;
  routes?: Partial<FleetRouteDeps>;
} = {}): Promise<FleetKit> {
  const dir = mkdtempSync(join(tmpdir(), 'mixscope-fleet-'));
  const clock = createManualClock(KIT_T0);
  const db = await openHistoryDatabase(dir);
  const bus = createLocalEventBus();
  const store = publishingStore(scopedHistoryStore(createHistoryStore(db, { clock }), opts.appIds), bus);
  const source = createFleetSource({ store, db, now: clock.now });
  const hub = createEventHub({ bus, source, logger: silentLogger, firstId: 1_000, ...opts.hub });
  const app = new Hono<AppEnv>().route('/api', fleetRoutes({ source, hub, now: clock.now, appIds: opts.appIds, ...opts.routes }));
  app.onError((err, c) => {
    if (err instanceof AppIdNotAllowedError) return notAllowed(c, err);
    throw err;
  });
  return {
    app, store, bus, hub, clock, db,
    async add(partial, task, label) {
      const ref: TaskRef = { version: '2020-12-01', appId: 'app', ...partial };
      const { task: watched } = await store.watch(ref, label === undefined ? {} : { label });
      await store.record(ref, { ok: true, requestId: 'req', task, fetchedAt: clock.now() }, clock.now());
      return watched.key;
    },
    async dispose() {
      hub.stop();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
