import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncWal } from './sqlite-sync-wal.ts';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'mixscope-syncwal-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('syncWal', () => {
  it('syncs the WAL of an open database, and the database file once the WAL is gone', async () => {
    const file = join(dir, 'x.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('create table t (n integer); insert into t values (1)');
    expect(existsSync(`${file}-wal`)).toBe(true);
    await expect(syncWal(file)).resolves.toBeUndefined();
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    await expect(syncWal(file)).resolves.toBeUndefined();
  });

  it('fails when there is no database to sync, so nobody is told a write is on disk', async () => {
    await expect(syncWal(join(dir, 'missing.sqlite'))).rejects.toThrow(/ENOENT/);
  });
});
