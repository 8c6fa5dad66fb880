#!/usr/bin/env node
// The performance budgets and the one place a figure is judged against its budget.
// `node scripts/check-budgets.mjs [bench/results.json]` prints every figure of the last
// `npm run bench` with its budget and verdict, and exits 1 when one is over or missing.
// check-bundle-budget.mjs (run by `npm test`) judges the cheap figure, the bundle, with judge() too.
// Plain Node ESM with built-ins only, like the rest of the gate.
import { readFileSync } from 'node:fs';
import { isMain } from './is-main.mjs';

/**
 * @typedef {import('./check-budgets.d.mts').Budget} Budget
 * @typedef {import('./check-budgets.d.mts').Verdict} Verdict
 */

/** @type {readonly Budget[]} In the order of the table. `limit` absent: shown for information. */
export const BUDGETS = [
  { id: 'js-before-layout', figure: 'JavaScript (gzip) loaded before /task draws its layout (Vite manifest)', unit: 'kB', op: '<=', limit: 200 },
  { id: 'js-before-layout-browser', figure: 'the same, as loaded by Chromium before the layout-drawn mark', unit: 'kB', op: '<=', limit: 200 },
  { id: 'js-total', figure: 'JavaScript (gzip) of every route together', unit: 'kB' },
  { id: 'nav-layout-drawn', figure: 'navigation to layout drawn on /task (cold cache, median of 10)', unit: 'ms', op: '<=', limit: 500 },
  { id: 'nav-layout-on-screen', figure: 'the same, to that picture on the screen (the frame presented)', unit: 'ms' },
  { id: 'nav-layout-interactive', figure: 'the same, to the Konva canvas drawn (zoom, hover, export)', unit: 'ms' },
  { id: 'draw-30', figure: 'draw of a 30-region layout (median full redraw)', unit: 'ms', op: '<=', limit: 4 },
  { id: 'draw-300', figure: 'draw of a 300-region layout (median full redraw)', unit: 'ms', op: '<=', limit: 16 },
  // Editing a 30-region layout stays at 60 fps: while a region is dragged, 95 % of frames come on time.
  { id: 'editor-drag-frame-p95', figure: 'dragging a region of a 30-region layout in the editor: time between frames, p95', unit: 'ms', op: '<=', limit: 20 },
  { id: 'editor-drag-frame-p50', figure: 'the same, median', unit: 'ms' },
  { id: 'editor-drag-cpu-per-move', figure: 'the same, renderer CPU time per pointer move (above the same loop without moves)', unit: 'ms' },
  { id: 'editor-move-core', figure: 'the same, the pure core per pointer move (snap, place, task model, warnings)', unit: 'ms' },
  // Render as the timeline's own bench budgets it: a full redraw of the whole life, to the next frame.
  { id: 'timeline-render', figure: 'timeline render with 10,000 observations (full redraw on fit, to the next frame)', unit: 'ms', op: '<=', limit: 50 },
  { id: 'timeline-first-draw', figure: 'the same, first load: 6.7 MB of history parsed, checked, laid out and drawn', unit: 'ms' },
  { id: 'proxy-rps', figure: 'proxy, cached task query: requests per second', unit: 'req/s', op: '>=', limit: 3000 },
  { id: 'proxy-p99', figure: 'proxy, cached task query: p99 latency', unit: 'ms', op: '<=', limit: 20 },
  { id: 'viewers-upstream-rate', figure: '200 viewers polling 20 tasks every 2 s: upstream calls per second', unit: 'calls/s', op: '<=', limit: 10 },
  { id: 'viewers-upstream-peak', figure: 'the same, busiest 2 s window (one per task per period), per second', unit: 'calls/s', op: '<=', limit: 10 },
  { id: 'callback-ingest-rate', figure: 'signed callbacks received, stored and answered 200, per second (20 connections)', unit: 'events/s', op: '>=', limit: 1000 },
  { id: 'callback-ack-p99', figure: 'the same at a steady 1,000 a second: p99 time to the 200', unit: 'ms', op: '<=', limit: 50 },
  { id: 'sse-change-p95', figure: '200 open screens on /api/events: a callback to the new row on each screen, p95', unit: 'ms', op: '<=', limit: 1000 },
  { id: 'fleet-5000-upstream-peak', figure: '5,000 real simulator tasks started, living and stopped, their callbacks sent by the simulator: upstream calls in the busiest sliding second (MIXSCOPE_QPS 50)', unit: 'calls', op: '<=', limit: 50 },
  { id: 'fleet-5000-state-age-p95', figure: 'the same: a state change at the simulator to the fleet row showing it, p95', unit: 'ms', op: '<=', limit: 5000 },
  { id: 'replicas-1-upstream-rate', figure: '1 replica on PostgreSQL, 200 viewers (event stream and a task polled every 2 s), 17 watched tasks: upstream calls per second at the wire', unit: 'calls/s' },
  { id: 'replicas-1-answer-age-p95', figure: 'the same: age of a task answer when it reached the viewer, p95', unit: 'ms' },
  { id: 'replicas-3-upstream-rate', figure: 'the same on 3 replicas behind an even balancer: upstream calls per second at the wire', unit: 'calls/s' },
  { id: 'replicas-3-answer-age-p95', figure: 'the same on 3 replicas: age of a task answer when it reached the viewer, p95', unit: 'ms' },
  { id: 'server-memory-growth', figure: 'server memory after 8 simulated hours watching 50 tasks: growth', unit: 'MB', op: '<', limit: 50 },
  { id: 'browser-heap-growth', figure: 'browser heap after an hour on a running task page: growth', unit: '%', op: '<', limit: 10 },
];

/** @param {string} id @returns {Budget} */
export function budgetFor(id) {
  const b = BUDGETS.find((x) => x.id === id);
  if (!b) throw new Error(`no budget named ${id}`);
  return b;
}

/** @param {Budget} b */
export const budgetText = (b) => (b.limit === undefined ? '-' : `${{ '<=': 'at most', '<': 'under', '>=': 'at least' }[b.op ?? '<=']} ${b.limit.toLocaleString('en')} ${b.unit}`);

/**
 * @param {Budget} b
 * @param {number | undefined} value
 * @returns {Verdict}
 */
export function judge(b, value) {
  if (value === undefined || !Number.isFinite(value)) return b.limit === undefined ? 'info' : 'missing';
  if (b.limit === undefined) return 'info';
  const ok = b.op === '>=' ? value >= b.limit : b.op === '<' ? value < b.limit : value <= b.limit;
  return ok ? 'within' : 'OVER';
}

/** Numbers as a person reads them: three significant digits at most, thousands grouped. */
export function formatValue(value) {
  if (value === undefined || !Number.isFinite(value)) return 'not measured';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * The table of every budgeted figure, in Markdown (it reads as plain text in a terminal too).
 * @param {Record<string, { value: number } | undefined>} figures
 */
export function budgetTable(figures) {
  const rows = BUDGETS.map((b) => {
    const value = figures[b.id]?.value;
    return { b, cells: [b.figure, value === undefined ? 'not measured' : `${formatValue(value)} ${b.unit}`, budgetText(b), judge(b, value)] };
  });
  const head = ['figure', 'value', 'budget', 'verdict'];
  const line = (/** @type {string[]} */ c) => `| ${c.join(' | ')} |`;
  const text = [line(head), line(head.map(() => '---')), ...rows.map((r) => line(r.cells))].join('\n');
  const failed = rows.filter((r) => r.cells[3] === 'OVER' || r.cells[3] === 'missing').map((r) => r.b.id);
  return { text, failed };
}


if (isMain(import.meta.url)) {
  const path = process.argv[2] ?? 'bench/results.json';
  /** @type {{ figures?: Record<string, { value: number }>, date?: string, commit?: string }} */
  let results;
  try {
    results = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.error(`Could not read ${path} (${e instanceof Error ? e.message : String(e)}): run npm run bench first.`);
    process.exit(1);
  }
  const { text, failed } = budgetTable(results.figures ?? {});
  console.log(`Figures of ${results.date ?? 'an unknown date'} at ${results.commit ?? 'an unknown commit'}:\n${text}`);
  console.log(failed.length === 0 ? 'Every figure is within its budget.' : `Over or not measured: ${failed.join(', ')}`);
  process.exit(failed.length === 0 ? 0 : 1);
}
