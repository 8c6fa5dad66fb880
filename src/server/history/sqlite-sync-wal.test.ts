import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseWalOf, syncWal, syncWalOf } from './sqlite-sync-wal.ts';

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

/** This process's open descriptors of files in the test's directory (Linux). */
const openFiles = () => readdirSync('/proc/self/fd').filter((fd) => {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir);
  } catch {
    return false; // closed meanwhile
  }
}).length;

/** Resolves once the thread pool has run a close queued without being awaited. */
const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => new Promise<void>((resolve) => setImmediate(resolve)));

describe('syncWalOf', () => {
  const walDatabase = (name: string) => {
    const db = new Database(join(dir, name));
    db.pragma('journal_mode = WAL');
    db.exec('create table t (n integer); insert into t values (1)');
    return db;
  };

  it('keeps one WAL handle per connection across syncs and lets it go on release', async () => {
    const db = walDatabase('kept.sqlite');
    const before = openFiles();
    await syncWalOf(db);
    expect(openFiles()).toBe(before + 1);
    for (let i = 0; i < 5; i++) {
      db.exec(`insert into t values (${i})`);
      await syncWalOf(db);
    }
    expect(openFiles()).toBe(before + 1);
    releaseWalOf(db);
    for (let i = 0; i < 20 && openFiles() > before; i++) await settled();
    expect(openFiles()).toBe(before);
    db.close();
  });

  it('refuses a closed connection instead of answering that a write is on disk', async () => {
    const db = walDatabase('closed.sqlite');
    db.close();
    await expect(syncWalOf(db)).rejects.toThrow(/closed/);
  });

  it('syncs the database file while the connection has no WAL file yet, and finds the WAL later', async () => {
    const file = join(dir, 'plain.sqlite');
    const db = new Database(file);
    db.exec('create table t (n integer)');
    expect(existsSync(`${file}-wal`)).toBe(false);
    const before = openFiles();
    await syncWalOf(db);
    expect(openFiles()).toBe(before);
    db.pragma('journal_mode = WAL');
    db.exec('insert into t values (1)');
    const withWal = openFiles();
    await syncWalOf(db);
    expect(openFiles()).toBe(withWal + 1);
    releaseWalOf(db);
    db.close();
  });
});
