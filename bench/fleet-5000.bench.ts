import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRequest } from '../src/shared/volc-signature.ts';
import { freePort, spawnTs, startCountedSimulator, tempDir, volcengineServerEnv, type Child } from '../src/server/system-test/child-process-kit.ts';
import { emitFigures, sleep } from './bench-kit.ts';
import { busiestWindow } from './busiest-window.ts';
import { quantile, stateAges, stateKey, type ReportedChange } from './state-ages.ts';

/**
 * `npx tsx bench/fleet-5000.bench.ts`: a fleet of 5,000 real tasks kept fresh by callbacks within
 * the upstream budget. mixscope in volcengine mode (MIXSCOPE_QPS 50, callbacks and the watcher on)
 * against the standalone simulator behind a counting proxy (the wire). The simulator itself sends
 * the signed callbacks of its tasks' lives (--callback-url), through a relay in this process that
 * notes what each one reports and when it arrived, then hands it to mixscope unchanged. The
 * simulator delivers BENCH_CALLBACK_CONCURRENCY (16) callbacks at once, each task's in order:
 * Volcengine documents no ordering, and one at a time could not keep up with a fleet this size.
 *
 * The bench plays a customer's backend: it starts 5,000 tasks with signed
 * StartPushMixedStreamToCDN calls (BENCH_START_RATE a second, 100, under the documented 150), each
 * of which then walks through the push states on its own; after they settle it stops
 * BENCH_STOP_RATE (100) a second for BENCH_SECONDS (30) with StopPushStreamToCDN. One screen holds
 * the fleet's event stream. Measured: mixscope's upstream calls in every sliding second at the
 * wire, and each state change's age, from its moment at the simulator (the callback's EventTime) to
 * the fleet row on the screen first showing it; also from the callback reaching mixscope, and for
 * stops from the Stop call answered.
 */
const TASKS = Number(process.env.BENCH_TASKS || 5_000);
const START_RATE = Number(process.env.BENCH_START_RATE || 100);
const STOP_RATE = Number(process.env.BENCH_STOP_RATE || 100);
const SECONDS = Number(process.env.BENCH_SECONDS || 30);
const CALLBACK_CONCURRENCY = Number(process.env.BENCH_CALLBACK_CONCURRENCY || 16);
const QPS = 50;
const SECRET = 'bench-fleet-5000-secret';
const APP = 'bench-app';
const ROOMS = 500;
const START_LIMIT = 150;

const children: Child[] = [];
const data = tempDir('mixscope-bench-fleet-');
const changes: ReportedChange[] = [];
const reported = new Set<string>();
const firstShown = new Map<string, number>();
const stopAnswered = new Map<string, number>();
let relayed = 0;

const refOf = (i: number) => ({ AppId: APP, RoomId: `room-${i % ROOMS}`, TaskId: `task-${i}` });

/** Stands between the simulator's callback sender and mixscope: notes each change, forwards the bytes. */
function startRelay(target: () => string): Promise<{ url: string; close(): void }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const deliveredAt = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      relayed += 1;
      try {
        const env = JSON.parse(body.toString('utf8')) as { EventType?: string; EventTime?: string; EventData?: string };
        const d = JSON.parse(env.EventData ?? '{}') as { AppId?: string; TaskId?: string; Status?: number; PushStreamState?: number };
        const state = env.EventType === 'TranscodeStopped' ? 'end' : env.EventType === 'TranscodeStateChanged' ? stateKey(d.Status ?? null, d.PushStreamState ?? null) : undefined;
        const key = `${d.TaskId}|${state}`;
        if (d.AppId === APP && d.TaskId !== undefined && state !== undefined && !reported.has(key)) {
          reported.add(key);
          changes.push({ taskId: d.TaskId, state, at: Date.parse(env.EventTime ?? ''), deliveredAt });
        }
      } catch {
        // Not ours to judge: mixscope answers a malformed callback itself.
      }
      fetch(target(), { method: 'POST', body, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' } })
        .then(async (answer) => res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' }).end(Buffer.from(await answer.arrayBuffer())))
        .catch(() => res.writeHead(502).end());
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/volcengine/callback`, close: () => server.close() });
  }));
}

function openScreen(url: string): () => void {
  const req = request(`${url}/api/events?fleet=1`, { headers: { accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) throw new Error(`the event stream answered ${res.statusCode}`);
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      const at = Date.now();
      buffer += chunk;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        if (!block.includes('event: fleet')) continue;
        const line = block.split('\n').find((l) => l.startsWith('data: '));
        if (line === undefined) continue;
        const { task } = JSON.parse(line.slice(6)) as { task: { ref: { appId: string; taskId?: string }; status: number | null; pushStreamState: number | null } | null };
        if (task?.ref.appId !== APP || task.ref.taskId === undefined) continue;
        const key = `${task.ref.taskId}|${stateKey(task.status, task.pushStreamState)}`;
        if (!firstShown.has(key)) firstShown.set(key, at);
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return () => req.destroy();
}

/** One signed control call straight to the simulator (a customer's backend, not mixscope's wire). */
async function control(simulatorUrl: string, keys: { accessKeyId: string; secretKey: string }, action: string, body: object): Promise<'ok' | 'throttled'> {
  const text = JSON.stringify(body);
  const signed = await signRequest({
    method: 'POST', query: { Action: action, Version: '2020-12-01' }, headers: { 'Content-Type': 'application/json' },
    body: text, credentials: keys, region: 'cn-north-1', service: 'rtc', date: new Date(),
  });
  const res = await fetch(`${simulatorUrl}/?${signed.query}`, { method: 'POST', headers: signed.headers, body: text });
  const answer = (await res.json()) as { Result?: unknown; ResponseMetadata?: { Error?: { Code?: string } } };
  if (answer.ResponseMetadata?.Error?.Code === 'FlowLimitExceeded') return 'throttled';
  if (res.status !== 200 || answer.Result !== 'ok') throw new Error(`${action} answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  return 'ok';
}

/** Calls `fn` for each item, `perSecond` a second in tenths of a second; a throttled call is tried again next tenth. */
async function paced(items: readonly number[], perSecond: number, fn: (i: number) => Promise<'ok' | 'throttled'>): Promise<number> {
  let throttled = 0;
  const queue = [...items];
  while (queue.length > 0) {
    const tick = Date.now();
    const batch = queue.splice(0, Math.max(1, Math.round(perSecond / 10)));
    const outcomes = await Promise.all(batch.map(async (i) => [i, await fn(i)] as const));
    for (const [i, outcome] of outcomes) {
      if (outcome === 'throttled') {
        throttled += 1;
        queue.unshift(i);
      }
    }
    await sleep(Math.max(0, 100 - (Date.now() - tick)));
  }
  return throttled;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const spread = (xs: readonly number[]) => `p50 ${ms(quantile(xs, 0.5))}, p95 ${ms(quantile(xs, 0.95))}, max ${ms(Math.max(...xs))}`;

let closeScreen = () => undefined as void;
let closeRelay = () => undefined as void;
try {
  if (START_RATE > START_LIMIT) throw new Error(`BENCH_START_RATE ${START_RATE} is above the documented ${START_LIMIT} Start calls a second`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const relay = await startRelay(() => `${url}/api/volcengine/callback`);
  closeRelay = relay.close;
  const { proxyUrl, simulatorUrl, accessKey, secretKey } = await startCountedSimulator(children, ['--callback-url', relay.url, '--callback-secret', SECRET, '--callback-concurrency', String(CALLBACK_CONCURRENCY)]);
  const keys = { accessKeyId: accessKey, secretKey };
  const server = spawnTs('src/server/main.ts', [], {
    ...volcengineServerEnv(port, proxyUrl, data.path, keys),
    MIXSCOPE_QPS: String(QPS), MIXSCOPE_CALLBACK_SECRET: SECRET, MIXSCOPE_CALLBACK_WATCH: '1', LOG_LEVEL: 'warn',
  });
  children.push(server);
  for (let ready = false; !ready;) {
    if (server.process.exitCode !== null) throw new Error(`mixscope exited:\n${server.output()}`);
    ready = (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200;
    if (!ready) await sleep(200);
  }
  closeScreen = openScreen(url);

  const measureFrom = Date.now();
  const all = Array.from({ length: TASKS }, (_, i) => i);
  const startThrottled = await paced(all, START_RATE, (i) =>
    control(simulatorUrl, keys, 'StartPushMixedStreamToCDN', { ...refOf(i), PushURL: `rtmp://push.example.com/live/bench-${i}` }));
  const startedIn = (Date.now() - measureFrom) / 1000;
  console.error(`${TASKS} tasks started at the simulator in ${startedIn.toFixed(1)} s (${startThrottled} throttled and retried); letting them settle...`);
  await sleep(10_000);
  const stops = all.slice(0, Math.min(TASKS, STOP_RATE * SECONDS));
  console.error(`stopping ${stops.length} tasks, ${STOP_RATE} a second...`);
  const stopThrottled = await paced(stops, STOP_RATE, async (i) => {
    const outcome = await control(simulatorUrl, keys, 'StopPushStreamToCDN', refOf(i));
    if (outcome === 'ok') stopAnswered.set(refOf(i).TaskId, Date.now());
    return outcome;
  });
  await sleep(10_000);
  const end = Date.now();

  const requests = (await (await fetch(`${proxyUrl}/__requests`)).json()) as { at: number; url: string }[];
  const arrivals = requests.filter((r) => r.at >= measureFrom && r.at < end).map((r) => r.at).sort((a, b) => a - b);
  const gets = requests.filter((r) => r.at >= measureFrom && r.at < end && r.url.includes('Action=GetPushMixedStreamToCDNTask')).length;
  const peak = busiestWindow(arrivals, 1_000);
  const rate = arrivals.length / ((end - measureFrom) / 1000);
  const ages = stateAges(changes, firstShown);
  const stopAges = [...stopAnswered].flatMap(([taskId, at]) => {
    const shown = firstShown.get(`${taskId}|end`);
    return shown === undefined ? [] : [shown - at];
  });
  const senderDelay = changes.map((c) => c.deliveredAt - c.at);
  const p95 = quantile(ages.fromChange, 0.95);
  const pollFirst = ages.fromDelivery.filter((x) => x < 0).length;
  console.log(`${TASKS} tasks started in ${startedIn.toFixed(1)} s, ${stopAnswered.size} stopped; ${relayed} callbacks relayed, ${changes.length} state changes reported by the simulator`);
  console.log(`upstream: ${arrivals.length} calls (${gets} Get) in ${((end - measureFrom) / 1000).toFixed(0)} s, ${rate.toFixed(1)} calls/s, busiest sliding second ${peak} (MIXSCOPE_QPS ${QPS})`);
  console.log(`state age, change at the simulator to the fleet row: ${spread(ages.fromChange)} (${ages.fromChange.length} shown, ${ages.superseded} merged into a later state, ${ages.lost} never shown)`);
  console.log(`  of which the simulator's sender (change to callback at mixscope's door): ${spread(senderDelay)}`);
  console.log(`  callback at the door to the fleet row: ${spread(ages.fromDelivery)} (${pollFirst} shown by a poll before their callback)`);
  console.log(`  stops, Stop call answered to the row showing the end: ${spread(stopAges)} (${stopAges.length} of ${stopAnswered.size}); throttled and retried: ${startThrottled} Start, ${stopThrottled} Stop`);
  emitFigures({
    'fleet-5000-upstream-peak': { value: peak, detail: `busiest sliding second at the wire, cap ${QPS}; mean ${rate.toFixed(1)} calls/s; ${TASKS} real tasks at the simulator` },
    'fleet-5000-state-age-p95': {
      value: ages.lost > changes.length / 100 ? NaN : p95,
      detail: `change at the simulator to fleet row: p50 ${ms(quantile(ages.fromChange, 0.5))}, max ${ms(Math.max(...ages.fromChange))}; ${changes.length} changes, ${ages.lost} never shown; Stop answered to row p95 ${ms(quantile(stopAges, 0.95))}`,
    },
  });
} finally {
  closeScreen();
  for (const child of children.reverse()) await child.stop();
  closeRelay();
  data.remove();
}
