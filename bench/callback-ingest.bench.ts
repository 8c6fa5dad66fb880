import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon, { type Result } from 'autocannon';
import { callbackSignature } from '../src/shared/volc-callback-signature.ts';
import { DEFAULT_CALLBACK_RATE } from '../src/server/callbacks/callback-rate-limit.ts';
import { spawnTs } from '../src/server/system-test/child-process-kit.ts';
import { cpuMs, emitFigures, startServer } from './bench-kit.ts';

/**
 * `npx tsx bench/callback-ingest.bench.ts`: how fast the server as shipped (src/server/main.ts in
 * its own process, SQLite, the request log written) takes Volcengine's event callbacks: each one
 * parsed, its signature checked, the envelope stored durably and 200 answered, while the processor
 * applies them behind (watching the tasks they name, polled at the standalone simulator in a
 * process of its own, as Volcengine is another host). autocannon in this process posts signed
 * callbacks, every one a new EventId: first as fast as 20 connections go (the ingestion rate),
 * then, once the processor has caught up, at a steady 1,000 a second (the ack latency Volcengine
 * sees). BENCH_SECONDS (10) per run.
 */
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const SECRET = 'bench-callback-secret';
const TASKS = 2_000;
const STEADY_RATE = 1_000;

/** Signed bodies: Transcode events across TASKS tasks in 100 rooms, a join or leave every fifth. */
async function bodies(count: number, run: string): Promise<string[]> {
  const out: string[] = [];
  const t0 = Date.now();
  for (let i = 0; i < count; i++) {
    const task = i % TASKS;
    const room = `bench-room-${task % 100}`;
    const presence = i % 5 === 4;
    const base = {
      EventType: presence ? (i % 10 === 4 ? 'UserJoinRoom' : 'UserLeaveRoom') : ['TranscodeStarted', 'TranscodeUpdated', 'TranscodeStateChanged'][Math.floor(i / TASKS) % 3] ?? 'TranscodeUpdated',
      EventData: JSON.stringify(presence
        ? { RoomId: room, UserId: `user-${task}`, DeviceType: 'web', Timestamp: t0 + i, ...(i % 10 === 9 ? { Reason: 'userLeave' } : {}) }
        : { AppId: 'bench-app', RoomId: room, TaskId: `bench-task-${task}` }),
      EventTime: new Date(t0 + i).toISOString(),
      EventId: `${run}-${i}`,
      AppId: 'bench-app',
      Version: '2020-12-01',
      Nonce: String(1000 + (i % 9000)),
    };
    out.push(JSON.stringify({ ...base, Signature: await callbackSignature(base, SECRET) }));
  }
  return out;
}

async function post(url: string, list: string[], extra: { overallRate?: number; connections?: number }): Promise<Result> {
  let next = 0;
  return autocannon({
    url, method: 'POST', duration: SECONDS, connections: extra.connections ?? 20, headers: { 'content-type': 'application/json' },
    ...(extra.overallRate !== undefined ? { overallRate: extra.overallRate } : {}),
    requests: [{ setupRequest: (req) => ({ ...req, method: 'POST', body: list[next++ % list.length] }) }],
  });
}

/** Sums a counter of the server's /metrics text over its labels (optionally one label value). */
function counterSum(metrics: string, name: string, label?: string): number {
  return metrics.split('\n')
    .filter((l) => l.startsWith(`${name}{`) && (label === undefined || l.includes(label)))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

/** Resolves once every callback stored so far was applied, polling /metrics; fails after 120 s. */
async function appliedAll(base: string): Promise<{ stored: number; ms: number }> {
  const t0 = Date.now();
  for (;;) {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const stored = counterSum(metrics, 'mixscope_callbacks_received_total', 'outcome="stored"');
    const applied = counterSum(metrics, 'mixscope_callback_events_applied_total');
    if (stored > 0 && applied >= stored) return { stored, ms: Date.now() - t0 };
    if (Date.now() - t0 > 120_000) throw new Error(`the processor applied ${applied} of ${stored} stored callbacks in 120 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Volcengine is another host in production: the simulator answers the watcher's polls from its
// own process, so its work is not counted as mixscope's.
const simulator = spawnTs('src/simulator/simulator-main.ts', ['--port', '0']);
const [, endpoint = ''] = await simulator.waitFor(/VOLC_ENDPOINT=(http:\/\/\S+)/);
const [, accessKey = ''] = await simulator.waitFor(/VOLC_ACCESSKEY=(\S+)/);
const [, secretKey = ''] = await simulator.waitFor(/VOLC_SECRETKEY=(\S+)/);
const server = await startServer({
  MIXSCOPE_CALLBACK_SECRET: SECRET, MIXSCOPE_CALLBACK_WATCH: '1',
  MIXSCOPE_UPSTREAM: 'volcengine', VOLC_ENDPOINT: endpoint, VOLC_ACCESSKEY: accessKey, VOLC_SECRETKEY: secretKey,
}, 'src/server/main.ts', { quiet: true });
try {
  const url = `${server.url}/api/volcengine/callback`;
  console.error(`signing callbacks...`);
  const warm = await bodies(2_000, 'warm');
  const flood = await bodies(60_000, 'flood');
  const steady = await bodies(STEADY_RATE * SECONDS + 2_000, 'steady');
  await post(url, warm, { connections: 4, overallRate: 500 }).catch(() => undefined);
  const cpuBefore = cpuMs(server.process.pid);
  const max = await post(url, flood, {});
  const cpuPerCallback = (cpuMs(server.process.pid) - cpuBefore) / Math.max(1, max.requests.total - max.non2xx);
  if (max.requests.total > flood.length) console.error('note: the flood ran out of fresh bodies; later ones were duplicates');
  // The steady run measures acknowledgements at 1,000 a second, not while the processor still
  // applies the flood behind them: wait until it has applied every stored callback.
  const caughtUp = await appliedAll(server.url);
  console.error(`the processor applied the flood's ${caughtUp.stored} stored callbacks ${(caughtUp.ms / 1000).toFixed(1)} s after it ended`);
  // The flood emptied the endpoint's token bucket; the steady run starts with it full again, as
  // after any quiet moment, so its answers are acknowledgements and not 429s.
  await new Promise((r) => setTimeout(r, Math.ceil((DEFAULT_CALLBACK_RATE.burst / DEFAULT_CALLBACK_RATE.perSecond) * 1000) + 500));
  const clientLoop = monitorEventLoopDelay({ resolution: 1 });
  clientLoop.enable();
  const even = await post(url, steady, { overallRate: STEADY_RATE, connections: 20 });
  clientLoop.disable();
  console.error(`this process's own event loop during the steady run (it times the answers): delay p99 ${(clientLoop.percentile(99) / 1e6).toFixed(1)} ms, max ${(clientLoop.max / 1e6).toFixed(1)} ms`);
  const line = (name: string, r: Result) => `${name}: ${r.requests.average.toFixed(0)} callbacks/s, p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, max ${r.latency.max.toFixed(0)} ms, ${r.requests.total} sent, non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}`;
  console.log(line('as fast as 20 connections go', max));
  console.log(line(`steady ${STEADY_RATE}/s`, even));
  console.log(`server CPU per callback during the flood (receiving, and applying behind it): ${cpuPerCallback.toFixed(2)} ms`);
  const accepted = (r: Result) => (r.requests.total - r.non2xx) / r.duration;
  emitFigures({
    'callback-ingest-rate': { value: accepted(max), detail: `${max.requests.total} signed callbacks in ${max.duration} s on 20 connections, ${max.non2xx} not 2xx; p99 ${max.latency.p99.toFixed(1)} ms at that rate; the server's CPU per callback ${cpuPerCallback.toFixed(2)} ms` },
    'callback-ack-p99': { value: even.latency.p99, detail: `at a steady ${STEADY_RATE}/s for ${even.duration} s: p50 ${even.latency.p50.toFixed(1)} ms, max ${even.latency.max.toFixed(0)} ms, ${even.non2xx} not 2xx` },
  });
} finally {
  await server.close();
  await simulator.stop();
}
