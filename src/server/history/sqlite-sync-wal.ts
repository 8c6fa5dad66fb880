import { open, type FileHandle } from 'node:fs/promises';
import type Database from 'better-sqlite3';

/**
 * What synchronous=FULL would do at the commit, done on the thread pool instead of on the event
 * loop: flush the WAL file, which holds every frame committed so far (a frame already moved into
 * the database file by a checkpoint was synced there by SQLite first). Without a WAL file the
 * database was checkpointed and closed: the database file is synced instead.
 *
 * fdatasync, as SQLite itself uses: it writes the file's data and the size needed to read it
 * back, and skips the timestamps, so a WAL rewritten in place after a checkpoint needs no
 * journal commit of the file system.
 */
export async function syncWal(databaseFile: string): Promise<void> {
  await flushAndClose((await openWal(databaseFile)) ?? (await open(databaseFile, 'r+')));
}

async function flushAndClose(file: FileHandle): Promise<void> {
  try {
    await file.datasync();
  } finally {
    await file.close();
  }
}

/**
 * The WAL handle of each open connection, opened once: SQLite keeps the same -wal file (it starts
 * it over in place) until the last connection closes, so each sync is one trip to the thread pool
 * instead of three (open, sync, close).
 */
const walHandles = new WeakMap<Database.Database, Promise<FileHandle | undefined>>();

async function openWal(databaseFile: string): Promise<FileHandle | undefined> {
  try {
    return await open(`${databaseFile}-wal`, 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** syncWal for a connection this process holds open, through its kept WAL handle. */
export async function syncWalOf(sqlite: Database.Database): Promise<void> {
  if (!sqlite.open) throw new Error(`the SQLite connection to ${sqlite.name} is closed; nothing can be synced through it`);
  let handle = walHandles.get(sqlite);
  if (handle === undefined) {
    handle = openWal(sqlite.name);
    walHandles.set(sqlite, handle);
  }
  let file: FileHandle | undefined;
  try {
    file = await handle;
  } catch (err) {
    walHandles.delete(sqlite);
    throw err;
  }
  if (file === undefined) {
    // No WAL yet: sync the database file this time, and look for the WAL again next time.
    walHandles.delete(sqlite);
    await flushAndClose(await open(sqlite.name, 'r+'));
    return;
  }
  await file.datasync();
}

/** Closes the kept WAL handle of a connection; call it when the connection closes. */
export function releaseWalOf(sqlite: Database.Database): void {
  const handle = walHandles.get(sqlite);
  walHandles.delete(sqlite);
  void handle?.then((file) => file?.close()).catch(() => undefined);
}
