import type { Figure } from './bench-kit.ts';

/**
 * Every benchmark `npm run bench` runs, in order, and how to read its figures. The benches
 * written with bench-kit.ts print a BENCH_JSON line; the older ones print text, read here with patterns
 * that fail loudly (a missing figure fails the budget check) if their wording changes.
 */
export interface Bench {
  name: string;
  file: string;
  timeoutMin: number;
  env?: Record<string, string>;
  parse?: (output: string) => Record<string, Figure>;
}

function need(output: string, pattern: RegExp, what: string): RegExpMatchArray {
  const m = output.match(pattern);
  if (!m) throw new Error(`could not read ${what} from the bench's output`);
  return m;
}

export const BENCHES: readonly Bench[] = [
  { name: 'nav', file: 'bench/nav.bench.ts', timeoutMin: 5 },
  {
    name: 'layout-draw', file: 'bench/layout-draw.bench.ts', timeoutMin: 6,
    parse: (out) => {
      const at = (n: number) => need(out, new RegExp(`^${n} regions: median ([\\d.]+) ms per full redraw \\(p95 ([\\d.]+)\\)`, 'm'), `the ${n}-region draw`);
      const [, m30 = '', p30] = at(30);
      const [, m300 = '', p300] = at(300);
      return { 'draw-30': { value: Number(m30), detail: `p95 ${p30} ms` }, 'draw-300': { value: Number(m300), detail: `p95 ${p300} ms` } };
    },
  },
  {
    name: 'timeline', file: 'bench/timeline.bench.ts', timeoutMin: 6,
    parse: (out) => {
      const [, first = ''] = need(out, /first draw after \/api\/history arrived.*?: median ([\d.]+) ms/, 'the first draw');
      const [, fitCommit, fitFrame = ''] = need(out, /redraw on fit.*?median ([\d.]+) ms to commit, ([\d.]+) ms to the next frame/, 'the redraw on fit');
      const zoom = out.match(/redraw on zoom in: median ([\d.]+) ms to commit, ([\d.]+) ms to the next frame/);
      return {
        'timeline-first-draw': { value: Number(first), detail: 'from /api/history received: JSON, schema parse, lanes, React and DOM; median of page loads' },
        'timeline-render': { value: Number(fitFrame), detail: `fit: ${fitCommit} ms to commit${zoom ? `; zoom in: ${zoom[1]} ms to commit, ${zoom[2]} ms to the next frame` : ''}` },
      };
    },
  },
  {
    name: 'proxy', file: 'bench/proxy.bench.ts', timeoutMin: 3,
    parse: (out) => {
      const row = (name: string) => need(out, new RegExp(`^\\|\\s*${name}\\s*\\|\\s*(\\d+)\\s*\\|\\s*([\\d.]+)\\s*\\|\\s*([\\d.]+)\\s*\\|`, 'm'), `the '${name}' row`);
      const [, rps = '', p50, p99 = ''] = row('task, cached, server as shipped');
      const [, inRps, , inP99] = row('task, cached \\([^|]*\\)');
      const [, bare] = row('bare Hono route');
      return {
        'proxy-rps': { value: Number(rps), detail: `the server as shipped, its own process; the app alone in the bench's process: ${inRps} req/s; a bare Hono route: ${bare} req/s` },
        'proxy-p99': { value: Number(p99), detail: `p50 ${p50} ms; the app alone in the bench's process: p99 ${inP99} ms` },
      };
    },
  },
  { name: 'viewers', file: 'bench/viewers.bench.ts', timeoutMin: 3 },
  { name: 'callback-ingest', file: 'bench/callback-ingest.bench.ts', timeoutMin: 4 },
  { name: 'sse-clients', file: 'bench/sse-clients.bench.ts', timeoutMin: 3 },
  { name: 'fleet-5000', file: 'bench/fleet-5000.bench.ts', timeoutMin: 6 },
  { name: 'replicas', file: 'bench/replicas.bench.ts', timeoutMin: 6 },
  { name: 'server-memory', file: 'bench/server-memory.bench.ts', timeoutMin: 6 },
  { name: 'browser-heap', file: 'bench/browser-heap.bench.ts', timeoutMin: 6 },
  { name: 'occlusion', file: 'bench/occlusion.bench.ts', timeoutMin: 2 },
  { name: 'editor-drag', file: 'bench/editor-drag.bench.ts', timeoutMin: 4 },
];
