import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { HistoryDatabase } from '../history/history-db.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { SchedulerClock } from '../clock/scheduler-clock.ts';
import { repeatingRound } from '../clock/repeating-round.ts';
import { initialShare, observe, shareCap, shareWait, type ReplicaRow, type ShareState, type ShareTimings } from './replica-share.ts';

/**
 * The database side of the shared budget: every heartbeatMs this replica writes its row, reads
 * everyone's with the database's clock, and hands them to the pure share rule (replica-share.ts).
 * `cap()` is what the governor may grant per window right now. PostgreSQL only: with SQLite one
 * server owns the data directory and keeps the whole budget.
 */

export interface ReplicaMembership {
  readonly id: string;
  cap(): number;
  /** Why it holds no share now (for /readyz); undefined while it holds one. */
  waiting(): string | undefined;
  /** Ids counted at the last read (this replica included). */
  counted(): readonly string[];
  /** One write-and-read round now (the first one runs on start). */
  tick(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ReplicaMembershipOptions {
  db: Kysely<HistoryDatabase>;
  qps: number;
  clock: SchedulerClock;
  /** The upstream call timeout: a granted call reaches the wire no later than that. */
  upstreamTimeoutMs: number;
  windowMs?: number;
  heartbeatMs?: number;
  expiryMs?: number;
  id?: string;
  logger?: Logger;
}

export const MEMBERSHIP_DEFAULTS = { heartbeatMs: 1_000, expiryMs: 4_000, windowMs: 1_000 } as const;
/** Rows of replicas gone this long are deleted by whoever notices. */
const FORGET_MS = 3_600_000;

const dbNow = sql<number>`(floor(extract(epoch from clock_timestamp()) * 1000))::bigint`;

function parseSees(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function createReplicaMembership(opts: ReplicaMembershipOptions): ReplicaMembership {
  const { db, qps, clock } = opts;
  const id = opts.id ?? randomUUID();
  const logger = opts.logger ?? silentLogger;
  const timings: ShareTimings = {
    heartbeatMs: opts.heartbeatMs ?? MEMBERSHIP_DEFAULTS.heartbeatMs,
    expiryMs: opts.expiryMs ?? MEMBERSHIP_DEFAULTS.expiryMs,
    holdMs: (opts.windowMs ?? MEMBERSHIP_DEFAULTS.windowMs) + opts.upstreamTimeoutMs,
  };
  let state: ShareState = initialShare(id);
  let logged: string | undefined;
  const cap = () => shareCap(state, clock.now(), { qps, timings });

  const report = () => {
    const line = `${cap()}/${state.counted.length}`;
    if (line === logged) return;
    logged = line;
    logger.info({ replica: id, share: cap(), replicas: state.counted.length, qps }, `upstream share: ${cap()} calls a second of ${qps}, replicas counted: ${state.counted.length}`);
  };

  async function tick(): Promise<void> {
    const sentAt = clock.now();
    try {
      const sees = JSON.stringify(state.counted);
      await db.insertInto('replicas').values({ id, last_seen: dbNow, sees })
        .onConflict((oc) => oc.column('id').doUpdateSet({ last_seen: dbNow, sees })).execute();
      const read = await db.selectFrom('replicas').select(['id', 'last_seen', 'sees', dbNow.as('db_now')]).execute();
      const now = Number(read[0]?.db_now ?? 0);
      const rows: ReplicaRow[] = read.map((r) => ({ id: r.id, lastSeen: Number(r.last_seen), sees: parseSees(r.sees) }));
      state = observe(state, { sentAt, receivedAt: clock.now(), dbNow: now, rows }, timings);
      const stale = rows.filter((r) => now - r.lastSeen > FORGET_MS).map((r) => r.id);
      if (stale.length > 0) await db.deleteFrom('replicas').where('id', 'in', stale).execute();
    } catch (err) {
      // No heartbeat, no share: the pure rule stops granting once ours has expired for the others.
      logger.warn({ err: String(err) }, 'replica heartbeat failed; the upstream share lapses if it keeps failing');
    }
    report();
  }

  const loop = repeatingRound(tick, timings.heartbeatMs, clock);

  return {
    id,
    cap,
    waiting: () => shareWait(state, clock.now()),
    counted: () => state.counted,
    tick,
    start: loop.start,
    stop: loop.stop,
  };
}
