import type { Migration, MigrationProvider } from 'kysely';
import { initialMigration } from './0001-initial.ts';
import { callbackEventsMigration } from './0002-callback-events.ts';
import { watcherLeaseMigration } from './0003-watcher-lease.ts';
import { replicasMigration } from './0004-replicas.ts';
import { taskIdentityMigration } from './0005-task-identity.ts';
import { reportedStateMigration } from './0006-reported-state.ts';

/** The DDL that differs between the two databases the query layer is written for. */
export type SqlFamily = 'sqlite' | 'postgres';

/**
 * Migrations listed in code rather than found by scanning a folder: they ship inside the bundle,
 * and a stray file can never run. Names sort in the order they must run; never rename one.
 */
export function historyMigrations(family: SqlFamily): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001-initial': initialMigration(family),
    '0002-callback-events': callbackEventsMigration(family),
    '0003-watcher-lease': watcherLeaseMigration(),
    '0004-replicas': replicasMigration(),
    '0005-task-identity': taskIdentityMigration(),
    '0006-reported-state': reportedStateMigration(),
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
