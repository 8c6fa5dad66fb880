import type { Kysely, Migration } from 'kysely';
import type { SqlFamily } from './migration-provider.ts';

/** Watch list and observations. Portable DDL; only the identity column differs per SQL family. */
export function initialMigration(family: SqlFamily): Migration {
  return {
    // Migrations see whatever the schema was then, hence `any` (Kysely's documented practice).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('watched_tasks')
        .addColumn('task_key', 'varchar(700)', (c) => c.primaryKey())
        .addColumn('app_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('room_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('task_id', 'varchar(128)')
        .addColumn('user_id', 'varchar(128)')
        .addColumn('version', 'varchar(16)', (c) => c.notNull())
        .addColumn('added_at', 'bigint', (c) => c.notNull())
        .addColumn('added_by', 'varchar(80)')
        .addColumn('start_time', 'bigint')
        .addColumn('ended_at', 'bigint')
        .addColumn('last_observed_at', 'bigint')
        .addColumn('last_attempt_at', 'bigint')
        .addColumn('last_status', 'integer')
        .addColumn('last_push_state', 'integer')
        .addColumn('last_stop_reason', 'text')
        .addColumn('last_error_kind', 'varchar(32)')
        .addColumn('last_error_code', 'text')
        .addColumn('last_error_message', 'text')
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_poll_at', 'bigint')
        .addColumn('not_queryable_since', 'bigint')
        .addColumn('not_queryable_reason', 'varchar(32)')
        .execute();

      await db.schema
        .createTable('observations')
        .addColumn('id', family === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
        .addColumn('task_key', 'varchar(700)', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('observed_at', 'bigint', (c) => c.notNull())
        .addColumn('confirmed_until', 'bigint', (c) => c.notNull())
        .addColumn('continuity', 'varchar(16)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('status', 'integer')
        .addColumn('push_stream_state', 'integer')
        .addColumn('stop_reason', 'text')
        .addColumn('start_time', 'bigint')
        .addColumn('end_time', 'bigint')
        .addColumn('task_fp', 'varchar(16)')
        .addColumn('layout_fp', 'varchar(16)')
        .addColumn('encode_fp', 'varchar(16)')
        .addColumn('control_fp', 'varchar(16)')
        .addColumn('streams_fp', 'varchar(16)')
        .addColumn('changed', 'text')
        .addColumn('payload', 'text')
        .addColumn('request_id', 'text')
        .addColumn('error_kind', 'varchar(32)')
        .addColumn('error_code', 'text')
        .addColumn('error_message', 'text')
        .execute();

      // Every read is "one task, in time order": the timeline, the last row, the baseline.
      await db.schema
        .createIndex('observations_task_time')
        .on('observations')
        .columns(['task_key', 'observed_at', 'id'])
        .execute();
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      await db.schema.dropTable('observations').execute();
      await db.schema.dropTable('watched_tasks').execute();
    },
  };
}
