import type { Kysely } from 'kysely';
import type { HistoryDatabase } from '../history/history-db.ts';

/**
 * What the fleet adds to the watch list from the observations: the last reconnect and the task
 * as last observed (for its layout-warnings count). Plain Kysely, so it reads PostgreSQL too.
 * Callers pass the keys they may show: the AppId guard already filtered them.
 */

export interface FleetFacts {
  lastReconnectAt: Map<string, number>;
  /** Per key, the newest change row: its id (a cache key) and the task JSON. */
  latest: Map<string, { id: number; payload: string | null }>;
}

/** Keys per query: SQLite allows 32766 parameters, PostgreSQL 65535; stay well under both. */
const CHUNK = 500;

export async function readFleetFacts(db: Kysely<HistoryDatabase>, keys: readonly string[]): Promise<FleetFacts> {
  const facts: FleetFacts = { lastReconnectAt: new Map(), latest: new Map() };
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    // The same rows reconnectCounts counts: change rows that enter PushStreamState 3.
    const reconnects = await db
      .selectFrom('observations')
      .select((eb) => ['task_key', eb.fn.max('observed_at').as('at')])
      .where('task_key', 'in', chunk)
      .where('kind', '=', 'change')
      .where('push_stream_state', '=', 3)
      .where((eb) => eb.or([eb('changed', 'like', '%pushStreamState%'), eb('changed', '=', '')]))
      .groupBy('task_key')
      .execute();
    for (const r of reconnects) if (r.at !== null) facts.lastReconnectAt.set(r.task_key, Number(r.at));
    const newest = db
      .selectFrom('observations')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('task_key', 'in', chunk)
      .where('kind', '=', 'change')
      .groupBy('task_key');
    const rows = await db.selectFrom('observations').select(['id', 'task_key', 'payload']).where('id', 'in', newest).execute();
    for (const r of rows) facts.latest.set(r.task_key, { id: Number(r.id), payload: r.payload });
  }
  return facts;
}
