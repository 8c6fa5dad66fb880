import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { DEMO_SCENARIOS } from '../src/shared/demo-scenarios.ts';
import type { TaskRef } from '../src/shared/task-ref.ts';
import { signRequest } from '../src/shared/volc-signature.ts';
import { parseEnv } from '../src/server/env.ts';
import { createLogger } from '../src/server/logger.ts';
import { startRuntime } from '../src/server/server-runtime.ts';
import { createSimulator, type Simulator } from '../src/simulator/simulator.ts';

/**
 * The child process of bench/server-memory.bench.ts: the server's real runtime (server-runtime.ts,
 * wired as main.ts wires it) on the embedded, accelerated simulator. Fifty tasks are watched: the
 * demo scenarios that answer (some live, some ended) and extra tasks started through the
 * simulator's own StartPushMixedStreamToCDN, since the demo set is smaller than fifty. Run with
 * --expose-gc: on the IPC message 'sample' it collects garbage and answers process.memoryUsage().
 */
const WATCHED = Number(process.env.BENCH_WATCHED || 50);

const parsed = parseEnv(process.env);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const { config } = parsed;
let simulator: Simulator | undefined;
// Warnings and errors only: a log line per request would measure the pipe, not the server.
const runtime = await startRuntime(config, {
  logger: createLogger({ level: 'warn' }),
  fetch: () => Promise.reject(new Error('no network in the bench')),
  loadSimulator: async (region) => {
    simulator = createSimulator({ region, assetBaseUrl: `http://127.0.0.1:${config.port}`, speed: config.simulatorSpeed });
    return simulator;
  },
  staticRoot: fileURLToPath(new URL('../dist', import.meta.url)),
});
const server = serve({ fetch: runtime.app.fetch, hostname: config.host, port: config.port });

/** A two-person side-by-side task, started as a customer's backend would. */
async function startTask(sim: Simulator, ref: TaskRef & { taskId: string }): Promise<void> {
  const body = JSON.stringify({
    AppId: ref.appId, RoomId: ref.roomId, TaskId: ref.taskId, PushURL: `rtmp://push.example.com/live/${ref.roomId}`,
    TargetStreams: { StreamList: [{ UserId: 'host', Index: 0 }, { UserId: 'guest', Index: 1 }] },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [
      { StreamIndex: 0, LocationX: 0, LocationY: 0, WidthProportion: 0.5, HeightProportion: 1 },
      { StreamIndex: 1, LocationX: 0.5, LocationY: 0, WidthProportion: 0.5, HeightProportion: 1 },
    ] } },
  });
  const signed = await signRequest({
    method: 'POST', path: '/', query: { Action: 'StartPushMixedStreamToCDN', Version: ref.version }, body,
    headers: { 'content-type': 'application/json' }, credentials: sim.credentials, region: sim.region, service: 'rtc', date: new Date(),
  });
  const res = await sim.fetch(new Request(`https://rtc.volcengineapi.com/?${signed.query}`, { method: 'POST', headers: signed.headers, body }));
  const text = await res.text();
  if (!text.includes('"Result":"ok"')) throw new Error(`could not start ${ref.roomId}: ${text.slice(0, 200)}`);
}

const demo = DEMO_SCENARIOS.filter((s) => !(s.tags as readonly string[]).some((t) => t === 'fault' || t === 'error')).map((s) => s.ref);
const extra = Array.from({ length: Math.max(0, WATCHED - demo.length) }, (_, i) => ({
  appId: 'demo-app', roomId: `bench-room-${String(i + 1).padStart(2, '0')}`, taskId: 'bench-mix', version: '2020-12-01' as const,
}));
if (!simulator) throw new Error('the runtime did not load the simulator');
for (const ref of extra) await startTask(simulator, ref);
for (const ref of [...demo, ...extra].slice(0, WATCHED)) await runtime.watcher.watch(ref);

process.on('message', (msg) => {
  if (msg !== 'sample') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  process.send?.({ memory: process.memoryUsage(), taskNow: simulator?.clock.taskNow() ?? Date.now(), gc: gc !== undefined, governor: runtime.governor.state().inWindow });
});
process.on('SIGTERM', () => {
  server.close();
  void runtime.watcher.stop().then(() => runtime.store.close()).finally(() => process.exit(0));
});
process.send?.({ ready: true, watched: Math.min(WATCHED, demo.length + extra.length) });
