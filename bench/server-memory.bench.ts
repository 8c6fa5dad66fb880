import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { emitFigures, freePort, sleep } from './bench-kit.ts';
import { memoryGrowth } from './growth.ts';
import { tempDir } from '../e2e/fixtures/child-server.ts';

/**
 * `npx tsx bench/server-memory.bench.ts`: the server left watching 50 tasks for 8 simulated
 * hours. bench/server-memory-server.ts runs the real runtime in a child process (--expose-gc)
 * with the simulator and the watcher's clock MIXSCOPE_SIMULATOR_SPEED times faster, so 8 hours
 * pass in BENCH_SECONDS (200) of wall time. The watcher then polls as fast as the upstream budget
 * lets it (the background share of MIXSCOPE_QPS, 40 a second), recording every answer in SQLite.
 * Memory is sampled after a forced GC: the baseline once the tasks are watched and a warm-up has
 * passed, then every 20 s. The figure is RSS growth read by memoryGrowth (lowest early sample to
 * highest late one; heap growth alongside).
 */
const SECONDS = Number(process.env.BENCH_SECONDS || 200);
const SIM_HOURS = Number(process.env.BENCH_SIM_HOURS || 8);
const WARMUP_S = 20;
const SAMPLE_EVERY_S = 20;
// The simulated hours pass between the baseline (after the warm-up) and the last sample.
const speed = Math.min(3600, Math.round((SIM_HOURS * 3_600) / (SECONDS - WARMUP_S)));

interface Sample { memory: NodeJS.MemoryUsage; taskNow: number; gc: boolean }
const mb = (bytes: number) => bytes / 1_048_576;

function request<T>(child: ChildProcess, msg: string, want: (m: Record<string, unknown>) => boolean, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to '${msg}' within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: unknown) => {
      if (m === null || typeof m !== 'object' || !want(m as Record<string, unknown>)) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    if (msg) child.send(msg);
  });
}

const dirSizeMb = (dir: string) => mb(readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0));

async function main(): Promise<void> {
  const data = tempDir('mixscope-bench-memory-');
  const port = await freePort();
  const child = fork('bench/server-memory-server.ts', [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: {
      ...process.env, HOST: '127.0.0.1', PORT: String(port), MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_SIMULATOR_SPEED: String(speed),
      MIXSCOPE_DATA_DIR: data.path, VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const ready = await request<{ watched: number }>(child, '', (m) => m.ready === true, 60_000);
    console.error(`watching ${ready.watched} tasks at ${speed}× (${SIM_HOURS} simulated hours in ${SECONDS - WARMUP_S} s after a ${WARMUP_S} s warm-up)...`);
    const sample = () => request<Sample>(child, 'sample', (m) => 'memory' in m, 30_000);
    await sleep(WARMUP_S * 1_000);
    const base = await sample();
    if (!base.gc) throw new Error('the server child runs without --expose-gc');
    const samples = [base];
    const end = Date.now() + (SECONDS - WARMUP_S) * 1_000;
    while (Date.now() < end) {
      await sleep(Math.min(SAMPLE_EVERY_S * 1_000, end - Date.now()));
      samples.push(await sample());
    }
    const last = samples.at(-1) ?? base;
    const hours = (last.taskNow - base.taskNow) / 3_600_000;
    const rss = memoryGrowth(samples.map((s) => mb(s.memory.rss)));
    const heap = memoryGrowth(samples.map((s) => mb(s.memory.heapUsed)));
    const peak = Math.max(...samples.map((s) => mb(s.memory.rss)));
    const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
    console.log(`server memory over ${hours.toFixed(1)} simulated hours watching ${ready.watched} tasks (after GC): RSS ${rss.from.toFixed(1)} → ${rss.to.toFixed(1)} MB (${signed(rss.growth)} MB, peak ${peak.toFixed(1)}), heap used ${heap.from.toFixed(1)} → ${heap.to.toFixed(1)} MB`);
    console.log(`  RSS samples (MB): ${samples.map((s) => mb(s.memory.rss).toFixed(0)).join(' ')}; history on disk: ${dirSizeMb(data.path).toFixed(1)} MB`);
    emitFigures({ 'server-memory-growth': { value: rss.growth, detail: `${hours.toFixed(1)} simulated h, heap ${signed(heap.growth)} MB, RSS ${rss.from.toFixed(0)} → ${rss.to.toFixed(0)} MB (lowest of the first quarter of samples to highest of the last)` } });
  } finally {
    child.kill('SIGTERM');
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(10_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    data.remove();
  }
}

await main();
