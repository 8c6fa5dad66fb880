import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { OutputResponseSchema } from '../src/shared/output-api.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';
import { emitFigures, launchChromium, median, needDist, startServer } from './bench-kit.ts';

/**
 * Declared vs applied, as a person meets it: in Chromium, the time from pressing "Compare with
 * the output" to the applied layout's table on the screen (the server pulls the output, waits for
 * a keyframe with the layout SEI and measures the stream), and the bytes the server read for each
 * check; then the first bytes of the player's relay. Against `npm start`'s embedded simulator,
 * whose outputs send the current GOP at once, as a CDN's GOP cache does. Run on its own:
 * `npx tsx bench/output-compare.bench.ts [runs]`.
 */
const RUNS = Number(process.argv[2] ?? 5);
const SCENARIOS = ['online-class', 'pk-battle', 'gallery-30'] as const;

needDist();
const server = await startServer({ MIXSCOPE_CALLBACK_WATCH: '0' }, 'src/server/main.ts', { quiet: true });
const browser = await launchChromium();
const rows: string[] = [];
const figures: Record<string, { value: number; detail: string }> = {};
try {
  for (const id of SCENARIOS) {
    const ref = findDemoScenario(id)?.ref;
    if (!ref) throw new Error(`no scenario ${id}`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/task?${taskRefToSearch(ref)}`);
    const button = page.getByTestId('output-panel').getByRole('button', { name: /Compare with the output|Read the output again/ });
    await button.waitFor();
    const shownMs: number[] = [];
    const bytes: number[] = [];
    const mediaMs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const answer = page.waitForResponse((r) => r.url().includes('/api/task/output?'), { timeout: 60_000 });
      // Timed in the page: from the click's event to the frame that shows this answer's read time.
      const before = await page.getByTestId('output-read-at').textContent().catch(() => null);
      const t0 = Date.now();
      await button.click();
      const body = OutputResponseSchema.parse(await (await answer).json());
      await page.waitForFunction((old) => {
        const el = document.querySelector('[data-testid="output-read-at"]');
        return el !== null && el.textContent !== old && document.querySelector('[data-testid="output-facts"]') !== null;
      }, before);
      shownMs.push(Date.now() - t0);
      bytes.push(body.bytesRead);
      mediaMs.push(body.mediaMs);
    }
    await page.close();
    const ms = median(shownMs);
    rows.push(`| ${id} | ${Math.round(ms)} ms (${Math.round(Math.min(...shownMs))} to ${Math.round(Math.max(...shownMs))}) | ${Math.round(median(bytes) / 1000)} kB | ${(median(mediaMs) / 1000).toFixed(1)} s |`);
    figures[`output-compare-shown-${id}`] = { value: Math.round(ms), detail: `median of ${RUNS}, ${Math.round(median(bytes) / 1000)} kB read over ${(median(mediaMs) / 1000).toFixed(1)} s of video` };
    figures[`output-compare-bytes-${id}`] = { value: Math.round(median(bytes) / 1000), detail: 'kB the server read per check (median)' };
  }

  // The player's relay: how soon its first bytes and its first keyframe arrive.
  const ref = findDemoScenario('online-class')?.ref;
  if (!ref) throw new Error('no online class');
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/task/output/stream?${taskRefToSearch(ref)}`);
  const reader = res.body?.getReader();
  if (!reader) throw new Error(`no relay body (HTTP ${res.status})`);
  const first = await reader.read();
  const firstMs = performance.now() - t0;
  let relayed = first.value?.length ?? 0;
  while (performance.now() - t0 < 5000) {
    const chunk = await reader.read();
    if (chunk.done) break;
    relayed += chunk.value.length;
  }
  await reader.cancel();
  const seconds = (performance.now() - t0) / 1000;
  figures['output-relay-first-bytes'] = { value: Math.round(firstMs), detail: `${Math.round(relayed / seconds / 1000)} kB/s relayed over ${seconds.toFixed(1)} s` };
  console.log('| scenario | "Compare" to the applied layout shown (median, range) | bytes read per check | video read |');
  console.log('| --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log('');
  console.log(`Player relay: first bytes after ${Math.round(firstMs)} ms, ${Math.round(relayed / seconds / 1000)} kB/s over ${seconds.toFixed(1)} s.`);
} finally {
  await browser.close();
  await server.close();
}
emitFigures(figures);
