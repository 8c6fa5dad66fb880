import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnTs, tempDir, type Child } from '../system-test/child-process-kit.ts';
import { parseDatabaseUrl, type PostgresTarget } from './database-url.ts';
import { openPostgresDatabase } from './open-postgres.ts';
import { describePostgres, withDatabase } from './test-stores.ts';

/** Start-up against a PostgreSQL that refuses: the message names the variable and what failed, never the password. */

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const children: Child[] = [];
const dirs: { remove(): void }[] = [];
afterAll(async () => {
  await Promise.all(children.map((c) => c.stop()));
  for (const d of dirs) d.remove();
});

function withPassword(target: PostgresTarget, password: string): PostgresTarget {
  const url = new URL(target.url);
  url.password = password;
  return { ...target, url: url.toString() };
}

async function startFailure(target: PostgresTarget): Promise<string> {
  try {
    const db = await openPostgresDatabase(target);
    await db.destroy();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error('the store opened, but it was expected to fail');
}

function exited(child: Child): Promise<number | null> {
  const proc = child.process;
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
}

async function mainWith(databaseUrl: string, dataDir?: string): Promise<Child> {
  const dir = tempDir('mixscope-pg-start-');
  dirs.push(dir);
  const child = spawnTs(MAIN, [], {
    HOST: '127.0.0.1', PORT: String(await freePort()), MIXSCOPE_DATA_DIR: dataDir ?? dir.path, MIXSCOPE_UPSTREAM: 'simulator',
    VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '', LOG_LEVEL: 'debug', LOG_FORMAT: 'json',
    MIXSCOPE_DATABASE_URL: databaseUrl,
  });
  children.push(child);
  return child;
}

describe('MIXSCOPE_DATABASE_URL at start, without a server', () => {
  it('names the host and port nobody listens on, and not the password', async () => {
    const password = 'Sup3r-secret-pw-nobody-listens';
    const parsed = parseDatabaseUrl(`postgres://mixscope:${password}@127.0.0.1:${await freePort()}/mixscope`);
    if (!parsed.ok) throw new Error(parsed.error);
    const message = await startFailure(parsed.target);
    expect(message).toMatch(/^MIXSCOPE_DATABASE_URL: could not reach the host 127\.0\.0\.1:\d+/);
    expect(message).not.toContain(password);
  });

  it('stops the server at start on a value that is not a postgres URL, naming the variable', async () => {
    const child = await mainWith('mysql://root:hunter2-secret@127.0.0.1/db');
    expect(await exited(child)).toBe(1);
    expect(child.output()).toMatch(/MIXSCOPE_DATABASE_URL has the scheme "mysql"/);
    expect(child.output()).not.toContain('hunter2-secret');
  });
});

describePostgres('MIXSCOPE_DATABASE_URL at start', (server) => {
  const wrongPassword = 'Wr0ng-password-that-must-not-leak';

  it('says authentication failed for the user, and not the password', async () => {
    const message = await startFailure(withPassword(server, wrongPassword));
    expect(message).toBe(`MIXSCOPE_DATABASE_URL: authentication failed for the user ${server.user}. Check the user name and password (and pg_hba.conf).`);
    expect(message).not.toContain(wrongPassword);
  });

  it('names the database that does not exist', async () => {
    const message = await startFailure(withDatabase(server, 'no_such_mixscope_db'));
    expect(message).toMatch(/^MIXSCOPE_DATABASE_URL: the database no_such_mixscope_db does not exist on /);
    expect(message).not.toContain(new URL(server.url).password);
  });

  it('stops the real server with that message, the password in none of its output', async () => {
    const child = await mainWith(withPassword(server, wrongPassword).url);
    expect(await exited(child)).toBe(1);
    expect(child.output()).toContain('MIXSCOPE_DATABASE_URL: authentication failed');
    expect(child.output()).not.toContain(wrongPassword);
  });

  it('starts two servers on one database (no data-directory lock, even on one MIXSCOPE_DATA_DIR), both ready', async () => {
    const shared = tempDir('mixscope-pg-shared-');
    dirs.push(shared);
    const a = await mainWith(server.url, shared.path);
    const b = await mainWith(server.url, shared.path);
    const [urlA, urlB] = await Promise.all([a, b].map(async (c) => (await c.waitFor(/"url":"(http:\/\/[^"]+)"/))[1]));
    for (const url of [urlA, urlB]) {
      const res = await fetch(`${url}/readyz`);
      expect(await res.json()).toMatchObject({ checks: { store: true } });
    }
    expect(a.output() + b.output()).not.toContain(new URL(server.url).password);
  }, 60_000);
});
