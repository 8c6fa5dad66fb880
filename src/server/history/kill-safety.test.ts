import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from './open-database.ts';

const child = fileURLToPath(new URL('./kill-writer-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mixscope-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it has reported `commits` commits, then SIGKILLs it mid-loop. */
function writeThenKill(firstSeq: number, commits: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // node --import tsx, not the tsx CLI: killing the CLI would leave its node child running.
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, String(firstSeq)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastSeq = -1;
    let buffered = '';
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) lastSeq = Number(line);
      if (lastSeq >= firstSeq + commits - 1 && proc.exitCode === null && !proc.killed) proc.kill('SIGKILL');
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lastSeq);
      else reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
    });
  });
}

describe('kill safety', () => {
  it('keeps the file intact and every committed row after SIGKILL mid-write', async () => {
    let next = 0;
    for (const commits of [40, 113, 257]) {
      const lastCommitted = await writeThenKill(next, commits);
      expect(lastCommitted).toBeGreaterThanOrEqual(next + commits - 1);

      const db = new Database(join(dir, DB_FILE_NAME));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const seqs = db.prepare('select observed_at as s from observations order by observed_at').all() as { s: number }[];
      // Every reported commit is there, once; at most a few more committed before the output.
      expect(seqs.slice(0, lastCommitted + 1).map((r) => r.s)).toEqual(Array.from({ length: lastCommitted + 1 }, (_, i) => i));
      expect(new Set(seqs.map((r) => r.s)).size).toBe(seqs.length);
      const watched = db.prepare('select last_attempt_at as t from watched_tasks').get() as { t: number };
      expect(watched.t).toBe(seqs.at(-1)?.s); // row and summary committed together
      next = (seqs.at(-1)?.s ?? -1) + 1;
      db.close();
    }
  }, 60_000);
});
