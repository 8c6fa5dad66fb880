import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createApp } from '../src/server/app.ts';
import { fakeUpstream, testConfig } from '../src/server/test-support.ts';
import { pixelTask } from '../src/shared/layout-test-tasks.ts';
import { median } from './bench-kit.ts';

/**
 * `npx tsx bench/ssr-stall.bench.ts`: what a large task's /task link costs everyone else. The app
 * in this process answers one task of BENCH_REGIONS regions (default 4000); 8 links to it are
 * opened at once, and the bench prints the longest time the event loop was held meanwhile (what
 * any other request, /healthz included, waits at worst), median of BENCH_ROUNDS (5) rounds.
 * Measured inside the process: a /healthz probe from this same process would start its clock
 * only once the loop was free again.
 * Uses only what the app had before the render size limit, so it runs on older commits too.
 */
const REGIONS = Number(process.env.BENCH_REGIONS || 4000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const LINKS = 8;
const LINK = '/task?appId=demo-app&roomId=room-1&taskId=mix-1&version=2023-11-01';

const cols = Math.ceil(Math.sqrt(REGIONS));
const boxes = Array.from({ length: REGIONS }, (_, i) => ({ x: (i % cols) * 10, y: Math.floor(i / cols) * 10, w: 10, h: 10 }));
const task = { ...pixelTask(boxes), Status: 2, TaskId: 'mix-1' };

const dist = mkdtempSync(join(tmpdir(), 'mixscope-stall-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html>\n<html lang="en"><head><title>mixscope</title></head><body><div id="root"></div></body></html>');
// A cache longer than the bench: every render reads the same answer, none waits for upstream.
const app = createApp({ config: testConfig({ cacheMs: 60_000 }), upstream: fakeUpstream({ kind: 'ok', requestId: 'r', task, fetchedAt: Date.now() }), clock: Date.now, staticRoot: dist });
const { url, server } = await new Promise<{ url: string; server: ServerType }>((resolve) => {
  const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve({ url: `http://127.0.0.1:${info.port}`, server: s }));
});

async function round(): Promise<{ worstStall: number; pageMs: number; rendered: boolean }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const pages = await Promise.all(Array.from({ length: LINKS }, async () => (await fetch(`${url}${LINK}`)).text()));
  const pageMs = performance.now() - started;
  delay.disable();
  return { worstStall: delay.max / 1e6, pageMs, rendered: pages.every((p) => p.includes('data-server-page')) };
}

await round(); // warm-up: JIT, the first upstream answer into the cache
const runs = [];
for (let i = 0; i < ROUNDS; i++) runs.push(await round());
console.log(`${LINKS} /task links at once to a ${REGIONS}-region task, ${ROUNDS} rounds: event loop held at most ${median(runs.map((r) => r.worstStall)).toFixed(0)} ms at a time (rounds ${runs.map((r) => r.worstStall.toFixed(0)).join(', ')}); all ${LINKS} pages in ${median(runs.map((r) => r.pageMs)).toFixed(0)} ms; rendered by the server: ${runs[0]?.rendered ? 'yes' : 'no'}`);
server.close();
rmSync(dist, { recursive: true, force: true });
