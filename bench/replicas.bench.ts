import { request } from 'node:http';
import pg from 'pg';
import { startTestPostgres } from '../scripts/postgres-for-tests.mjs';
import { DEMO_SCENARIOS } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';
import { freePort, spawnTs, startCountedSimulator, tempDir, type Child } from '../src/server/system-test/child-process-kit.ts';
import { emitFigures, sleep } from './bench-kit.ts';
import { busiestWindow } from './busiest-window.ts';

/**
 * `npx tsx bench/replicas.bench.ts`: what a team deployment costs Volcengine and how fresh it
 * stays. One PostgreSQL, the standalone simulator behind a counting proxy (the wire), and 1 or 3
 * mixscope replicas (MIXSCOPE_QPS 50, the default 2 s cache, the watcher on). 200 viewers spread
 * round robin over the replicas as a balancer without sticky sessions would: each holds the fleet's
 * event stream (GET /api/events?fleet=1) and polls one task's /api/task every 2 s, as the task page
 * does, each from its own moment. Measured after a warm-up: upstream calls per second at the wire
 * (watcher polls and people's queries together), the age of each /api/task answer when it reached
 * the viewer (now minus fetchedAt), and the age of each pushed fleet row (now minus its
 * lastObservedAt). BENCH_SECONDS (30) bounds each run; MIXSCOPE_TEST_DATABASE_URL reuses a PostgreSQL.
 */
const SECONDS = Number(process.env.BENCH_SECONDS || 30);
const WARMUP_MS = 6_000;
const VIEWERS = 200;
const PERIOD_MS = 2_000;
const QPS = 50;
/** Viewers per source address: the server allows 16 event streams per client address. */
const PER_ADDRESS = 4;

const TASKS = DEMO_SCENARIOS.filter((s) => !(s.tags as readonly string[]).some((t) => t === 'fault' || t === 'error')).map((s) => s.ref);

function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** One event stream from its own loopback address; calls `onRow` with each pushed row's lastObservedAt. */
function openStream(url: string, localAddress: string, onRow: (lastObservedAt: number | null) => void): () => void {
  const req = request(`${url}/api/events?fleet=1`, { localAddress, headers: { accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) throw new Error(`an event stream answered ${res.statusCode}`);
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        if (!block.includes('event: fleet')) continue;
        const data = block.split('\n').find((l) => l.startsWith('data: '))?.slice(6) ?? '{}';
        const { task } = JSON.parse(data) as { task: { lastObservedAt: number | null } | null };
        onRow(task?.lastObservedAt ?? null);
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return () => req.destroy();
}

async function waitReady(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`a replica exited:\n${child.output()}`);
    const res = await fetch(`${url}/readyz`).catch(() => undefined);
    await res?.arrayBuffer();
    if (res?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url}/readyz not ready within ${timeoutMs} ms:\n${child.output().slice(-3000)}`);
    await sleep(200);
  }
}

interface RunResult { replicas: number; rate: number; peak1s: number; answerAgeP50: number; answerAgeP95: number; pushes: number; pushAgeP50: number; pushAgeP95: number; statuses: string }

async function run(replicaCount: number, serverUrl: string): Promise<RunResult> {
  const children: Child[] = [];
  const dataDir = tempDir('mixscope-bench-replicas-');
  const database = `mixscope_bench_${replicaCount}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${database}`);
  await admin.query(`create database ${database}`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${database}`;
  const stops: (() => void)[] = [];
  try {
    const { proxyUrl, accessKey, secretKey } = await startCountedSimulator(children);
    const urls: string[] = [];
    for (let i = 0; i < replicaCount; i++) {
      const port = await freePort();
      children.push(spawnTs('src/server/main.ts', [], {
        HOST: '127.0.0.1', PORT: String(port), MIXSCOPE_UPSTREAM: 'volcengine', VOLC_ENDPOINT: proxyUrl,
        VOLC_ACCESSKEY: accessKey, VOLC_SECRETKEY: secretKey, VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
        MIXSCOPE_QPS: String(QPS), MIXSCOPE_DATABASE_URL: dbUrl.toString(), MIXSCOPE_DATA_DIR: `${dataDir.path}/r${i}`, LOG_LEVEL: 'warn',
      }));
      urls.push(`http://127.0.0.1:${port}`);
    }
    // Ready means holding its share of the budget: a joining replica waits for the others to count it.
    await Promise.all(urls.map((url, i) => waitReady(url, children[i + 2] as Child, 60_000)));
    for (const ref of TASKS) {
      const res = await fetch(`${urls[0]}/api/watch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ref) });
      if (res.status >= 300) throw new Error(`watching failed: ${res.status} ${await res.text()}`);
    }

    const answerAges: number[] = [];
    const pushAges: number[] = [];
    const statuses = new Map<string, number>();
    const t0 = Date.now();
    const measureFrom = t0 + WARMUP_MS;
    const end = t0 + SECONDS * 1_000;
    let pushes = 0;
    const poll = async (url: string, search: string) => {
      const res = await fetch(`${url}/api/task?${search}`).catch(() => undefined);
      const body = (await res?.json().catch(() => undefined)) as { fetchedAt?: unknown; error?: { kind?: unknown } } | undefined;
      const now = Date.now();
      const outcome = `${res?.status ?? 'network'}${typeof body?.error?.kind === 'string' ? ` ${body.error.kind}` : ''}`;
      statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
      if (now >= measureFrom && typeof body?.fetchedAt === 'number') answerAges.push(now - body.fetchedAt);
    };
    for (let v = 0; v < VIEWERS; v++) {
      const url = urls[v % urls.length] ?? '';
      const search = taskRefToSearch(TASKS[v % TASKS.length] ?? TASKS[0]!);
      stops.push(openStream(url, `127.0.0.${2 + Math.floor(v / PER_ADDRESS)}`, (lastObservedAt) => {
        const now = Date.now();
        if (now < measureFrom) return;
        pushes++;
        if (lastObservedAt !== null) pushAges.push(now - lastObservedAt);
      }));
      const start = setTimeout(() => {
        void poll(url, search);
        const every = setInterval(() => void poll(url, search), PERIOD_MS);
        stops.push(() => clearInterval(every));
      }, (v / VIEWERS) * PERIOD_MS);
      stops.push(() => clearTimeout(start));
    }
    console.error(`${replicaCount} replica(s), ${VIEWERS} viewers on ${TASKS.length} watched tasks, ${SECONDS} s...`);
    await sleep(end - Date.now());
    for (const stop of stops.splice(0)) stop();

    const arrivals = ((await (await fetch(`${proxyUrl}/__arrivals`)).json()) as number[]).filter((t) => t >= measureFrom && t < end).sort((a, b) => a - b);
    const spanS = (end - measureFrom) / 1_000;
    const peak1s = busiestWindow(arrivals, 1_000);
    return {
      replicas: replicaCount, rate: arrivals.length / spanS, peak1s,
      answerAgeP50: quantile(answerAges, 0.5), answerAgeP95: quantile(answerAges, 0.95),
      pushes, pushAgeP50: quantile(pushAges, 0.5), pushAgeP95: quantile(pushAges, 0.95),
      statuses: [...statuses].map(([s, n]) => `${n} × ${s}`).join(', '),
    };
  } finally {
    for (const stop of stops) stop();
    await Promise.all(children.map((c) => c.stop()));
    await admin.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
    await admin.end();
    dataDir.remove();
  }
}

const given = process.env.MIXSCOPE_TEST_DATABASE_URL;
const started = given ? undefined : await startTestPostgres();
const serverUrl = given || started?.url || '';
try {
  const results: RunResult[] = [];
  for (const n of [1, 3]) results.push(await run(n, serverUrl));
  for (const r of results) {
    console.log(`${r.replicas} replica(s): upstream ${r.rate.toFixed(1)} calls/s (busiest second ${r.peak1s}, cap ${QPS}); /api/task answer age p50 ${r.answerAgeP50} ms, p95 ${r.answerAgeP95} ms; ${r.pushes} fleet rows pushed, age p50 ${r.pushAgeP50} ms, p95 ${r.pushAgeP95} ms; answers ${r.statuses}`);
  }
  const figures = Object.fromEntries(results.flatMap((r) => [
    [`replicas-${r.replicas}-upstream-rate`, { value: r.rate, detail: `busiest second ${r.peak1s} (cap ${QPS}); ${VIEWERS} viewers, ${TASKS.length} watched tasks` }],
    [`replicas-${r.replicas}-answer-age-p95`, { value: r.answerAgeP95, detail: `p50 ${r.answerAgeP50} ms; pushed rows: ${r.pushes}, age p50 ${r.pushAgeP50} ms, p95 ${r.pushAgeP95} ms` }],
  ]));
  emitFigures(figures);
} finally {
  started?.stop();
}
process.exit(0);
