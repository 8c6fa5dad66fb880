import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from './history/data-dir-lock.ts';
import { freePort, spawnTs, type Child } from './system-test/child-process-kit.ts';

/** Real server processes (src/server/main.ts) on one data directory. */
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mixscope-one-server-'));
const started: Child[] = [];
afterAll(async () => {
  await Promise.all(started.map((c) => c.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function server(dataDir: string): Promise<Child> {
  const child = spawnTs(MAIN, [], {
    HOST: '127.0.0.1', PORT: String(await freePort()), MIXSCOPE_DATA_DIR: dataDir, MIXSCOPE_UPSTREAM: 'simulator',
    VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '', LOG_LEVEL: 'info',
  });
  started.push(child);
  return child;
}

/** The exit code, once the process has exited (the event, not a poll). */
function exitCode(child: Child): Promise<number | null> {
  const { process: proc } = child;
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
}

const LISTENING = /mixscope on http/;

describe('one server per data directory', () => {
  it('refuses a second server on the same directory, naming it and the pid and host holding it; a killed holder is taken over', async () => {
    const first = await server(dir);
    await first.waitFor(LISTENING);
    const second = await server(dir);
    // Whichever comes first: today's refusal, or the second server up beside the first.
    expect(await Promise.race([exitCode(second), second.waitFor(LISTENING).then(() => 'listening')])).toBe(1);
    expect(second.output()).toContain(`MIXSCOPE_DATA_DIR ${dir} is in use by mixscope pid ${first.process.pid} on host ${hostname()}`);
    expect(second.output()).not.toMatch(LISTENING);

    // kill -9 leaves the lock behind: the next server sees its holder is gone and takes it over.
    first.process.kill('SIGKILL');
    await exitCode(first);
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);
    const third = await server(dir);
    await third.waitFor(LISTENING);

    // A graceful stop removes the lock.
    third.process.kill('SIGTERM');
    expect(await exitCode(third)).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  }, 120_000);

  it.runIf(existsSync('/proc/self'))('exits with a message naming MIXSCOPE_DATA_DIR when it cannot be created', async () => {
    const child = await server('/proc/x');
    expect(await exitCode(child)).toBe(1);
    expect(child.output()).toContain('MIXSCOPE_DATA_DIR /proc/x cannot be created');
  }, 30_000);
});
