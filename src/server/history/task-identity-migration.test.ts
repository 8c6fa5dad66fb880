import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HistoryDatabase, ObservationsTable, WatchedTasksTable } from './history-db.ts';
import { createHistoryStore } from './history-store.ts';
import { historyMigrations } from './migrations/migration-provider.ts';
import { openHistoryDatabase } from './open-database.ts';
import { createPgPool } from './open-postgres.ts';
import { describeEachStore, type FreshStore } from './test-stores.ts';

/** A store written before task keys dropped the API version: migrated to 0004, rows in the old keys. */
const BEFORE = '0004-replicas';

/** A row as the schema before 0006 had it (no reported_at). */
type OldWatchedRow = Omit<WatchedTasksTable, 'reported_at' | 'report_applied_at'>;
const watched = (key: string, over: Partial<OldWatchedRow>): OldWatchedRow => {
  const [version = '', appId = '', roomId = '', taskId = '', userId = ''] = key.split('|');
  return {
    task_key: key, app_id: appId, room_id: roomId, task_id: taskId || null, user_id: userId || null, version,
    added_at: 0, added_by: null, start_time: null, ended_at: null, last_observed_at: null, last_attempt_at: null,
    last_status: null, last_push_state: null, last_stop_reason: null, last_error_kind: null, last_error_code: null,
    last_error_message: null, consecutive_failures: 0, next_poll_at: null, not_queryable_since: null, not_queryable_reason: null,
    ...over,
  };
};
const observation = (key: string, at: number, pushState: number): Omit<ObservationsTable, 'id'> => ({
  task_key: key, kind: 'change', observed_at: at, confirmed_until: at, continuity: 'first', attempts: 1,
  status: 2, push_stream_state: pushState, stop_reason: null, start_time: 1_000, end_time: null,
  task_fp: `t${at}`, layout_fp: 'l', encode_fp: 'e', control_fp: 'c', streams_fp: 's', changed: '', payload: '{}',
  request_id: `r${at}`, error_kind: null, error_code: null, error_message: null,
});

const BY_CALLBACK = '2020-12-01|app|room|t1|';
const BY_PERSON = '2023-11-01|app|room|t1|';
const ALONE = '2020-12-01|app|room|t2|';
const UNWATCHED = '2023-06-01|app|room|gone|';

describeEachStore('the task identity migration', (backend) => {
  let fresh: FreshStore;
  let dir: string;
  beforeEach(async () => {
    fresh = await backend.fresh();
    dir = mkdtempSync(join(tmpdir(), 'mixscope-identity-'));
  });
  afterEach(async () => {
    await fresh.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The database as the release before this migration left it. */
  async function oldStore(): Promise<Kysely<HistoryDatabase>> {
    const db = fresh.target === undefined
      ? new Kysely<HistoryDatabase>({ dialect: new SqliteDialect({ database: new Database(join(dir, 'mixscope.sqlite')) }) })
      : new Kysely<HistoryDatabase>({ dialect: new PostgresDialect({ pool: createPgPool(fresh.target) }) });
    const { error } = await new Migrator({ db, provider: historyMigrations(backend.family) }).migrateTo(BEFORE);
    if (error !== undefined) throw error;
    return db;
  }
  const reopen = () => (fresh.target === undefined ? openHistoryDatabase(dir) : fresh.open());

  it('merges the rows that name one task under two versions, keeping every observation of both', async () => {
    const old = await oldStore();
    await old.insertInto('watched_tasks').values([
      watched(BY_CALLBACK, { added_at: 1_000, added_by: 'callback', start_time: 900, last_observed_at: 5_000, last_status: 2, last_push_state: 5, next_poll_at: 20_000 }),
      watched(BY_PERSON, { added_at: 2_000, added_by: null, start_time: 1_000, last_observed_at: 8_000, last_status: 2, last_push_state: 3, next_poll_at: 10_000 }),
      watched(ALONE, { added_at: 3_000, added_by: 'sweep', last_observed_at: 4_000, last_status: 1, next_poll_at: 4_500 }),
    ]).execute();
    await old.insertInto('observations').values([
      observation(BY_CALLBACK, 2_000, 5), observation(BY_PERSON, 3_000, 5), observation(BY_CALLBACK, 5_000, 5),
      observation(BY_PERSON, 8_000, 3), observation(ALONE, 4_000, 1), observation(UNWATCHED, 1_500, 5),
    ]).execute();
    await old.destroy();

    const store = createHistoryStore(await reopen(), { clock: { now: () => 9_000 } });
    try {
      const list = await store.listWatched();
      expect(list.map((t) => t.key)).toEqual(['app|room|t1|', 'app|room|t2|']);
      expect(list[0]).toMatchObject({
        // First seen by the callback, at its time; the version a person chose; the newest state.
        label: 'callback', addedAt: 1_000, startTime: 900, ref: { version: '2023-11-01', appId: 'app', roomId: 'room', taskId: 't1' },
        status: 2, pushStreamState: 3, lastObservedAt: 8_000, nextPollAt: 10_000,
      });
      expect(list[1]).toMatchObject({ label: 'sweep', ref: { version: '2020-12-01', taskId: 't2' }, status: 1, nextPollAt: 4_500 });
      const merged = await store.history('app|room|t1|');
      expect(merged.observations.map((o) => [o.observedAt, o.requestId])).toEqual([[2_000, 'r2000'], [3_000, 'r3000'], [5_000, 'r5000'], [8_000, 'r8000']]);
      expect((await store.history('app|room|t2|')).observations.map((o) => o.requestId)).toEqual(['r4000']);
      expect((await store.history('app|room|gone|')).observations.map((o) => o.requestId)).toEqual(['r1500']);
      expect((await store.reconnectCounts('app|room|t1|')).get('app|room|t1|')).toBe(1);
      // Asked again under either version, it is the same row: nothing new is added.
      expect((await store.watch({ appId: 'app', roomId: 'room', taskId: 't1', version: '2020-12-01' }, { label: 'callback' })).created).toBe(false);
      expect(await store.listWatched()).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('leaves an empty store empty and opens again without change', async () => {
    await (await oldStore()).destroy();
    const first = await reopen();
    expect(await first.selectFrom('watched_tasks').selectAll().execute()).toEqual([]);
    await first.destroy();
    const again = await reopen();
    await again.destroy();
  });
});
