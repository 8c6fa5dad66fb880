import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates MIXSCOPE_DATA_DIR and its missing parents, one level at a time. Node's
 * mkdirSync(..., { recursive: true }) loops forever where the kernel refuses a directory without
 * saying why it exists (/proc/x answers ENOENT while /proc exists), and the server hung silently.
 */
export function createDataDir(dataDir: string): void {
  const missing: string[] = [];
  let at = resolve(dataDir);
  for (;;) {
    try {
      if (!statSync(at).isDirectory()) throw new DataDirError(dataDir, `${at} is a file, not a directory`);
      break;
    } catch (err) {
      if (err instanceof DataDirError) throw err;
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(at) === at) throw new DataDirError(dataDir, describe(at, err));
      missing.unshift(at);
      at = dirname(at);
    }
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new DataDirError(dataDir, describe(dir, err));
    }
  }
}

function describe(path: string, err: unknown): string {
  return `${(err as NodeJS.ErrnoException).code ?? (err as Error).message} on ${path}`;
}

/** MIXSCOPE_DATA_DIR cannot be used: the message names the variable and says how to fix it. */
export class DataDirError extends Error {
  constructor(dataDir: string, why: string) {
    super(`MIXSCOPE_DATA_DIR ${dataDir} cannot be created or used (${why}). Point MIXSCOPE_DATA_DIR at a directory this user can write.`);
    this.name = 'DataDirError';
  }
}
