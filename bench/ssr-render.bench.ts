import { performance } from 'node:perf_hooks';
import { renderTaskPage } from '../src/client/ssr/render-task-page.tsx';
import type { TaskResponse } from '../src/shared/mixscope-api.ts';
import { pixelTask, type TestBox } from '../src/shared/layout-test-tasks.ts';
import { SSR_MAX_TASK_SIZE, taskSize } from '../src/server/first-paint/ssr-size-limit.ts';
import { median } from './bench-kit.ts';

/**
 * `npx tsx bench/ssr-render.bench.ts`: how long the server's render of a /task page holds the
 * event loop (renderToString is synchronous), against the task's size: N regions on a grid with
 * one target stream each, and N target streams with one region. The server renders only tasks
 * up to SSR_MAX_TASK_SIZE; the figures and the choice are in bench/results.md.
 * BENCH_ROUNDS (default 15) renders per size, after warm-up renders.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS || 15);
const SIZES = [1, 30, 100, 300, 500, 750, 1000, 1500, 2000, 4000];
const SEARCH = '?appId=demo-app&roomId=room-1&taskId=mix-1&version=2023-11-01';

function grid(n: number): TestBox[] {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const w = Math.floor(1280 / cols);
  const h = Math.floor(720 / rows);
  return Array.from({ length: n }, (_, i) => ({ x: (i % cols) * w, y: Math.floor(i / cols) * h, w, h }));
}

/** A running task with `regions` regions and `streams` target streams (at least one per region). */
function response(regions: number, streams: number): TaskResponse {
  const task = pixelTask(grid(regions));
  const list = Array.from({ length: Math.max(regions, streams) }, (_, i) => ({ UserId: `u${i}`, Index: i }));
  return {
    ref: { appId: 'demo-app', roomId: 'room-1', taskId: 'mix-1', version: '2023-11-01' },
    fetchedAt: Date.now(), source: 'simulator',
    task: { ...task, TargetStreams: { StreamList: list }, Status: 2, TaskId: 'mix-1', StartTime: Date.now() - 60_000 },
  };
}

/** Wall time holds the loop; CPU time is the same render without the other processes' share of the cores. */
function time(input: TaskResponse): { medianMs: number; maxMs: number; cpuMs: number; bytes: number } {
  const render = () => renderTaskPage({ search: SEARCH, response: input, language: 'en' });
  const bytes = render().length;
  render();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    render();
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { medianMs: median(wall), maxMs: Math.max(...wall), cpuMs: median(cpu), bytes };
}

// Warm the renderer (JIT, i18next, the formatters) on a small task first.
for (let i = 0; i < 20; i++) renderTaskPage({ search: SEARCH, response: response(10, 10), language: 'en' });

console.log(`One server render of the /task page, ${ROUNDS} renders per size (milliseconds the event loop is held):`);
console.log('| task | size | median ms | max ms | median CPU ms | HTML kB |');
console.log('|---|---|---|---|---|---|');
for (const [label, make] of [['regions', (n: number) => response(n, n)], ['streams, one region', (n: number) => response(1, n)]] as const) {
  for (const n of SIZES) {
    const input = make(n);
    const { medianMs, maxMs, cpuMs, bytes } = time(input);
    console.log(`| ${n} ${label} | ${taskSize(input.task)} | ${medianMs.toFixed(1)} | ${maxMs.toFixed(1)} | ${cpuMs.toFixed(1)} | ${(bytes / 1024).toFixed(0)} |`);
  }
}
console.log(`The server renders tasks up to size ${SSR_MAX_TASK_SIZE}; larger ones are left to the browser.`);
