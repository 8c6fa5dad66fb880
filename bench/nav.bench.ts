import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';
import { emitFigures, launchChromium, median, needDist, startServer } from './bench-kit.ts';
import { loadTaskPage, type NavRun } from './nav-page.ts';

/**
 * `npx tsx bench/nav.bench.ts`: an operator opens a /task link from an alert. Each run is a new
 * browser context (cold HTTP cache, no storage), timed from navigation start to the layout's
 * first picture (the `layout-drawn` mark: set by the page's HTML after the server's SVG picture,
 * or, when the browser renders the page, by the preview's SVG or by Konva's first draw), to
 * that picture on the screen (the later of the mark and the first contentful paint,
 * which the browser reports once the frame is presented), and to the Konva canvas drawn
 * (`layout-interactive`); the run ends once the region table is filled too. Median of BENCH_RUNS
 * (10), after one warm-up run for the server (tsx, JIT). Also sums the gzip size of the JavaScript
 * files the page had loaded by the first picture: the browser's view of the bundle budget.
 * Needs dist/ (npm run build). The online class: eight regions, a background image, live.
 */
const RUNS = Number(process.env.BENCH_RUNS || 10);
const SCENARIO = 'online-class';

const gzipKb = (files: readonly string[]) =>
  files.reduce((s, f) => s + gzipSync(readFileSync(join('dist', 'assets', basename(f))), { level: 9 }).length, 0) / 1000;

async function main(): Promise<void> {
  needDist();
  const scenario = findDemoScenario(SCENARIO);
  if (!scenario) throw new Error(`no demo scenario ${SCENARIO}`);
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const url = `${server.url}/task?${taskRefToSearch(scenario.ref)}`;
    await loadTaskPage(browser, url); // warm-up: the server's first requests, not the browser's cache
    const runs: NavRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await loadTaskPage(browser, url));
    const times = runs.map((r) => r.drawnMs);
    const scripts = [...new Set(runs.at(-1)?.scripts ?? [])];
    const kb = gzipKb(scripts);
    const sorted = [...times].sort((a, b) => a - b);
    const interactive = median(runs.map((r) => r.interactiveMs));
    const onScreen = median(runs.map((r) => r.onScreenMs));
    console.log(`navigation to layout drawn on /task (${SCENARIO}), cold cache: median ${median(times).toFixed(0)} ms of ${RUNS} (fastest ${sorted[0]?.toFixed(0)}, slowest ${sorted.at(-1)?.toFixed(0)}); on the screen: median ${onScreen.toFixed(0)} ms; Konva canvas drawn: median ${interactive.toFixed(0)} ms`);
    console.log(`JavaScript loaded before the layout was drawn: ${kb.toFixed(1)} kB gzip in ${scripts.length} file(s): ${scripts.map((s) => basename(s)).join(', ')}`);
    emitFigures({
      'nav-layout-drawn': { value: median(times), detail: `${SCENARIO}, runs ${sorted.map((t) => t.toFixed(0)).join(', ')} ms` },
      'nav-layout-on-screen': { value: onScreen, detail: 'the first frame with the picture presented (first contentful paint, or the mark if later)' },
      'nav-layout-interactive': { value: interactive, detail: 'the Konva canvas drawn: zoom, hover and export work' },
      'js-before-layout-browser': { value: kb, detail: `${scripts.length} files` },
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
