import type { CDPSession, Page } from '@playwright/test';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';
import { emitFigures, launchChromium, needDist, sleep, startServer } from './bench-kit.ts';

/**
 * `npx tsx bench/browser-heap.bench.ts`: a task page left open on a running task. The server's
 * simulator runs MIXSCOPE_SIMULATOR_SPEED times faster so an hour of the task's life (reconnect
 * storms of the flaky CDN, recorded by the watcher) passes in BENCH_SECONDS (180) of wall time,
 * while the page polls the task and its history every 2 s as it would. The JS heap is read through
 * the DevTools protocol after a forced GC: the baseline once the page has drawn and settled, then
 * every 20 s. The figure is the growth of the used heap, baseline to end, in per cent.
 */
const SECONDS = Number(process.env.BENCH_SECONDS || 180);
const TASK_HOURS = 1;
const WARMUP_S = 15;
const SAMPLE_EVERY_S = 20;
const SCENARIO = 'flaky-cdn';
const speed = Math.min(3600, Math.max(1, Math.round((TASK_HOURS * 3_600) / SECONDS)));

async function usedHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
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
    await page.goto(`${server.url}/task?${taskRefToSearch(scenario.ref)}`);
    await page.waitForFunction(() => performance.getEntriesByName('layout-drawn', 'mark').length > 0, undefined, { timeout: 30_000 });
    await page.locator('[data-lane="push"] > g').first().waitFor({ timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    console.error(`task page of ${SCENARIO} open for ${SECONDS} s at ${speed}× (${TASK_HOURS} h of task time)...`);
    await sleep(WARMUP_S * 1_000);
    const base = await usedHeap(cdp);
    const before = await counts(page);
    const samples = [base];
    const end = Date.now() + (SECONDS - WARMUP_S) * 1_000;
    while (Date.now() < end) {
      await sleep(Math.min(SAMPLE_EVERY_S * 1_000, end - Date.now()));
      samples.push(await usedHeap(cdp));
    }
    const last = samples.at(-1) ?? base;
    const after = await counts(page);
    const growth = ((last - base) / base) * 100;
    const mb = (n: number) => (n / 1_048_576).toFixed(1);
    console.log(`browser heap on the ${SCENARIO} task page over ${TASK_HOURS} h of task time (after GC): ${mb(base)} → ${mb(last)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %)`);
    console.log(`  samples (MB): ${samples.map(mb).join(' ')}; drawn timeline spans ${before.spans} → ${after.spans}, DOM elements ${before.nodes} → ${after.nodes}`);
    emitFigures({ 'browser-heap-growth': { value: growth, detail: `${mb(base)} → ${mb(last)} MB, DOM ${before.nodes} → ${after.nodes} elements` } });
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
