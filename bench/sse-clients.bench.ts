import { request, type IncomingMessage } from 'node:http';
import { callbackSignature } from '../src/shared/volc-callback-signature.ts';
import { emitFigures, sleep, startServer } from './bench-kit.ts';

/**
 * `npx tsx bench/sse-clients.bench.ts`: 200 open screens on GET /api/events?fleet=1 (each from its
 * own loopback address, as 200 people's browsers would be; one address may hold only a few
 * streams), then signed callbacks for new tasks, one every half second. Each callback puts its
 * task on the watch list and every screen is pushed the new fleet row: the time from posting the
 * callback to each screen reading its row is the change-to-client latency. The server as shipped
 * in its own process; BENCH_CHANGES (20) changes.
 */
const CLIENTS = 200;
const CHANGES = Number(process.env.BENCH_CHANGES || 20);
const SECRET = 'bench-sse-secret';

const server = await startServer({ MIXSCOPE_CALLBACK_SECRET: SECRET, MIXSCOPE_CALLBACK_WATCH: '1' }, 'src/server/main.ts', { quiet: true });
const url = new URL(server.url);
/** Per task id: when its callback was posted, and when each screen saw its row. */
const posted = new Map<string, number>();
/** Per task id, per screen: when that screen first read the task's row. */
const seen = new Map<string, Map<number, number>>();
const responses: IncomingMessage[] = [];

function openScreen(i: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname, port: url.port, path: '/api/events?fleet=1', headers: { accept: 'text/event-stream' },
      // 127.0.0.0/8 is all loopback on Linux: one address per screen.
      localAddress: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`,
    }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`screen ${i}: ${res.statusCode}`));
      responses.push(res);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.timeOrigin + performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!message.includes('event: fleet')) continue;
          const task = /"taskId":"(bench-sse-[^"]+)"/.exec(message)?.[1];
          const first = task === undefined ? undefined : seen.get(task);
          if (first !== undefined && !first.has(i)) first.set(i, at);
        }
      });
      resolve();
    });
    req.on('error', reject);
    req.end();
  });
}

async function postCallback(taskId: string): Promise<void> {
  const base = {
    EventType: 'TranscodeStarted',
    EventData: JSON.stringify({ AppId: 'bench-app', RoomId: 'bench-sse-room', TaskId: taskId }),
    EventTime: new Date().toISOString(),
    EventId: `evt-${taskId}`,
    AppId: 'bench-app',
    Version: '2020-12-01',
    Nonce: '4821',
  };
  const body = JSON.stringify({ ...base, Signature: await callbackSignature(base, SECRET) });
  seen.set(taskId, new Map());
  posted.set(taskId, performance.timeOrigin + performance.now());
  const res = await fetch(`${server.url}/api/volcengine/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (res.status !== 200) throw new Error(`callback answered ${res.status}: ${await res.text()}`);
}

const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

try {
  for (let i = 0; i < CLIENTS; i++) await openScreen(i);
  console.error(`${responses.length} screens open; posting ${CHANGES} changes...`);
  await sleep(1_000);
  for (let n = 0; n < CHANGES; n++) {
    await postCallback(`bench-sse-${Date.now().toString(36)}-${n}`);
    await sleep(500);
  }
  await sleep(3_000);
  const latencies: number[] = [];
  let missing = 0;
  for (const [task, at] of posted) {
    const times = [...(seen.get(task)?.values() ?? [])];
    missing += CLIENTS - times.length;
    for (const t of times) latencies.push(t - at);
  }
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const max = Math.max(...latencies);
  console.log(`${CLIENTS} screens, ${CHANGES} changes: change to client p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${max.toFixed(0)} ms; ${latencies.length} deliveries, ${missing} missing`);
  emitFigures({
    'sse-change-p95': { value: missing > 0 ? NaN : p95, detail: `${CLIENTS} streams, ${CHANGES} callbacks half a second apart: p50 ${p50.toFixed(0)} ms, max ${max.toFixed(0)} ms, ${latencies.length} deliveries${missing > 0 ? `, ${missing} never arrived` : ''}` },
  });
} finally {
  for (const res of responses) res.destroy();
  await server.close();
}
