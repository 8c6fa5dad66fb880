import { serve, type ServerType } from '@hono/node-server';
import autocannon, { type Result } from 'autocannon';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { DEMO_SCENARIOS } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';
import { createSimulator } from '../src/simulator/simulator.ts';
import { createApp } from '../src/server/app.ts';
import { GOVERNANCE_DEFAULTS } from '../src/server/env-governance.ts';
import { createGovernor } from '../src/server/governor/governor.ts';
import { testConfig } from '../src/server/test-support.ts';
import { createUpstreamFor } from '../src/server/upstream-factory.ts';
import type { UpstreamClient } from '../src/server/upstream-client.ts';
import { systemClock } from '../src/server/clock/scheduler-clock.ts';
import { startServer } from './bench-kit.ts';

/**
 * `npm run bench:proxy`: requests per second and p50/p99 latency of /api/task, cached and
 * uncached, beside a bare Hono route, on loopback with the embedded simulator as upstream (so
 * signing and signature checks are in the path). About 40 seconds.
 *
 * The budgeted row is the server as shipped: src/server/main.ts in its own process (request log
 * lines, security headers, history store, the watcher), with autocannon in this one, so load
 * generator and server do not share an event loop. The other rows run the app in this process to
 * isolate the path: the Hono floor, the cache, the upstream budget.
 *
 * "Uncached" is bounded by design: every uncached query is one upstream call, and the governor
 * holds those to MIXSCOPE_QPS (50). The fourth row asks at 40/s on one connection, inside the
 * budget, to show the latency of the whole path (sign, simulator, parse) when nothing waits for a token.
 */
const DURATION_S = Number(process.env.BENCH_SECONDS || 5);
const CONNECTIONS = 10;

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ url: string; server: ServerType }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve({ url: `http://127.0.0.1:${info.port}`, server }));
  });
}

async function mixscope(cacheMs: number) {
  const config = testConfig({ upstream: 'simulator', credentials: undefined, endpoint: 'https://rtc.volcengineapi.com', endpointHost: 'rtc.volcengineapi.com', cacheMs, qps: 50 });
  const inner = await createUpstreamFor(config, {
    clock: Date.now, fetch: () => Promise.reject(new Error('no network in the bench')), loadSimulator: async (region) => createSimulator({ region }),
  });
  let upstreamCalls = 0;
  const upstream: UpstreamClient = { getTask: (ref, signal) => { upstreamCalls += 1; return inner.getTask(ref, signal); } };
  const governor = createGovernor({ upstream, clock: systemClock, qps: config.qps, cacheMs });
  const app = createApp({ config, upstream, clock: Date.now, governor });
  return { app, calls: () => upstreamCalls };
}

/** The real server in a child process, logging every request as in production. */
async function shipped(path: string): Promise<Result> {
  const server = await startServer({}, 'src/server/main.ts', { quiet: true });
  try {
    await run(`${server.url}${path}`, { duration: 1 }); // warm-up: JIT, first upstream call
    return await run(`${server.url}${path}`);
  } finally {
    await server.close();
  }
}

interface Row { name: string; result: Result; upstreamCalls?: number }

function table(rows: Row[]): string {
  const head = ['route', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'non-2xx', 'errors', 'upstream calls'];
  const body = rows.map(({ name, result: r, upstreamCalls }) => [
    name, r.requests.average.toFixed(0), r.latency.p50.toFixed(1), r.latency.p99.toFixed(1), r.latency.max.toFixed(0),
    String(r.requests.total), String(r.non2xx), String(r.errors + r.timeouts), upstreamCalls === undefined ? '-' : String(upstreamCalls),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

const tasks = DEMO_SCENARIOS.filter((s) => !(s.tags as readonly string[]).some((t) => t === 'fault' || t === 'error')).map((s) => `/api/task?${taskRefToSearch(s.ref)}`);
let next = 0;
const roundRobin = [{ setupRequest: (req: { path?: string }) => ({ ...req, path: tasks[next++ % tasks.length] }) }];

const bare = await listen(new Hono().get('/bare', (c) => c.json({ ok: true })).fetch);
const cacheMs = GOVERNANCE_DEFAULTS.cacheMs;
const cached = await mixscope(cacheMs);
const uncached = await mixscope(0);
const cachedServer = await listen(cached.app.fetch);
const uncachedServer = await listen(uncached.app.fetch);

const run = (url: string, extra: Partial<Parameters<typeof autocannon>[0]> = {}) =>
  autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { host: 'localhost' }, ...extra });

console.error(`Benchmarking ${DURATION_S} s per row, ${CONNECTIONS} connections, loopback, Node ${process.version}...`);
await run(`${bare.url}/bare`, { duration: 1 }); // warm-up
const rows: Row[] = [];
rows.push({ name: 'bare Hono route', result: await run(`${bare.url}/bare`) });
const one = tasks[0] ?? '/api/task';
let before = cached.calls();
rows.push({ name: `task, cached (1 task, ${cacheMs / 1000} s cache)`, result: await run(`${cachedServer.url}${one}`), upstreamCalls: cached.calls() - before });
rows.push({ name: 'task, cached, server as shipped', result: await shipped(one) });
before = uncached.calls();
rows.push({ name: `task, uncached (${tasks.length} tasks, no cache)`, result: await run(uncachedServer.url, { requests: roundRobin }), upstreamCalls: uncached.calls() - before });
await new Promise((r) => setTimeout(r, 1_500)); // let the budget refill
before = uncached.calls();
// One connection: ten connections at a fixed rate fire together, and pacing that burst would be measured instead of the path.
rows.push({ name: 'task, uncached at 40 req/s', result: await run(uncachedServer.url, { requests: roundRobin, overallRate: 40, connections: 1 }), upstreamCalls: uncached.calls() - before });

console.log(table(rows));
console.log(`\nThe budget is MIXSCOPE_QPS=50: uncached rows cannot exceed ~50 upstream calls/s by design; non-2xx there are 503 throttled answers.`);
for (const s of [bare.server, cachedServer.server, uncachedServer.server]) s.close();
process.exit(0);
