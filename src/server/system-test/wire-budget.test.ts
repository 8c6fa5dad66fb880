import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../../shared/demo-scenarios.ts';
import { taskRefToSearch } from '../../shared/task-ref.ts';
import { freePort, spawnCpuBurner, spawnTs, startCountedSimulator, tempDir, waitUntilServing, type Child } from './child-process-kit.ts';

/**
 * The upstream budget as Volcengine counts it: at the wire. The simulator, a counting proxy in
 * front of it and the server run as real processes on loopback, with a CPU burner beside them, and
 * a burst of queries with the cache off; the proxy's arrival times must never put more than
 * MIXSCOPE_QPS calls into any one-second window.
 */

const QPS = 50;
const REQUESTS = 1_000;
const TASK_IDS = 100;
const WINDOW_MS = 1_000;

/**
 * The demo tasks (real bodies to parse, store and serialise), then ids the simulator does not
 * know. Fault scenarios are left out: a FlowLimitExceeded one would slow the whole budget down.
 */
const HEALTHY = DEMO_SCENARIOS.filter((s) => !(s.tags as readonly string[]).some((t) => t === 'fault' || t === 'error'));
const QUERIES = Array.from({ length: TASK_IDS }, (_, i) => {
  const scenario = HEALTHY[i];
  return scenario ? taskRefToSearch(scenario.ref) : `appId=burst-app&roomId=burst-room&taskId=burst-${i}`;
});

/** The most arrivals in any window of `windowMs`, whatever its start (times sorted ascending). */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while ((times[hi] ?? 0) - (times[lo] ?? 0) >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

describe('the upstream budget at the wire', () => {
  const children: Child[] = [];
  const dataDir = tempDir('mixscope-wire-');
  let serverUrl = '';
  let proxyUrl = '';

  beforeAll(async () => {
    const counted = await startCountedSimulator(children);
    const { accessKey, secretKey } = counted;
    proxyUrl = counted.proxyUrl;

    const port = await freePort();
    const server = spawnTs('src/server/main.ts', [], {
      HOST: '127.0.0.1', PORT: String(port), MIXSCOPE_UPSTREAM: 'volcengine', VOLC_ENDPOINT: proxyUrl,
      VOLC_ACCESSKEY: accessKey, VOLC_SECRETKEY: secretKey, MIXSCOPE_QPS: String(QPS),
      MIXSCOPE_DATA_DIR: dataDir.path, MIXSCOPE_CACHE_MS: '0', MIXSCOPE_TOKEN: '', LOG_LEVEL: 'info',
    });
    children.push(server);
    serverUrl = `http://127.0.0.1:${port}`;
    await waitUntilServing(`${serverUrl}/healthz`, server);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(children.map((c) => c.stop()));
    dataDir.remove();
  }, 20_000);

  it(`never lets more than MIXSCOPE_QPS calls reach the endpoint in one second, under a ${REQUESTS}-request burst and a busy machine`, async () => {
    const burner = spawnCpuBurner();
    children.push(burner);
    const statuses = await Promise.all(Array.from({ length: REQUESTS }, async (_, i) => {
      const res = await fetch(`${serverUrl}/api/task?${QUERIES[i % TASK_IDS] ?? ''}`);
      await res.arrayBuffer();
      return res.status;
    }));
    await burner.stop();

    const arrivals = (await (await fetch(`${proxyUrl}/__arrivals`)).json()) as number[];
    arrivals.sort((a, b) => a - b);
    const busiest = busiestWindow(arrivals, WINDOW_MS);
    console.log(`wire budget: ${arrivals.length} upstream calls, busiest ${WINDOW_MS} ms window ${busiest} (cap ${QPS}); answers ${JSON.stringify(countBy(statuses))}`);
    // More calls than one second's budget, or the cap was never what held them back.
    expect(arrivals.length).toBeGreaterThan(QPS);
    expect(busiest).toBeLessThanOrEqual(QPS);
  }, 60_000);
});

function countBy(values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
