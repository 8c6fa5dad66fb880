import type { Kysely, Migration } from 'kysely';
import { identityOfKey } from '../../../shared/task-ref.ts';
import type { WatchedRow } from '../history-rows.ts';
import { identityOfRow, mergeWatchedRows } from '../merge-watched-rows.ts';

/**
 * Task keys lose the API version: `version|appId|roomId|taskId|userId` becomes
 * `appId|roomId|taskId|userId`. Rows that named one task under two versions (a callback files
 * under 2020-12-01, a person may open it under another) become one (merge-watched-rows.ts), and
 * every observation moves to the new key, so the merged row keeps the history of all of them.
 * Row by row in code rather than in SQL: the same on SQLite and PostgreSQL, and a watch list is
 * thousands of rows at most. Inside the migrator's transaction on both.
 */
export function taskIdentityMigration(): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      const rows = (await db.selectFrom('watched_tasks').selectAll().execute()) as WatchedRow[];
      const groups = new Map<string, WatchedRow[]>();
      for (const row of rows) groups.set(identityOfRow(row), [...(groups.get(identityOfRow(row)) ?? []), row]);
      for (const group of groups.values()) {
        const merged = mergeWatchedRows(group);
        if (group.length === 1 && group[0]?.task_key === merged.task_key) continue;
        await db.deleteFrom('watched_tasks').where('task_key', 'in', group.map((r) => r.task_key)).execute();
        await db.insertInto('watched_tasks').values(merged).execute();
      }
      const keys = (await db.selectFrom('observations').select('task_key').distinct().execute()) as { task_key: string }[];
      for (const { task_key: old } of keys) {
        const key = identityOfKey(old);
        if (key !== old) await db.updateTable('observations').set({ task_key: key }).where('task_key', '=', old).execute();
      }
    },
    // Not reversible: which version each merged row had is gone. A restore needs a backup.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(_db: Kysely<any>) {
      throw new Error('The task identity migration cannot be undone; restore a backup taken before it.');
    },
  };
}
