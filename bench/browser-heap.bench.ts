import type { CDPSession, Page } from '@playwright/test';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';
import { emitFigures, launchChromium, needDist, sleep, startServer } from './bench-kit.ts';
import { memoryGrowth } from './growth.ts';

/**
 * `npx tsx bench/browser-heap.bench.ts`: a task page left open on a running task for an hour. The
 * server's simulator runs MIXSCOPE_SIMULATOR_SPEED times faster, so an hour of the task's life
 * (reconnect storms of the flaky CDN, recorded by the watcher) passes in BENCH_SECONDS (180) of
 * wall time after a warm-up; the page's clock (Playwright's page.clock) is moved on as fast, so
 * it polls the task and its history every 2 s of its time: an hour's worth of polls, renders and
 * timers, not a twentieth of it. The JS heap is read through the DevTools protocol after a forced
 * GC: the baseline once the page has run a while, then every 20 s. The warm-up (20 minutes of the
 * page's time) lets V8's optimising compiler finish first: with a shorter one, heap snapshots showed
 * the growth to be compiled code, not the page's data (the figures are in bench/results.md). The
 * figure is the growth of the used heap read by memoryGrowth (lowest early sample to highest late
 * one), in per cent.
 */
const SECONDS = Number(process.env.BENCH_SECONDS || 180);
const TASK_HOURS = 1;
const WARMUP_S = 60;
/** How often the page's clock is moved on: real time plus the rest of SPEED times as much. */
const STEP_MS = 100;
const SAMPLE_EVERY_S = 20;
const SCENARIO = 'flaky-cdn';
const speed = Math.min(3600, Math.max(1, Math.round((TASK_HOURS * 3_600) / SECONDS)));

/** The page's clock stands still while the heap is read, so no poll is half-way through. */
const clockState = { paused: false };

async function usedHeap(cdp: CDPSession): Promise<number> {
  clockState.paused = true;
  await sleep(500); // the last poll's answer in and handled
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  clockState.paused = false;
  return usedSize;
}

const counts = (page: Page) => page.evaluate(() => ({
  spans: document.querySelectorAll('[data-lane] > g').length,
  nodes: document.getElementsByTagName('*').length,
}));

async function main(): Promise<void> {
  needDist();
  const scenario = findDemoScenario(SCENARIO);
  if (!scenario) throw new Error(`no demo scenario ${SCENARIO}`);
  const server = await startServer({ MIXSCOPE_SIMULATOR_SPEED: String(speed) });
  const browser = await launchChromium();
  try {
    const watch = await fetch(`${server.url}/api/watch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario.ref) });
    if (!watch.ok) throw new Error(`could not watch ${SCENARIO}: HTTP ${watch.status}`);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let polls = 0;
    page.on('request', (r) => void (r.url().includes('/api/task?') && (polls += 1)));
    await page.clock.install();
    await page.goto(`${server.url}/task?${taskRefToSearch(scenario.ref)}`);
    // Not the layout-drawn mark: page.clock replaces the page's performance object.
    await page.getByTestId('layout-canvas').locator('canvas').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-lane="push"] > g').first().waitFor({ timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    console.error(`task page of ${SCENARIO} open for ${SECONDS} s after a ${WARMUP_S} s warm-up, server and page at ${speed}× (${TASK_HOURS} h)...`);
    let ticking = true;
    const ticker = (async () => {
      let last = Date.now();
      while (ticking) {
        await sleep(STEP_MS);
        const now = Date.now();
        if (!clockState.paused) await page.clock.fastForward((now - last) * (speed - 1));
        last = now;
      }
    })();
    await sleep(WARMUP_S * 1_000);
    const base = await usedHeap(cdp);
    const before = await counts(page);
    const samples = [base];
    const end = Date.now() + SECONDS * 1_000;
    while (Date.now() < end) {
      await sleep(Math.min(SAMPLE_EVERY_S * 1_000, end - Date.now()));
      samples.push(await usedHeap(cdp));
    }
    ticking = false;
    await ticker;
    const after = await counts(page);
    const { from, to } = memoryGrowth(samples);
    const growth = ((to - from) / from) * 100;
    const mb = (n: number) => (n / 1_048_576).toFixed(1);
    console.log(`browser heap on the ${SCENARIO} task page over ${TASK_HOURS} h of task time (after GC): ${mb(from)} → ${mb(to)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %)`);
    console.log(`  samples (MB): ${samples.map(mb).join(' ')}; drawn timeline spans ${before.spans} → ${after.spans}, DOM elements ${before.nodes} → ${after.nodes}; the page asked for the task ${polls} times`);
    emitFigures({ 'browser-heap-growth': { value: growth, detail: `${mb(from)} → ${mb(to)} MB (lowest of the first quarter of samples to highest of the last), ${polls} task polls, DOM ${before.nodes} → ${after.nodes} elements` } });
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
