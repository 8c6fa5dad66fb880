import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DATABASE_URL_VAR, describeTarget, type PostgresTarget } from './database-url.ts';
import type { HistoryDatabase } from './history-db.ts';
import { historyMigrations } from './migrations/migration-provider.ts';
import { classifyPgError, StoreUnavailableError, type PgFailure } from './store-unavailable.ts';

export interface PostgresTimeouts {
  /** How long getting a connection may take before the request fails (503) instead of hanging. */
  connectMs: number;
  /** Server-side cap on one statement; the client-side query timeout is a little longer. */
  statementMs: number;
}

export const DEFAULT_PG_TIMEOUTS: PostgresTimeouts = { connectMs: 3_000, statementMs: 10_000 };

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Times are BIGINT ms and counts are int8: pg returns both as strings by default. Every such
 * value here is far below 2^53, so numbers are exact. Per pool, so no other pg user is affected.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const WHAT_FAILED: Record<PgFailure, (t: PostgresTarget) => string> = {
  host: (t) => `could not reach the host ${t.host}:${t.port}. Check the host and port, and that PostgreSQL is running and accepts connections from here`,
  timeout: (t) => `the host ${t.host}:${t.port} did not answer in time. Check the host and port, and any firewall between`,
  auth: (t) => `authentication failed for the user ${t.user}. Check the user name and password (and pg_hba.conf)`,
  database: (t) => `the database ${t.database} does not exist on ${t.host}:${t.port}. Create it (createdb ${t.database}) or fix the name`,
  other: (t) => `could not use ${describeTarget(t)}`,
};

/** A message for an error at start that names the variable and what failed, never the password. */
export function startFailureMessage(target: PostgresTarget, err: unknown): string {
  const kind = classifyPgError(err);
  const code = (err as { code?: unknown } | null)?.code;
  const detail = kind === 'other' && typeof code === 'string' ? ` (PostgreSQL error ${code})` : '';
  return `${DATABASE_URL_VAR}: ${WHAT_FAILED[kind](target)}${detail}.`;
}

export function createPgPool(target: PostgresTarget, timeouts: PostgresTimeouts = DEFAULT_PG_TIMEOUTS, onIdleError?: (err: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.url,
    types,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 2_000,
    // A transaction left open (a paused process) must not hold row locks forever.
    idle_in_transaction_session_timeout: timeouts.statementMs * 3,
    keepAlive: true,
    application_name: 'mixscope',
  });
  // A pooled connection that dies while idle (database restart) must not crash the process: the
  // pool drops it and opens a new one on the next request.
  pool.on('error', (err) => onIdleError?.(err));
  return pool;
}

export interface OpenPostgresOptions {
  timeouts?: PostgresTimeouts;
  onIdleError?: (err: Error) => void;
}

/** Connects, migrates, and returns Kysely over a pool that reconnects by itself. */
export async function openPostgresDatabase(target: PostgresTarget, opts: OpenPostgresOptions = {}): Promise<Kysely<HistoryDatabase>> {
  const pool = createPgPool(target, opts.timeouts, opts.onIdleError);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    // No cause: the message says what failed, and nothing from the driver can carry the URL further.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(startFailureMessage(target, err));
  }
  // Kysely borrows connections through this: a failure to get one is "the store is unavailable".
  const listened = new WeakSet<pg.PoolClient>();
  const gate = {
    connect: async () => {
      try {
        const client = await pool.connect();
        // A connection that dies while checked out emits 'error' on the client itself: unheard,
        // that would end the process; the query in progress fails on its own.
        if (!listened.has(client)) {
          listened.add(client);
          client.on('error', (err) => opts.onIdleError?.(err));
        }
        return client;
      } catch (err) {
        throw new StoreUnavailableError(`The history store (PostgreSQL at ${target.host}:${target.port}) is unreachable: ${classifyPgError(err)}.`);
      }
    },
    end: () => pool.end(),
  };
  const db = new Kysely<HistoryDatabase>({ dialect: new PostgresDialect({ pool: gate as unknown as pg.Pool }) });
  // Replicas starting together: Kysely's migrator serialises them with a transaction-scoped lock.
  const { error, results } = await new Migrator({ db, provider: historyMigrations('postgres') }).migrateToLatest();
  if (error !== undefined) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`${DATABASE_URL_VAR}: history store migration ${failed} failed on ${describeTarget(target)}: ${classifyPgError(error) === 'other' ? String(error) : startFailureMessage(target, error)}`);
  }
  return db;
}
