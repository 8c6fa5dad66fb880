import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/server/app.ts';
import { GOVERNANCE_DEFAULTS } from '../src/server/env-governance.ts';
import { createGovernor } from '../src/server/governor/governor.ts';
import { testConfig } from '../src/server/test-support.ts';
import type { UpstreamClient } from '../src/server/upstream-client.ts';
import { systemClock } from '../src/server/clock/scheduler-clock.ts';
import { emitFigures, sleep } from './bench-kit.ts';
import { busiestWindow } from './busiest-window.ts';

/**
 * `npx tsx bench/viewers.bench.ts`: twenty operators' worth of dashboards, 200 viewers on 20
 * tasks (ten per task), each polling /api/task every 2 s the way the task page does (a fixed
 * interval, like react-query's refetchInterval), each starting at its own moment. The real app
 * and governor (MIXSCOPE_QPS and MIXSCOPE_CACHE_MS at their defaults) on loopback, with a
 * counting upstream that answers after 30 ms. Counts upstream calls per second after a warm-up:
 * the budget is one call per task per period (20 tasks / 2 s = 10 per second), on average and
 * in the busiest period. BENCH_SECONDS (40) bounds it; BENCH_CACHE_MS replaces MIXSCOPE_CACHE_MS's default.
 */
const SECONDS = Number(process.env.BENCH_SECONDS || 40);
const WARMUP_MS = 4_000;
const VIEWERS = 200;
const TASKS = 20;
const PERIOD_MS = 2_000;
const UPSTREAM_MS = 30;

/** Deterministic phases: the same run every time (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}


// BENCH_CACHE_MS replays another cache setting (1000 was the default before the cache matched the poll).
const cacheMs = process.env.BENCH_CACHE_MS === undefined ? GOVERNANCE_DEFAULTS.cacheMs : Number(process.env.BENCH_CACHE_MS);
if (!Number.isInteger(cacheMs) || cacheMs < 0) throw new Error(`BENCH_CACHE_MS must be a whole number of milliseconds, not ${process.env.BENCH_CACHE_MS}`);
const calls: number[] = [];
const upstream: UpstreamClient = {
  getTask: async () => {
    calls.push(performance.now());
    await sleep(UPSTREAM_MS);
    return { kind: 'ok', requestId: `r${calls.length}`, task: { Status: 2, PushStreamState: 5 }, fetchedAt: Date.now() };
  },
};
const config = testConfig({ upstream: 'simulator', credentials: undefined, cacheMs });
const governor = createGovernor({ upstream, clock: systemClock, qps: config.qps, cacheMs });
const app = createApp({ config, upstream, clock: Date.now, governor });
const server = await new Promise<{ url: string; close(): void }>((resolve) => {
  const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve({ url: `http://127.0.0.1:${info.port}`, close: () => s.close() }));
});

const statuses = new Map<number, number>();
const random = rng(8);
const t0 = performance.now();
const end = t0 + SECONDS * 1_000;
const timers: ReturnType<typeof setInterval>[] = [];
const poll = async (task: number) => {
  const res = await fetch(`${server.url}/api/task?appId=bench-app&roomId=room-${task}&taskId=mix-${task}`, { headers: { host: 'localhost' } });
  await res.arrayBuffer();
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
};
for (let v = 0; v < VIEWERS; v++) {
  const task = v % TASKS;
  setTimeout(() => {
    void poll(task);
    timers.push(setInterval(() => void poll(task), PERIOD_MS));
  }, random() * PERIOD_MS);
}
console.error(`${VIEWERS} viewers on ${TASKS} tasks, every ${PERIOD_MS} ms, for ${SECONDS} s (cache ${cacheMs} ms, MIXSCOPE_QPS ${config.qps})...`);
await sleep(end - performance.now());
timers.forEach(clearInterval);
await sleep(500);
server.close();

const counted = calls.filter((t) => t >= t0 + WARMUP_MS && t < end);
const spanS = (end - t0 - WARMUP_MS) / 1_000;
const rate = counted.length / spanS;
const peak = busiestWindow(counted, PERIOD_MS) / (PERIOD_MS / 1_000);
const peak1s = busiestWindow(counted, 1_000);
const answered = [...statuses].map(([s, n]) => `${n} × ${s}`).join(', ');
console.log(`upstream calls: ${rate.toFixed(2)} per second on average over ${spanS.toFixed(0)} s (${counted.length} calls), ${peak.toFixed(1)} per second in the busiest ${PERIOD_MS / 1_000} s, ${peak1s} in the busiest second`);
console.log(`viewer requests answered: ${answered}; one call per task per period would be ${(TASKS / (PERIOD_MS / 1_000)).toFixed(0)} per second`);
emitFigures({
  'viewers-upstream-rate': { value: rate, detail: `${counted.length} calls in ${spanS.toFixed(0)} s, cache ${cacheMs} ms` },
  'viewers-upstream-peak': { value: peak, detail: `busiest second alone: ${peak1s}` },
});
process.exit(0);
