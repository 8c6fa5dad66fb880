import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { describe, it } from 'vitest';
import { parseDatabaseUrl, type PostgresTarget } from './database-url.ts';
import type { HistoryDatabase } from './history-db.ts';
import type { SqlFamily } from './migrations/migration-provider.ts';
import { openHistoryDatabase } from './open-database.ts';
import { openPostgresDatabase, type PostgresTimeouts } from './open-postgres.ts';

/**
 * Test support (never imported by production code): the store and watcher suites run against
 * SQLite and, when MIXSCOPE_TEST_DATABASE_URL names a PostgreSQL server (npm test starts one),
 * against PostgreSQL too, each test in a database of its own.
 */

export const TEST_DATABASE_URL_VAR = 'MIXSCOPE_TEST_DATABASE_URL';

export interface FreshStore {
  family: SqlFamily;
  /** Opens (and migrates) the test's database; again after a close, like a restart. */
  open(opts?: { timeouts?: PostgresTimeouts }): Promise<Kysely<HistoryDatabase>>;
  /** PostgreSQL only: the target of this test's database. */
  target?: PostgresTarget;
  dispose(): Promise<void>;
}

export interface StoreBackend {
  family: SqlFamily;
  fresh(): Promise<FreshStore>;
}

export function testDatabaseTarget(): PostgresTarget | undefined {
  const raw = process.env[TEST_DATABASE_URL_VAR];
  if (raw === undefined || raw === '') return undefined;
  const parsed = parseDatabaseUrl(raw);
  if (!parsed.ok) throw new Error(parsed.error.replaceAll('MIXSCOPE_DATABASE_URL', TEST_DATABASE_URL_VAR));
  return parsed.target;
}

export const sqliteBackend: StoreBackend = {
  family: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'mixscope-store-'));
    return {
      family: 'sqlite',
      open: () => openHistoryDatabase(join(dir, 'data')),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

/** A URL for another database on the same server, same credentials. */
export function withDatabase(target: PostgresTarget, database: string): PostgresTarget {
  const url = new URL(target.url);
  url.pathname = `/${database}`;
  return { ...target, url: url.toString(), database };
}

export function postgresBackend(server: PostgresTarget): StoreBackend {
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    family: 'postgres',
    async fresh() {
      const name = `mixscope_test_${randomBytes(6).toString('hex')}`;
      await admin((c) => c.query(`create database ${name}`));
      const target = withDatabase(server, name);
      const opened: Kysely<HistoryDatabase>[] = [];
      return {
        family: 'postgres',
        target,
        async open(opts = {}) {
          const db = await openPostgresDatabase(target, opts.timeouts ? { timeouts: opts.timeouts } : {});
          opened.push(db);
          return db;
        },
        async dispose() {
          await Promise.allSettled(opened.map((db) => db.destroy()));
          await admin((c) => c.query(`drop database if exists ${name} with (force)`));
        },
      };
    },
  };
}

const HOW_TO = `PostgreSQL half skipped: set ${TEST_DATABASE_URL_VAR}=postgres://user:password@127.0.0.1:5432/postgres (a user allowed to create databases), or run npm test, which starts a throwaway PostgreSQL by itself.`;

/**
 * describe.each over the stores: SQLite always, PostgreSQL when configured. Without it, a
 * developer sees one skipped test saying how to enable it; in CI (CI=true) that is a failure.
 */
export function describeEachStore(name: string, body: (backend: StoreBackend) => void): void {
  const target = testDatabaseTarget();
  const backends: StoreBackend[] = target ? [sqliteBackend, postgresBackend(target)] : [sqliteBackend];
  describe.each(backends.map((b) => [b.family, b] as const))(`${name} (%s)`, (_family, backend) => body(backend));
  if (target === undefined) describeMissingPostgres(name);
}

/** A PostgreSQL-only suite, given the test server's target; skipped or failed like the above. */
export function describePostgres(name: string, body: (server: PostgresTarget, backend: StoreBackend) => void): void {
  const target = testDatabaseTarget();
  if (target === undefined) describeMissingPostgres(name);
  else describe(`${name} (postgres)`, () => body(target, postgresBackend(target)));
}

function describeMissingPostgres(name: string): void {
  if (process.env['CI'] === 'true') {
    describe(`${name} (postgres)`, () => {
      it('needs PostgreSQL in CI', () => {
        throw new Error(`CI=true but ${TEST_DATABASE_URL_VAR} is unset: CI must test the PostgreSQL store. ${HOW_TO.replace('PostgreSQL half skipped: ', '')}`);
      });
    });
  } else {
    describe(`${name} (postgres)`, () => it.skip(HOW_TO, () => undefined));
  }
}
