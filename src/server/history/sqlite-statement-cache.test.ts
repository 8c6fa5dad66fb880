import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachingSqlite } from './sqlite-statement-cache.ts';

let sqlite: Database.Database;

beforeEach(() => {
  sqlite = new Database(':memory:');
  sqlite.exec('create table t (n integer)');
  sqlite.exec('insert into t values (1), (2), (3)');
});
afterEach(() => sqlite.close());

describe('cachingSqlite', () => {
  it('answers the statement it prepared before for the same SQL, and a different one for other SQL', () => {
    const db = cachingSqlite(sqlite);
    const a = db.prepare('select n from t where n > ?');
    expect(db.prepare('select n from t where n > ?')).toBe(a);
    expect(db.prepare('select n from t where n < ?')).not.toBe(a);
    expect(a.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('prepares a fresh statement while the cached one is still being iterated', () => {
    const db = cachingSqlite(sqlite);
    const sql = 'select n from t order by n';
    const outer = db.prepare(sql).iterate([]);
    const first = outer.next();
    const inner = db.prepare(sql);
    expect(inner.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(first.value).toEqual({ n: 1 });
    expect([...outer]).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('drops the least recently used statement beyond its size', () => {
    const db = cachingSqlite(sqlite, { size: 2 });
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
  });

  it('closes the database', () => {
    cachingSqlite(sqlite).close();
    expect(sqlite.open).toBe(false);
  });

  it('runs beforeClose while the database is still open, then closes it', () => {
    const openAtHook: boolean[] = [];
    cachingSqlite(sqlite, { beforeClose: (handle) => openAtHook.push(handle === sqlite && handle.open) }).close();
    expect(openAtHook).toEqual([true]);
    expect(sqlite.open).toBe(false);
  });
});
