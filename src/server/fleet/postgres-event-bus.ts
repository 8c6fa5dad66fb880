import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { CallbackNotice } from '../../shared/fleet-api.ts';
import { repeatingRound } from '../clock/repeating-round.ts';
import { systemClock, type SchedulerClock } from '../clock/scheduler-clock.ts';
import type { PostgresTarget } from '../history/database-url.ts';
import type { HistoryDatabase } from '../history/history-db.ts';
import { classifyPgError } from '../history/store-unavailable.ts';
import type { Logger } from '../logger.ts';
import { BUS_CHANNEL, decodeBusMessage, encodeBusMessage } from './bus-wire.ts';
import { createLocalEventBus, type BusMessage, type EventBus } from './event-bus.ts';

/**
 * The event bus of replicas sharing PostgreSQL. A change is told to this process's listeners at
 * once and to the other replicas with NOTIFY (through the pool: any connection, a pooler's too).
 * Each replica LISTENs on one dedicated session connection that bypasses the pool; NOTIFY is lost
 * while that connection is down, so after every reconnect the replica reads from the store what
 * the gap may have hidden and tells its own listeners: every fleet row it knew of or sees now,
 * and the callbacks applied since shortly before the connection was last known good.
 */

/** What the store says a gap may have hidden. */
export interface CatchUpSource {
  /** Keys on the watch list now. */
  watchedKeys(): Promise<string[]>;
  /** Callbacks applied at or after `since` (Unix ms, the applying replica's clock). */
  callbacksAppliedSince(since: number): Promise<CallbackNotice[]>;
}

export interface PostgresEventBusOptions {
  target: PostgresTarget;
  /** The pool NOTIFY goes through. */
  db: Kysely<HistoryDatabase>;
  source: CatchUpSource;
  logger: Logger;
  clock?: SchedulerClock;
  origin?: string;
  /** Reconnect delays: the first, doubled per failure up to the last, each jittered down to half. */
  backoffMs?: { first: number; max: number };
  /** How often the LISTEN connection is checked: a silently dead socket is noticed this soon. */
  pingMs?: number;
  /** How far before "last known good" the callback catch-up reads (replicas' clocks differ). */
  clockSkewMs?: number;
  connectTimeoutMs?: number;
  random?: () => number;
}

export interface PostgresEventBus extends EventBus {
  /** Opens the LISTEN connection; a failure is logged and retried, never thrown. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Whether the LISTEN connection is up now. */
  listening(): boolean;
}

/** The LISTEN connection's application_name, so an operator (or a test) can find it in pg_stat_activity. */
export const LISTEN_APPLICATION_NAME = 'mixscope-events';
export const EVENT_BUS_DEFAULTS = { backoffMs: { first: 250, max: 10_000 }, pingMs: 5_000, clockSkewMs: 5_000, connectTimeoutMs: 3_000 } as const;
/** Callback event ids remembered as told, so a catch-up does not tell one twice. */
const REMEMBERED_CALLBACKS = 2_000;

const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createPostgresEventBus(opts: PostgresEventBusOptions): PostgresEventBus {
  const { target, db, source, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const origin = opts.origin ?? randomUUID();
  const backoff = opts.backoffMs ?? EVENT_BUS_DEFAULTS.backoffMs;
  const clockSkewMs = opts.clockSkewMs ?? EVENT_BUS_DEFAULTS.clockSkewMs;
  const random = opts.random ?? Math.random;
  const local = createLocalEventBus((err) => logger.warn({ err: errText(err) }, 'an event bus listener failed'));

  // Keys a fleet screen may show: the watch list at the last (re)connect and every key told since.
  let known = new Set<string>();
  const toldCallbacks = new Set<string>();
  const remember = (message: BusMessage) => {
    if (message.type === 'task-changed') {
      known.add(message.key);
      return;
    }
    toldCallbacks.add(message.notice.eventId);
    if (toldCallbacks.size > REMEMBERED_CALLBACKS) toldCallbacks.delete(toldCallbacks.values().next().value ?? '');
  };
  const tell = (message: BusMessage) => {
    remember(message);
    local.publish(message);
  };

  let client: pg.Client | undefined;
  let stopped = false;
  let connectedOnce = false;
  let lastGood = 0;
  let failures = 0;
  let retry: unknown;

  async function catchUp(gapFrom: number): Promise<void> {
    const watched = await source.watchedKeys();
    const keys = new Set([...known, ...watched]);
    known = new Set(watched);
    for (const key of keys) tell({ type: 'task-changed', key });
    const notices = await source.callbacksAppliedSince(gapFrom - clockSkewMs);
    const missed = notices.filter((n) => !toldCallbacks.has(n.eventId));
    for (const notice of missed) tell({ type: 'callback', notice });
    logger.info({ tasks: keys.size, callbacks: missed.length }, 'event bus caught up from the store after reconnecting');
  }

  function lost(c: pg.Client, err?: unknown): void {
    if (client !== c) return;
    client = undefined;
    c.removeAllListeners('notification');
    void c.end().catch(() => undefined);
    if (stopped) return;
    logger.warn({ err: err === undefined ? 'connection ended' : errText(err), failure: classifyPgError(err) }, 'the LISTEN connection for live updates from other replicas dropped; reconnecting');
    scheduleConnect();
  }

  function scheduleConnect(): void {
    if (stopped) return;
    const delay = Math.min(backoff.max, backoff.first * 2 ** failures) * (0.5 + random() / 2);
    failures++;
    retry = clock.setTimeout(() => void connect(), delay);
  }

  async function connect(): Promise<void> {
    const c = new pg.Client({
      connectionString: target.url,
      application_name: LISTEN_APPLICATION_NAME,
      keepAlive: true,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? EVENT_BUS_DEFAULTS.connectTimeoutMs,
      query_timeout: opts.connectTimeoutMs ?? EVENT_BUS_DEFAULTS.connectTimeoutMs,
    });
    c.on('notification', (n) => {
      if (n.channel !== BUS_CHANNEL) return;
      const decoded = decodeBusMessage(n.payload ?? '');
      if (!decoded.ok) return logger.warn({ err: decoded.error }, 'ignored a notification from another replica');
      if (decoded.origin !== origin) tell(decoded.message);
    });
    // Unheard, a connection error would end the process.
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${BUS_CHANNEL}`);
    } catch (err) {
      c.removeAllListeners();
      c.on('error', () => undefined);
      await c.end().catch(() => undefined);
      logger.warn({ err: errText(err), failure: classifyPgError(err) }, 'could not LISTEN for live updates from other replicas; retrying');
      scheduleConnect();
      return;
    }
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    const gapFrom = lastGood;
    lastGood = clock.now();
    failures = 0;
    try {
      if (connectedOnce) await catchUp(gapFrom);
      else known = new Set([...known, ...(await source.watchedKeys())]);
      connectedOnce = true;
    } catch (err) {
      // The store is away again: drop the connection, so the next one catches up from the same point.
      lastGood = gapFrom;
      logger.warn({ err: errText(err) }, 'could not read what the other replicas changed meanwhile; reconnecting');
      lost(c, err);
    }
  }

  const ping = repeatingRound(async () => {
    const c = client;
    if (c === undefined) return;
    try {
      await c.query('select 1');
      if (client === c) lastGood = clock.now();
    } catch (err) {
      lost(c, err);
    }
  }, opts.pingMs ?? EVENT_BUS_DEFAULTS.pingMs, clock);

  return {
    publish(message) {
      tell(message);
      const wire = encodeBusMessage(origin, message);
      if (!wire.ok) return logger.warn({ err: wire.error }, 'a change was not told to the other replicas');
      sql`select pg_notify(${BUS_CHANNEL}, ${wire.payload})`.execute(db).catch((err: unknown) => {
        logger.warn({ err: errText(err) }, 'could not tell the other replicas of a change; they catch up when their connection returns');
      });
    },
    subscribe: local.subscribe,
    async start() {
      await connect();
      await ping.start();
    },
    async stop() {
      stopped = true;
      clock.clearTimeout(retry);
      await ping.stop();
      const c = client;
      client = undefined;
      c?.removeAllListeners('notification');
      await c?.end().catch(() => undefined);
    },
    listening: () => client !== undefined,
  };
}
