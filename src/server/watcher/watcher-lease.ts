import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Fence } from '../history/fence.ts';
import type { HistoryDatabase } from '../history/history-db.ts';
import type { SqlFamily } from '../history/migrations/migration-provider.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { repeatingRound } from '../clock/repeating-round.ts';
import { systemClock } from '../clock/scheduler-clock.ts';

/**
 * Exactly one replica polls watched tasks: the one holding the lease row. The holder renews it
 * every renewMs; when it has not for ttlMs, another replica takes it and bumps the epoch, and every
 * write of the old holder carries its epoch (fence.ts) and is refused from then on. A row with
 * an expiry and not a session advisory lock: it works through a transaction-mode pooler, and
 * expiry is judged by the database's clock alone, so replicas' clock skew does not matter.
 */

export const WATCHER_LEASE = 'watcher';

export interface LeaseTimings {
  renewMs: number;
  ttlMs: number;
}

export const DEFAULT_LEASE_TIMINGS: LeaseTimings = { renewMs: 2_000, ttlMs: 6_000 };

/** What the watcher needs: whether it may poll now, and hearing when that changes. */
export interface LeaseGate {
  /** Whether this replica may poll now. */
  held(): boolean;
  /** The fence its writes carry (undefined: unfenced, or not held). */
  fence(): Fence | undefined;
  onChange(listener: (held: boolean) => void): void;
}

export interface WatcherLease extends LeaseGate {
  readonly holder: string;
  /** Tries once at once (so a lone server polls from its first moment), then every renewMs. */
  start(): Promise<void>;
  /** Stops renewing; with release, expires the lease so another replica takes it at once. */
  stop(opts?: { release?: boolean }): Promise<void>;
  /** One acquire-or-renew round, for tests; resolves with whether the lease is held after it. */
  tick(): Promise<boolean>;
}

export interface WatcherLeaseOptions {
  db: Kysely<HistoryDatabase>;
  family: SqlFamily;
  holder?: string;
  timings?: Partial<LeaseTimings>;
  logger?: Logger;
}

/** Database time in Unix ms: one clock for every replica. */
function dbNowMs(family: SqlFamily): RawBuilder<number> {
  return family === 'postgres'
    ? sql<number>`(floor(extract(epoch from clock_timestamp()) * 1000))::bigint`
    : sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`;
}

/** A lease always held, no fence: the single-server SQLite store (the data-dir lock keeps it single). */
export const soleLease: LeaseGate = { held: () => true, fence: () => undefined, onChange: () => undefined };

export function createWatcherLease(opts: WatcherLeaseOptions): WatcherLease {
  const { db, family } = opts;
  const timings = { ...DEFAULT_LEASE_TIMINGS, ...opts.timings };
  const holder = opts.holder ?? randomUUID();
  const logger = opts.logger ?? silentLogger;
  const listeners: ((held: boolean) => void)[] = [];
  let epoch: number | undefined;
  const now = dbNowMs(family);
  const until = sql<number>`${now} + ${timings.ttlMs}`;

  const set = (next: number | undefined) => {
    const was = epoch !== undefined;
    epoch = next;
    if (was !== (next !== undefined)) for (const l of listeners) l(next !== undefined);
  };

  async function renewOrTake(): Promise<number | undefined> {
    if (epoch !== undefined) {
      const renewed = await db.updateTable('watcher_lease').set({ expires_at: until })
        .where('name', '=', WATCHER_LEASE).where('holder', '=', holder).where('epoch', '=', epoch)
        .executeTakeFirst();
      if (Number(renewed.numUpdatedRows) === 1) return epoch;
    }
    await db.insertInto('watcher_lease').values({ name: WATCHER_LEASE, holder: '', epoch: 0, expires_at: 0 })
      .onConflict((oc) => oc.column('name').doNothing()).execute();
    const taken = await db.updateTable('watcher_lease')
      .set((eb) => ({ holder, epoch: eb('epoch', '+', 1), expires_at: until }))
      // Expired, or our own (we lost count of it while the database was away): a new epoch either
      // way, so anything decided under the old one is refused.
      .where('name', '=', WATCHER_LEASE).where((eb) => eb.or([eb('expires_at', '<', now), eb('holder', '=', holder)]))
      .returning('epoch').executeTakeFirst();
    return taken === undefined ? undefined : Number(taken.epoch);
  }

  async function tick(): Promise<boolean> {
    try {
      const before = epoch;
      const next = await renewOrTake();
      if (next !== before) logger.info({ holder, epoch: next ?? null }, next === undefined ? 'watcher lease lost: another replica polls' : 'watcher lease taken: this replica polls');
      set(next);
    } catch (err) {
      // The database is away: we cannot renew, so stop polling; the fence refuses our writes anyway.
      logger.warn({ err: String(err) }, 'watcher lease could not be renewed');
      set(undefined);
    }
    return epoch !== undefined;
  }

  // The system clock's timers do not keep a stopping server alive.
  const loop = repeatingRound(tick, timings.renewMs, systemClock);

  return {
    holder,
    held: () => epoch !== undefined,
    fence: () => (epoch === undefined ? undefined : { lease: WATCHER_LEASE, epoch }),
    onChange: (listener) => void listeners.push(listener),
    tick,
    start: loop.start,
    async stop({ release = false } = {}) {
      await loop.stop();
      const held = epoch;
      set(undefined);
      if (release && held !== undefined) {
        await db.updateTable('watcher_lease').set({ expires_at: 0 })
          .where('name', '=', WATCHER_LEASE).where('holder', '=', holder).where('epoch', '=', held)
          .execute().catch((err: unknown) => logger.warn({ err: String(err) }, 'watcher lease could not be released; it expires by itself'));
      }
    },
  };
}
