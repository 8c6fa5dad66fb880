import { closeSync, fstatSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createDataDir, DataDirError } from './create-data-dir.ts';

/**
 * One server per data directory. Two servers on one SQLite file each run a watcher on a full
 * upstream budget and lose writes to "database is locked"; the second one refuses to start
 * instead. The lock is a file in the directory naming its holder (pid, host, start time), created
 * exclusively; one left by a server that died without stopping (kill -9, a crash) is taken over
 * when its pid is no longer alive on this host.
 */
export const LOCK_FILE_NAME = 'mixscope.lock';

const HolderSchema = z.object({ pid: z.number().int().positive(), host: z.string(), startedAt: z.string(), identity: z.string().optional() });
export type LockHolder = z.infer<typeof HolderSchema>;

export interface DataDirLock {
  file: string;
  /** Removes the lock if it is still this server's; safe to call more than once. */
  release(): void;
}

export interface LockDeps {
  pid: number;
  host: string;
  now(): Date;
  /** Whether the server that wrote this lock (on this host) still runs. */
  isRunning(holder: LockHolder): boolean;
  /** Which process this is, beyond its pid (see processIdentity). */
  identity?: string | undefined;
}

/**
 * Signal 0 checks a pid without touching it (EPERM: alive, another user's). A pid can be reused
 * once its holder died (a reboot, a restarted container), so where Linux tells which process a pid
 * is (boot id and start tick, no wall clock involved) the lock records it and it must match.
 */
export function isRunning(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = procStat(holder.pid);
  // A killed process its parent has not reaped yet still answers signal 0.
  if (now?.state === 'Z' || now?.state === 'X') return false;
  return holder.identity === undefined || now === undefined || now.identity === holder.identity;
}

/** A process's state and `<boot id>:<start tick>`, from /proc (Linux), or undefined elsewhere. */
function procStat(pid: number): { state: string; identity: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields 3 (state) and 22 (starttime), counted after the command name, which may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [state, ticks] = [fields[0], fields[19]];
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return state && ticks && /^\d+$/.test(ticks) && boot ? { state, identity: `${boot}:${ticks}` } : undefined;
  } catch {
    return undefined;
  }
}

/** Which process this is beyond its pid, where Linux says (see isRunning). */
export const processIdentity = (pid: number): string | undefined => procStat(pid)?.identity;

const thisProcess: LockDeps = { pid: process.pid, host: hostname(), now: () => new Date(), isRunning, identity: processIdentity(process.pid) };

export class DataDirLockedError extends Error {
  constructor(dataDir: string, file: string, holder: LockHolder | undefined, here: string) {
    const who = holder ? `mixscope pid ${holder.pid} on host ${holder.host}, started ${holder.startedAt}` : 'a process whose lock file cannot be read';
    const remedy = holder?.host === here
      ? 'Stop that server, or point MIXSCOPE_DATA_DIR at another directory.'
      : `Stop that server, or point MIXSCOPE_DATA_DIR at another directory; if no server uses this directory any more, delete ${file}.`;
    super(`MIXSCOPE_DATA_DIR ${dataDir} is in use by ${who} (lock file ${file}). Two servers on one history store lose writes. ${remedy}`);
    this.name = 'DataDirLockedError';
  }
}

/** Creates the directory if needed and takes its lock, or throws DataDirError / DataDirLockedError. */
export function lockDataDir(dataDir: string, deps: LockDeps = thisProcess): DataDirLock {
  createDataDir(dataDir);
  const file = join(dataDir, LOCK_FILE_NAME);
  const mine: LockHolder = { pid: deps.pid, host: deps.host, startedAt: deps.now().toISOString(), ...(deps.identity ? { identity: deps.identity } : {}) };
  let holder: LockHolder | undefined;
  // A few rounds: each lost race or stale lock removed sends us round again.
  for (let round = 0; round < 5; round++) {
    if (create(dataDir, file, mine)) return { file, release: () => release(file, mine) };
    const found = read(file);
    if (found === 'gone') continue;
    holder = found.holder;
    const stale = holder !== undefined && holder.host === deps.host && (holder.pid === deps.pid || !deps.isRunning(holder));
    if (!stale) break;
    removeIfSame(file, found.ino, deps.pid);
  }
  throw new DataDirLockedError(dataDir, file, holder, deps.host);
}

/** Written in full beside the lock, then linked into place: link() fails if the lock exists, so no one reads a half-written lock. */
function create(dataDir: string, file: string, mine: LockHolder): boolean {
  const draft = `${file}.${mine.pid}.tmp`;
  try {
    writeFileSync(draft, `${JSON.stringify(mine)}\n`, { mode: 0o644 });
    linkSync(draft, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new DataDirError(dataDir, `${(err as NodeJS.ErrnoException).code ?? (err as Error).message} on ${file}`);
  } finally {
    try {
      unlinkSync(draft);
    } catch { /* never written */ }
  }
}

/** The lock's holder and inode read from one open file, or 'gone' if it vanished meanwhile. */
function read(file: string): { holder: LockHolder | undefined; ino: number } | 'gone' {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  try {
    const { ino } = fstatSync(fd);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(fd, 'utf8'));
    } catch {
      json = undefined;
    }
    const parsed = HolderSchema.safeParse(json);
    return { holder: parsed.success ? parsed.data : undefined, ino };
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes a stale lock, but only the file judged stale: it is moved aside first (atomic), and if
 * another server had already replaced it with a live lock, that one is put back.
 */
function removeIfSame(file: string, staleIno: number, pid: number): void {
  const aside = `${file}.stale-${pid}`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    if (statSync(aside).ino !== staleIno) linkSync(aside, file);
  } catch (err) {
    // A third server locked meanwhile: it holds the lock, and the next round reads it.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(aside);
  }
}

function release(file: string, mine: LockHolder): void {
  try {
    const found = read(file);
    if (found !== 'gone' && found.holder?.pid === mine.pid && found.holder.startedAt === mine.startedAt) unlinkSync(file);
  } catch { /* stopping anyway: a lock left behind is stale and taken over at the next start */ }
}
