import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { resolveChromiumOrThrow } from '../scripts/find-chromium.mjs';
import { startChild, tempDir, type ChildServer } from '../e2e/fixtures/child-server.ts';

/**
 * What the benches share: a free loopback port, the real server in a child
 * process on the embedded simulator with no secrets, headless Chromium with the flags this
 * machine needs, small statistics, and the one line `npm run bench` reads back.
 */

/** The line bench/run-all.ts parses: `BENCH_JSON {"figure-id": {"value": 1.2, "detail": "..."}}`. */
export const RESULT_PREFIX = 'BENCH_JSON ';
export interface Figure { value: number; detail?: string }

export function emitFigures(figures: Record<string, Figure>): void {
  console.log(`${RESULT_PREFIX}${JSON.stringify(figures)}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function needDist(): void {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run npm run build first');
}

export interface BenchServer extends ChildServer { dataDir: string; close(): Promise<void> }

/**
 * src/server/main.ts on a free port (or `port`) with the embedded simulator and a fresh data
 * directory. `quiet`: its request log goes to /dev/null (written, as in production, never collected here).
 */
export async function startServer(env: Record<string, string> = {}, script = 'src/server/main.ts', options: { quiet?: boolean; port?: number | undefined } = {}): Promise<BenchServer> {
  const port = options.port ?? await freePort();
  const data = tempDir('mixscope-bench-');
  const server = await startChild(script, [], {
    HOST: '127.0.0.1', PORT: String(port), MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_DATA_DIR: data.path,
    VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '', ...env,
  }, '/api/config', port, options);
  return {
    ...server,
    dataDir: data.path,
    close: async () => {
      await server.stop();
      data.remove();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  const isRoot = process.getuid?.() === 0;
  return chromium.launch({
    executablePath: process.env.MIXSCOPE_CHROMIUM || resolveChromiumOrThrow().path,
    args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** CPU time a process used so far (user + system), from /proc: its own cost whatever else the machine runs. */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
