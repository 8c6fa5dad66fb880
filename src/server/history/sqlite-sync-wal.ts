import { open, type FileHandle } from 'node:fs/promises';

/**
 * What synchronous=FULL would do at the commit, done on the thread pool instead of on the event
 * loop: fsync the WAL file, which holds every frame committed so far (a frame already moved into
 * the database file by a checkpoint was synced there by SQLite first). Without a WAL file the
 * database was checkpointed and closed: the database file is synced instead.
 */
export async function syncWal(databaseFile: string): Promise<void> {
  let file: FileHandle;
  try {
    file = await open(`${databaseFile}-wal`, 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    file = await open(databaseFile, 'r+');
  }
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}
