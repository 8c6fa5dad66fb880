import type { Kysely, Migration } from 'kysely';

/**
 * A Volcengine callback's Status / PushStreamState shown on the row: `reported_at` is the newest
 * EventTime applied (orders late callbacks), `report_applied_at` when it was applied on this
 * server's clock; a poll recorded after that confirms or corrects it. Two clocks, because
 * Volcengine's (or a fast simulator's) EventTime cannot be compared with the time of a poll.
 */
export function reportedStateMigration(): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema.alterTable('watched_tasks').addColumn('reported_at', 'bigint').execute();
      await db.schema.alterTable('watched_tasks').addColumn('report_applied_at', 'bigint').execute();
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      await db.schema.alterTable('watched_tasks').dropColumn('report_applied_at').execute();
      await db.schema.alterTable('watched_tasks').dropColumn('reported_at').execute();
    },
  };
}
