import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * What Kysely's SQLite dialect is given instead of the bare better-sqlite3 handle: `prepare`
 * answers a statement already prepared for the same SQL text (Kysely binds every value, so one
 * query shape is one text), instead of SQLite parsing and planning it again on every call. A
 * statement still being iterated (a streamed select) is busy and cannot run twice at once: then a
 * fresh one is prepared. The least recently used statements are dropped beyond `size`.
 */
export function cachingSqlite(sqlite: Database.Database, options: { size?: number; beforeClose?: (sqlite: Database.Database) => void } = {}): SqliteDatabase {
  const size = options.size ?? 256;
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => {
      options.beforeClose?.(sqlite);
      sqlite.close();
    },
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit !== undefined && !hit.busy) {
        // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      if (hit === undefined) {
        cache.set(sql, statement);
        if (cache.size > size) {
          const oldest = cache.keys().next();
          if (oldest.done !== true) cache.delete(oldest.value);
        }
      }
      return statement;
    },
  };
}
