import type { Kysely, Migration } from 'kysely';

/**
 * Replica membership for the shared upstream budget (governor/replica-share.ts): each replica's
 * heartbeat (last_seen, database time in ms) and the ids it counted at its previous read (`sees`,
 * a JSON array; empty until it has read once).
 */
export function replicasMigration(): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('replicas')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('last_seen', 'bigint', (c) => c.notNull())
        .addColumn('sees', 'text', (c) => c.notNull())
        .execute();
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      await db.schema.dropTable('replicas').execute();
    },
  };
}
