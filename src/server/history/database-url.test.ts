import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { databasePassword, parseDatabaseUrl } from './database-url.ts';

describe('MIXSCOPE_DATABASE_URL', () => {
  it('reads postgres:// and postgresql:// URLs, the database defaulting to the user like libpq', () => {
    expect(parseDatabaseUrl('postgres://ops:p%40ss@db.internal:6543/mixscope?sslmode=require')).toEqual({
      ok: true, target: { url: 'postgres://ops:p%40ss@db.internal:6543/mixscope?sslmode=require', host: 'db.internal', port: 6543, user: 'ops', database: 'mixscope' },
    });
    expect(parseDatabaseUrl('postgresql://ops@[::1]')).toMatchObject({ ok: true, target: { host: '::1', port: 5432, database: 'ops' } });
    const withPassword = parseDatabaseUrl('postgres://ops:p%40ss@h/d');
    expect(withPassword.ok && databasePassword(withPassword.target)).toBe('p@ss');
  });

  it.each([
    ['mysql://u:secret-pw@h/d', /scheme "mysql"/],
    ['not a url secret-pw', /is not a URL/],
    ['postgres://h/d', /names no user/],
    ['postgres://u:secret-pw@h/a/b', /several segments/],
    ['postgres://u:secret-pw@h/d?sslmode=maybe', /sslmode=maybe; use one of disable, prefer, require/],
  ])('refuses %s, saying what is wrong and the form, never the password', (raw, why) => {
    const parsed = parseDatabaseUrl(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatch(/^MIXSCOPE_DATABASE_URL /);
    expect(parsed.error).toMatch(why);
    expect(parsed.error).toContain('postgres://user:password@host:5432/database');
    expect(parsed.error).not.toContain('secret-pw');
  });

  it('is read by parseEnv: unset keeps SQLite, a bad value is a start error', () => {
    const base = { MIXSCOPE_UPSTREAM: 'simulator' };
    const sqlite = parseEnv(base);
    expect(sqlite.ok && sqlite.config.database).toBeUndefined();
    const pg = parseEnv({ ...base, MIXSCOPE_DATABASE_URL: 'postgres://u:pw@db:5432/m' });
    expect(pg.ok && pg.config.database).toMatchObject({ host: 'db', database: 'm' });
    const bad = parseEnv({ ...base, MIXSCOPE_DATABASE_URL: 'sqlite:///x' });
    expect(bad.ok ? [] : bad.errors).toEqual([expect.stringMatching(/^MIXSCOPE_DATABASE_URL has the scheme "sqlite"/)]);
  });
});
