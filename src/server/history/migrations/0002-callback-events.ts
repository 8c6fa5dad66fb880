import type { Kysely, Migration } from 'kysely';
import type { SqlFamily } from './migration-provider.ts';

/**
 * Volcengine event callbacks, stored raw before they are acknowledged, and the room presence facts
 * read from UserJoinRoom / UserLeaveRoom. Portable DDL; only the identity column differs per family.
 */
export function callbackEventsMigration(family: SqlFamily): Migration {
  const identity = family === 'postgres' ? 'bigserial' : 'integer';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('callback_events')
        .addColumn('id', identity, (c) => c.primaryKey())
        .addColumn('event_id', 'varchar(256)', (c) => c.notNull().unique())
        .addColumn('event_type', 'varchar(128)', (c) => c.notNull())
        .addColumn('event_time', 'bigint', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('app_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('room_id', 'varchar(128)')
        .addColumn('task_id', 'varchar(128)')
        .addColumn('user_id', 'varchar(128)')
        .addColumn('envelope', 'text', (c) => c.notNull())
        .addColumn('processed_at', 'bigint')
        .addColumn('outcome', 'varchar(32)', (c) => c.notNull())
        .execute();
      // Reads: one room's or task's events by time, and the events still to apply.
      await db.schema.createIndex('callback_events_room_time').on('callback_events').columns(['app_id', 'room_id', 'event_time']).execute();
      await db.schema.createIndex('callback_events_pending').on('callback_events').columns(['processed_at', 'event_time']).execute();

      await db.schema
        .createTable('room_presence')
        .addColumn('id', identity, (c) => c.primaryKey())
        .addColumn('event_id', 'varchar(256)', (c) => c.notNull().unique())
        .addColumn('app_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('room_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('user_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('kind', 'varchar(8)', (c) => c.notNull())
        .addColumn('reason', 'varchar(128)')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('room_presence_room_time').on('room_presence').columns(['app_id', 'room_id', 'at']).execute();
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      await db.schema.dropTable('room_presence').execute();
      await db.schema.dropTable('callback_events').execute();
    },
  };
}
