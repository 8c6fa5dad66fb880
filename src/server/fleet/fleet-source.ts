import type { Kysely } from 'kysely';
import type { FleetTask } from '../../shared/fleet-api.ts';
import type { HistoryDatabase } from '../history/history-db.ts';
import type { HistoryStore } from '../history/history-store.ts';
import { readFleetFacts } from './fleet-facts.ts';
import { factsOfPayload, toFleetTask, type PayloadFacts } from './fleet-row.ts';

/** Every task the server knows, as fleet rows; `row` for one (undefined once it left the list). */
export interface FleetSource {
  list(): Promise<FleetTask[]>;
  row(key: string): Promise<FleetTask | undefined>;
}

export interface FleetSourceDeps {
  /** The AppId-guarded store: it lists and reads only what this server may show. */
  store: Pick<HistoryStore, 'listWatched' | 'getWatched' | 'reconnectCounts'>;
  db: Kysely<HistoryDatabase>;
  now: () => number;
}

/** Change rows never change once written, so a count per observation id stays true. */
const CACHE_MAX = 20_000;

export function createFleetSource({ store, db, now }: FleetSourceDeps): FleetSource {
  const cache = new Map<number, PayloadFacts>();
  const payloadFacts = (latest: { id: number; payload: string | null } | undefined, version: Parameters<typeof factsOfPayload>[1]): PayloadFacts => {
    if (latest === undefined) return { warnings: null, pushUrl: null };
    const known = cache.get(latest.id);
    if (known !== undefined) return known;
    const facts = factsOfPayload(latest.payload, version);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(latest.id, facts);
    return facts;
  };

  async function rows(records: Awaited<ReturnType<HistoryStore['listWatched']>>, reconnects: Map<string, number>): Promise<FleetTask[]> {
    const facts = await readFleetFacts(db, records.map((r) => r.key));
    const at = now();
    return records.map((r) => toFleetTask(r, {
      reconnects: reconnects.get(r.key) ?? 0,
      lastReconnectAt: facts.lastReconnectAt.get(r.key) ?? null,
      ...payloadFacts(facts.latest.get(r.key), r.ref.version),
    }, at));
  }

  return {
    async list() {
      const [records, reconnects] = await Promise.all([store.listWatched(), store.reconnectCounts()]);
      return rows(records, reconnects);
    },
    async row(key) {
      const record = await store.getWatched(key);
      if (record === undefined) return undefined;
      const [row] = await rows([record], await store.reconnectCounts(key));
      return row;
    },
  };
}
