import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';
import { emitFigures, launchChromium, median, needDist, startServer } from './bench-kit.ts';

/**
 * `npx tsx bench/nav.bench.ts`: an operator opens a /task link from an alert. Each run is a new
 * browser context (cold HTTP cache, no storage), timed from navigation start to the layout's
 * first picture (the `layout-drawn` mark: the preview, or Konva if it is first) with the region
 * table filled, and to the Konva canvas drawn (`layout-interactive`). Median of BENCH_RUNS (10),
 * after one warm-up run for the server (tsx, JIT). Also sums the gzip size of the JavaScript
 * files the page had loaded by the first picture: the browser's view of the bundle budget.
 * Needs dist/ (npm run build). The online class: eight regions, a background image, live.
 */
const RUNS = Number(process.env.BENCH_RUNS || 10);
const SCENARIO = 'online-class';
const VIEWPORT = { width: 1440, height: 900 };

interface Run { drawnMs: number; interactiveMs: number; scripts: string[] }

async function once(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('layout-interactive', 'mark').length > 0, undefined, { timeout: 30_000, polling: 50 });
    await page.getByTestId('region-table').locator('tbody tr').first().waitFor({ state: 'attached', timeout: 30_000 });
    return await page.evaluate(() => {
      const drawn = performance.getEntriesByName('layout-drawn', 'mark')[0]?.startTime ?? NaN;
      const interactiveMs = performance.getEntriesByName('layout-interactive', 'mark')[0]?.startTime ?? NaN;
      const scripts = performance.getEntriesByType('resource')
        .filter((e) => e instanceof PerformanceResourceTiming && e.initiatorType !== 'fetch' && /\.m?js(\?|$)/.test(e.name) && e.responseEnd <= drawn)
        .map((e) => new URL(e.name).pathname);
      return { drawnMs: drawn, interactiveMs, scripts };
    });
  } finally {
    await context.close();
  }
}

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
    await once(browser, url); // warm-up: the server's first requests, not the browser's cache
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, url));
    const times = runs.map((r) => r.drawnMs);
    const scripts = [...new Set(runs.at(-1)?.scripts ?? [])];
    const kb = gzipKb(scripts);
    const sorted = [...times].sort((a, b) => a - b);
    const interactive = median(runs.map((r) => r.interactiveMs));
    console.log(`navigation to layout drawn on /task (${SCENARIO}), cold cache: median ${median(times).toFixed(0)} ms of ${RUNS} (fastest ${sorted[0]?.toFixed(0)}, slowest ${sorted.at(-1)?.toFixed(0)}); Konva canvas drawn: median ${interactive.toFixed(0)} ms`);
    console.log(`JavaScript loaded before the layout was drawn: ${kb.toFixed(1)} kB gzip in ${scripts.length} file(s): ${scripts.map((s) => basename(s)).join(', ')}`);
    emitFigures({
      'nav-layout-drawn': { value: median(times), detail: `${SCENARIO}, runs ${sorted.map((t) => t.toFixed(0)).join(', ')} ms` },
      'nav-layout-interactive': { value: interactive, detail: 'the Konva canvas drawn: zoom, hover and export work' },
      'js-before-layout-browser': { value: kb, detail: `${scripts.length} files` },
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
