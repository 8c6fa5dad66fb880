import type { Kysely } from 'kysely';
import type { NotQueryableReason, Observation } from '../../shared/history-api.ts';
import { SOURCE_LABELS } from '../../shared/fleet-api.ts';
import { taskIdentityKey, type TaskRef } from '../../shared/task-ref.ts';
import { DEFAULT_COMPRESSION, type CompressionPolicy } from './compress.ts';
import type { FetchOutcome } from './fetch-outcome.ts';
import { checkFence, type Fence } from './fence.ts';
import type { HistoryDatabase } from './history-db.ts';
import { toObservation, toWatchedRecord, type WatchedTaskRecord } from './history-rows.ts';
import { openHistoryDatabase } from './open-database.ts';
import { recordObservation, type RecordResult } from './record-observation.ts';

export type { WatchedTaskRecord } from './history-rows.ts';
export type { RecordResult } from './record-observation.ts';
export type { Fence } from './fence.ts';

export interface HistoryQuery {
  /** Rows that were still true at or after this time. */
  from?: number;
  /** Rows first seen at or before this time. */
  to?: number;
  /** The newest `limit` rows in the range are returned. */
  limit?: number;
}

export interface HistoryPage {
  observations: Observation[];
  baseline: Observation | null;
  truncated: boolean;
}

export interface HistoryStore {
  watch(ref: TaskRef, opts?: { label?: string }): Promise<{ task: WatchedTaskRecord; created: boolean }>;
  unwatch(key: string): Promise<boolean>;
  getWatched(key: string): Promise<WatchedTaskRecord | undefined>;
  listWatched(): Promise<WatchedTaskRecord[]>;
  /** With a fence (the watcher's lease epoch), refused once the lease has moved on. */
  record(ref: TaskRef, outcome: FetchOutcome, at: number, fence?: Fence): Promise<RecordResult>;
  /** The watcher's plan: when to ask next (null: never). */
  schedule(key: string, nextPollAt: number | null, fence?: Fence): Promise<void>;
  /** Stops polling for good; the history stays readable. */
  markNotQueryable(key: string, reason: NotQueryableReason, since: number, fence?: Fence): Promise<void>;
  history(key: string, query?: HistoryQuery): Promise<HistoryPage>;
  /**
   * What a Volcengine callback reported about a watched task's state at `eventTime`: shown at
   * once unless a callback with a later EventTime was applied already, or the event is clearly
   * older than the last poll; the next poll confirms or corrects it. True when the row changed.
   */
  report(key: string, state: ReportedState, eventTime: number): Promise<boolean>;
  /** Per task key (all, or one): how many times the push was seen entering reconnect (PushStreamState 3). */
  reconnectCounts(key?: string): Promise<Map<string, number>>;
  close(): Promise<void>;
}

export interface ReportedState {
  status?: number | undefined;
  pushStreamState?: number | undefined;
  stopReason?: string | undefined;
}

export interface HistoryStoreOptions {
  dataDir: string;
  clock: { now(): number };
  compression?: CompressionPolicy;
}

export const DEFAULT_HISTORY_LIMIT = 5_000;

/**
 * An event dated this long before the last poll is older than what that poll saw, whatever the
 * skew between Volcengine's clock and ours; closer than that, the event may be the newer one.
 */
export const REPORT_STALE_MS = 60_000;

const DISCOVERY_LABELS: string[] = Object.values(SOURCE_LABELS);
const isDiscoveryLabel = (label: string | null) => label !== null && DISCOVERY_LABELS.includes(label);
export const MAX_HISTORY_LIMIT = 50_000;

export async function openHistoryStore(opts: HistoryStoreOptions): Promise<HistoryStore> {
  return createHistoryStore(await openHistoryDatabase(opts.dataDir), opts);
}

/** The query layer: plain Kysely, no SQLite-only SQL, so a PostgreSQL Kysely can be passed in. */
export function createHistoryStore(db: Kysely<HistoryDatabase>, opts: Omit<HistoryStoreOptions, 'dataDir'>): HistoryStore {
  const policy = opts.compression ?? DEFAULT_COMPRESSION;
  const getWatched = async (key: string) => {
    const row = await db.selectFrom('watched_tasks').selectAll().where('task_key', '=', key).executeTakeFirst();
    return row && toWatchedRecord(row);
  };

  return {
    async watch(ref, { label } = {}) {
      const key = taskIdentityKey(ref);
      const result = await db
        .insertInto('watched_tasks')
        .values({
          task_key: key,
          app_id: ref.appId,
          room_id: ref.roomId,
          task_id: ref.taskId ?? null,
          user_id: ref.userId ?? null,
          version: ref.version,
          added_at: opts.clock.now(),
          added_by: label ?? null,
          consecutive_failures: 0,
          next_poll_at: opts.clock.now(),
        })
        .onConflict((oc) => oc.column('task_key').doNothing())
        .executeTakeFirst();
      const created = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      // A callback or a sweep only guesses the version; one a person names replaces the guess.
      if (!created && !isDiscoveryLabel(label ?? null)) {
        await db.updateTable('watched_tasks').set({ version: ref.version })
          .where('task_key', '=', key).where('added_by', 'in', DISCOVERY_LABELS).where('version', '<>', ref.version).execute();
      }
      const task = await getWatched(key);
      if (task === undefined) throw new Error(`watch list row ${key} vanished right after insert`);
      return { task, created };
    },

    async unwatch(key) {
      const result = await db.deleteFrom('watched_tasks').where('task_key', '=', key).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    getWatched,

    async listWatched() {
      const rows = await db.selectFrom('watched_tasks').selectAll().orderBy('added_at').orderBy('task_key').execute();
      return rows.map(toWatchedRecord);
    },

    record: (ref, outcome, at, fence) => recordObservation(db, taskIdentityKey(ref), outcome, at, policy, fence),

    async schedule(key, nextPollAt, fence) {
      await db.transaction().execute(async (trx) => {
        await checkFence(trx, fence);
        await trx.updateTable('watched_tasks').set({ next_poll_at: nextPollAt }).where('task_key', '=', key).execute();
      });
    },

    async markNotQueryable(key, reason, since, fence) {
      await db.transaction().execute(async (trx) => {
        await checkFence(trx, fence);
        await trx
          .updateTable('watched_tasks')
          .set({ next_poll_at: null, not_queryable_reason: reason, not_queryable_since: since })
          .where('task_key', '=', key)
          .where('not_queryable_since', 'is', null)
          .execute();
      });
    },

    async history(key, { from, to, limit = DEFAULT_HISTORY_LIMIT } = {}) {
      const max = Math.max(1, Math.min(limit, MAX_HISTORY_LIMIT));
      let q = db.selectFrom('observations').selectAll().where('task_key', '=', key);
      if (to !== undefined) q = q.where('observed_at', '<=', to);
      if (from !== undefined) q = q.where('confirmed_until', '>=', from);
      const rows = await q.orderBy('observed_at', 'desc').orderBy('id', 'desc').limit(max + 1).execute();
      const truncated = rows.length > max;
      const page = rows.slice(0, max).reverse();
      const first = page[0];
      let b = db.selectFrom('observations').selectAll().where('task_key', '=', key).where('kind', '=', 'change');
      if (first !== undefined) {
        b = b.where((eb) => eb.or([
          eb('observed_at', '<', first.observed_at),
          eb.and([eb('observed_at', '=', first.observed_at), eb('id', '<', first.id)]),
        ]));
      } else if (to !== undefined) {
        b = b.where('observed_at', '<=', to);
      }
      const baseline = await b.orderBy('observed_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return { observations: page.map(toObservation), baseline: baseline ? toObservation(baseline) : null, truncated };
    },

    async report(key, state, eventTime) {
      if (state.status === undefined && state.pushStreamState === undefined) return false;
      const set: { last_status?: number; last_push_state?: number; last_stop_reason?: string; reported_at: number; report_applied_at: number } = {
        reported_at: eventTime, report_applied_at: opts.clock.now(),
      };
      if (state.status !== undefined) set.last_status = state.status;
      if (state.pushStreamState !== undefined) set.last_push_state = state.pushStreamState;
      if (state.stopReason !== undefined) set.last_stop_reason = state.stopReason;
      // One statement, so a callback applied meanwhile is seen: EventTimes order callbacks.
      const result = await db.updateTable('watched_tasks').set(set)
        .where('task_key', '=', key)
        .where((eb) => eb.or([eb('reported_at', 'is', null), eb('reported_at', '<', eventTime)]))
        .where((eb) => eb.or([eb('last_observed_at', 'is', null), eb('last_observed_at', '<', eventTime + REPORT_STALE_MS)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async reconnectCounts(key) {
      // Change rows that *enter* state 3 (or a first row already in it); a layout change during a
      // reconnect is also a change row in state 3 but is not a new reconnect.
      let q = db.selectFrom('observations');
      if (key !== undefined) q = q.where('task_key', '=', key);
      const rows = await q
        .select((eb) => ['task_key', eb.fn.countAll<number>().as('n')])
        .where('kind', '=', 'change')
        .where('push_stream_state', '=', 3)
        .where((eb) => eb.or([eb('changed', 'like', '%pushStreamState%'), eb('changed', '=', '')]))
        .groupBy('task_key')
        .execute();
      return new Map(rows.map((r) => [r.task_key, Number(r.n)]));
    },

    close: () => db.destroy(),
  };
}
