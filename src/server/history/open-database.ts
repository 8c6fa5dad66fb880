import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { createDataDir } from './create-data-dir.ts';
import type { HistoryDatabase } from './history-db.ts';
import type { PostgresTarget } from './database-url.ts';
import { historyMigrations, type SqlFamily } from './migrations/migration-provider.ts';
import { openPostgresDatabase, type OpenPostgresOptions } from './open-postgres.ts';
import { cachingSqlite } from './sqlite-statement-cache.ts';
import { releaseWalOf } from './sqlite-sync-wal.ts';

export const DB_FILE_NAME = 'mixscope.sqlite';

/** The better-sqlite3 handle under each Kysely this module opened, for a hot path's own prepared statements. */
const sqliteHandles = new WeakMap<Kysely<HistoryDatabase>, Database.Database>();

/**
 * The raw SQLite handle of a store opened here, or undefined (PostgreSQL). Use it only inside
 * `db.connection().execute(...)`: Kysely's connection lock keeps its own transactions out meanwhile.
 */
export function sqliteHandleOf(db: Kysely<HistoryDatabase>): Database.Database | undefined {
  return sqliteHandles.get(db);
}

/**
 * Opens (creating if needed) `<dataDir>/mixscope.sqlite` and migrates it to the latest schema.
 *
 * Durability settings, chosen for "a kill at any moment without corruption":
 * - WAL journal: a commit is one append to the -wal file; readers never block the writer, and a
 *   torn last frame after a kill is detected by its checksum and ignored on the next open.
 * - synchronous=NORMAL, not FULL: in WAL mode both are corruption-proof. NORMAL skips the fsync
 *   per commit; a killed *process* still loses nothing, because every committed frame was already
 *   written to the OS. Only a power cut or kernel crash can drop the last commits (never corrupt
 *   the file), and those few observations are exactly what the next poll would re-record.
 *   FULL would fsync on the event loop for every observation (better-sqlite3 is synchronous), up
 *   to the whole QPS budget's worth per second on a 2-core machine: not worth it here.
 * - busy_timeout: a second process (a backup, the sqlite3 shell) holding a lock makes us wait
 *   instead of failing a write.
 */
export async function openHistoryDatabase(dataDir: string): Promise<Kysely<HistoryDatabase>> {
  const file = join(dataDir, DB_FILE_NAME);
  createDataDir(dataDir);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file);
    const mode: unknown = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`the file system refused WAL mode (got ${String(mode)})`);
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    sqlite?.close();
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new Error(`Could not open the history store ${file} (MIXSCOPE_DATA_DIR): ${why}. Point MIXSCOPE_DATA_DIR at a writable directory.`, { cause: err });
  }
  const database = cachingSqlite(sqlite, { beforeClose: releaseWalOf });
  const db = new Kysely<HistoryDatabase>({ dialect: new SqliteDialect({ database }) });
  const { error, results } = await new Migrator({ db, provider: historyMigrations('sqlite') }).migrateToLatest();
  if (error !== undefined) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`History store migration ${failed} failed on ${file}: ${String(error)}`, { cause: error });
  }
  sqliteHandles.set(db, sqlite);
  return db;
}

export interface StoreLocation {
  dataDir: string;
  /** MIXSCOPE_DATABASE_URL, parsed: PostgreSQL instead of the SQLite file in dataDir. */
  database?: PostgresTarget | undefined;
}

export interface OpenedStore {
  db: Kysely<HistoryDatabase>;
  family: SqlFamily;
}

/** The one store the server runs on: PostgreSQL when a URL is set, else the SQLite file. */
export async function openStoreDatabase(where: StoreLocation, pgOptions?: OpenPostgresOptions): Promise<OpenedStore> {
  if (where.database !== undefined) return { db: await openPostgresDatabase(where.database, pgOptions), family: 'postgres' };
  return { db: await openHistoryDatabase(where.dataDir), family: 'sqlite' };
}
