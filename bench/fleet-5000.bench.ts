import { request } from 'node:http';
import { callbackSignature } from '../src/shared/volc-callback-signature.ts';
import { freePort, spawnTs, startCountedSimulator, tempDir, volcengineServerEnv, type Child } from '../src/server/system-test/child-process-kit.ts';
import { emitFigures, sleep } from './bench-kit.ts';

/**
 * `npx tsx bench/fleet-5000.bench.ts`: a fleet of 5,000 tasks kept fresh by callbacks within the
 * upstream budget. mixscope in volcengine mode (MIXSCOPE_QPS 50, callbacks on, the watcher on)
 * against the standalone simulator behind a counting proxy (the wire). The bench plays
 * Volcengine's callback sender: a signed TranscodeStarted for each of 5,000 tasks, then for
 * BENCH_SECONDS (60) about 100 state changes a second (TranscodeStateChanged with a new
 * PushStreamState, dated when sent). One screen holds the fleet's event stream. Measured: upstream
 * calls in every sliding second at the wire (the watcher polling 5,000 tasks wants far more than
 * the budget), and each change's state age, from its callback leaving the sender to the fleet row
 * on the screen showing the new state. The simulator does not know these tasks, so every poll is
 * answered TaskNotFound: it costs the same call, and the state comes from the callbacks alone.
 */
const TASKS = 5_000;
const SECONDS = Number(process.env.BENCH_SECONDS || 60);
const CHANGES_PER_SECOND = 100;
const QPS = 50;
const SECRET = 'bench-fleet-5000-secret';

const quantile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const wallNow = () => performance.timeOrigin + performance.now();

const children: Child[] = [];
const data = tempDir('mixscope-bench-fleet-');
/** Per task: the push state last sent and when, and when the screen first showed it. */
const pending = new Map<string, { state: number; at: number }>();
const ages: number[] = [];

function openScreen(url: string): () => void {
  const req = request(`${url}/api/events?fleet=1`, { headers: { accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) throw new Error(`the event stream answered ${res.statusCode}`);
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      const at = wallNow();
      buffer += chunk;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        if (!block.includes('event: fleet')) continue;
        const line = block.split('\n').find((l) => l.startsWith('data: '));
        if (line === undefined) continue;
        const { task } = JSON.parse(line.slice(6)) as { task: { ref: { taskId?: string }; pushStreamState: number | null } | null };
        const id = task?.ref.taskId;
        const sent = id === undefined ? undefined : pending.get(id);
        if (sent !== undefined && task?.pushStreamState === sent.state) {
          ages.push(at - sent.at);
          pending.delete(id ?? '');
        }
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return () => req.destroy();
}

async function post(url: string, eventType: string, taskId: string, data: Record<string, unknown>, n: number): Promise<void> {
  const base = {
    EventType: eventType,
    EventData: JSON.stringify({ AppId: 'bench-app', RoomId: `room-${Number(taskId.slice(5)) % 500}`, TaskId: taskId, ...data }),
    EventTime: new Date().toISOString(),
    EventId: `bench-${taskId}-${n}`,
    AppId: 'bench-app',
    Version: '2020-12-01',
    Nonce: '4821',
  };
  const res = await fetch(`${url}/api/volcengine/callback`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, Signature: await callbackSignature(base, SECRET) }),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`a callback was answered ${res.status}`);
}

let closeScreen = () => undefined as void;
try {
  const { proxyUrl, accessKey, secretKey } = await startCountedSimulator(children);
  const port = await freePort();
  const server = spawnTs('src/server/main.ts', [], {
    ...volcengineServerEnv(port, proxyUrl, data.path, { accessKeyId: accessKey, secretKey }),
    MIXSCOPE_QPS: String(QPS), MIXSCOPE_CALLBACK_SECRET: SECRET, MIXSCOPE_CALLBACK_WATCH: '1', LOG_LEVEL: 'warn',
  });
  children.push(server);
  const url = `http://127.0.0.1:${port}`;
  for (let ready = false; !ready;) {
    if (server.process.exitCode !== null) throw new Error(`mixscope exited:\n${server.output()}`);
    ready = (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200;
    if (!ready) await sleep(200);
  }
  closeScreen = openScreen(url);
  const ids = Array.from({ length: TASKS }, (_, i) => `task-${i}`);
  const started = wallNow();
  for (let i = 0; i < TASKS; i += 50) {
    await Promise.all(ids.slice(i, i + 50).map((id) => post(url, 'TranscodeStarted', id, { Status: 2, PushStreamState: 5 }, 0)));
  }
  console.error(`${TASKS} tasks started by callback in ${((wallNow() - started) / 1000).toFixed(1)} s; changing states for ${SECONDS} s...`);
  const measureFrom = wallNow();
  const state = new Map(ids.map((id) => [id, 5]));
  let n = 0;
  while (wallNow() - measureFrom < SECONDS * 1000) {
    const tick = wallNow();
    // Distinct tasks: the same one twice in a batch would change back and show nothing new.
    const batch = new Set<string>();
    while (batch.size < CHANGES_PER_SECOND / 10) batch.add(ids[Math.floor(Math.random() * TASKS)] ?? 'task-0');
    await Promise.all([...batch].map((id) => {
      const next = state.get(id) === 5 ? 3 : 5;
      state.set(id, next);
      n += 1;
      pending.set(id, { state: next, at: wallNow() });
      return post(url, 'TranscodeStateChanged', id, { Status: 2, PushStreamState: next }, n);
    }));
    await sleep(Math.max(0, 100 - (wallNow() - tick)));
  }
  const end = wallNow();
  await sleep(5_000);
  const arrivals = ((await (await fetch(`${proxyUrl}/__arrivals`)).json()) as number[]).filter((t) => t >= measureFrom && t < end).sort((a, b) => a - b);
  let peak = 0;
  for (let lo = 0, hi = 0; hi < arrivals.length; hi++) {
    while ((arrivals[hi] ?? 0) - (arrivals[lo] ?? 0) >= 1_000) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  const rate = arrivals.length / ((end - measureFrom) / 1000);
  const p50 = quantile(ages, 0.5);
  const p95 = quantile(ages, 0.95);
  const lost = pending.size;
  console.log(`${TASKS} tasks, ${n} state changes in ${SECONDS} s: upstream ${rate.toFixed(1)} calls/s, busiest sliding second ${peak} (MIXSCOPE_QPS ${QPS}); state age p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...ages).toFixed(0)} ms; ${ages.length} changes seen, ${lost} never shown`);
  emitFigures({
    'fleet-5000-upstream-peak': { value: peak, detail: `busiest sliding second at the wire, cap ${QPS}; mean ${rate.toFixed(1)} calls/s; ${TASKS} watched tasks` },
    'fleet-5000-state-age-p95': { value: lost > n / 100 ? NaN : p95, detail: `callback sent to fleet row pushed: p50 ${p50.toFixed(0)} ms, max ${Math.max(...ages).toFixed(0)} ms; ${n} changes at ${CHANGES_PER_SECOND}/s, ${lost} not shown` },
  });
} finally {
  closeScreen();
  for (const child of children.reverse()) await child.stop();
  data.remove();
}
