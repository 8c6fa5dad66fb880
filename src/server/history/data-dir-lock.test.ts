import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirError } from './create-data-dir.ts';
import { DataDirLockedError, LOCK_FILE_NAME, lockDataDir, processIdentity, type LockDeps, type LockHolder } from './data-dir-lock.ts';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'mixscope-lock-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-12-04T10:00:00.000Z');
/** A server on host "ops-1"; `running` lists the pids that still run there. */
const server = (pid: number, running: readonly number[] = [], host = 'ops-1'): LockDeps => ({
  pid, host, now: () => NOW, isRunning: (h: LockHolder) => running.includes(h.pid),
});
const lockFile = () => join(dir, LOCK_FILE_NAME);
const holder = () => JSON.parse(readFileSync(lockFile(), 'utf8')) as LockHolder;

describe('lockDataDir', () => {
  it('refuses a second server while the first runs, naming the directory, its pid and host', () => {
    lockDataDir(dir, server(100));
    let error: unknown;
    try {
      lockDataDir(dir, server(200, [100]));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(`MIXSCOPE_DATA_DIR ${dir} is in use by mixscope pid 100 on host ops-1`);
    expect(holder().pid).toBe(100);
  });

  it('takes over the lock of a server that died without stopping (kill -9)', () => {
    lockDataDir(dir, server(100));
    const lock = lockDataDir(dir, server(200, []));
    expect(holder()).toEqual({ pid: 200, host: 'ops-1', startedAt: NOW.toISOString() });
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('takes over a lock naming its own pid: a restarted container reuses the pid', () => {
    lockDataDir(dir, server(1));
    lockDataDir(dir, server(1, [1]));
    expect(holder().pid).toBe(1);
  });

  it('refuses a lock from another host, whose processes it cannot see, and says how to clear it', () => {
    lockDataDir(dir, server(100, [], 'ops-2'));
    expect(() => lockDataDir(dir, server(200, []))).toThrow(/pid 100 on host ops-2.*delete .*mixscope\.lock/);
  });

  it('refuses a lock it cannot read rather than guess', () => {
    writeFileSync(lockFile(), 'not json');
    expect(() => lockDataDir(dir, server(200))).toThrow(/a process whose lock file cannot be read.*delete/);
  });

  it('releases only its own lock', () => {
    const first = lockDataDir(dir, server(100));
    lockDataDir(dir, server(200, [])); // took over: the first is gone, as far as it knows
    first.release();
    expect(holder().pid).toBe(200);
  });

  it('creates the directory and its parents, and names MIXSCOPE_DATA_DIR when it cannot', () => {
    const nested = join(dir, 'a', 'b');
    lockDataDir(nested, server(100)).release();
    expect(existsSync(nested)).toBe(true);
    writeFileSync(join(dir, 'file'), '');
    expect(() => lockDataDir(join(dir, 'file', 'data'), server(100))).toThrow(DataDirError);
    expect(() => lockDataDir(join(dir, 'file'), server(100))).toThrow(/MIXSCOPE_DATA_DIR .* is a file, not a directory/);
  });
});

describe('processIdentity', () => {
  it.runIf(process.platform === 'linux')('tells this process apart from another with a different start', () => {
    expect(processIdentity(process.pid)).toMatch(/^[\w-]+:\d+$/);
    expect(processIdentity(process.pid)).not.toBe(processIdentity(1));
  });
});
