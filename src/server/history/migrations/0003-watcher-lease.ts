import type { Kysely, Migration } from 'kysely';

/**
 * The watcher lease: which replica polls watched tasks (holder), until when (expires_at, database
 * time in ms) and the fencing epoch every watcher write is checked against.
 */
export function watcherLeaseMigration(): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('watcher_lease')
        .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('holder', 'varchar(128)', (c) => c.notNull())
        .addColumn('epoch', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      await db.schema.dropTable('watcher_lease').execute();
    },
  };
}
