import { test, expect } from './fixtures/test.ts';
import type { Page } from '@playwright/test';
import { freePort, startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { DemoHistoryResponseSchema } from '../src/shared/demo-history-api.ts';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch, type TaskRef } from '../src/shared/task-ref.ts';
import { TimelinePanel } from './pages/timeline.ts';

// A fresh server of its own: nobody has watched or opened the online class, so everything its
// timeline shows before the page opened is the simulator's demo history. The class started about
// half an hour before the simulator; 15 minutes in, an update added the teacher's screen share.
const data = tempDir('mixscope-demo-history-');
let server: ChildServer;
let startedAt = 0;

const found = findDemoScenario('online-class');
if (!found) throw new Error('no demo scenario online-class');
const CLASS: TaskRef = found.ref;

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 720 } });

test.beforeAll(async () => {
  const port = await freePort();
  startedAt = Date.now();
  server = await startChild('src/server/main.ts', [], {
    PORT: String(port), HOST: '127.0.0.1', MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_DATA_DIR: data.path,
    VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
  }, '/api/config', port);
});

test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

/** The centre x of the demo change marker for a layout change, in page pixels. */
async function layoutChangeX(tl: TimelinePanel): Promise<number> {
  const box = await tl.demoMarkers('layout').first().boundingBox();
  if (box === null) throw new Error('the demo layout change has no box');
  return box.x + box.width / 2;
}

/** Clicks the Status lane `dx` pixels from the demo layout change. */
async function clickNearChange(page: Page, tl: TimelinePanel, dx: number): Promise<void> {
  await tl.chart.scrollIntoViewIfNeeded();
  const svg = await tl.chart.locator('svg').boundingBox();
  if (svg === null) throw new Error('the chart has no box');
  await page.mouse.click(await layoutChangeX(tl) + dx, svg.y + 40);
}

test('a demo task opened from the gallery shows its past as demo history, and a click on a past moment shows that layout', async ({ page }, info) => {
  await page.goto(`${server.url}/`);
  await page.locator('a[data-scenario="online-class"]').click();
  await expect(page).toHaveURL(`${server.url}/task?${taskRefToSearch(CLASS)}`);
  const tl = new TimelinePanel(page);
  await expect(tl.root).toHaveAttribute('data-watched', 'false');

  // The past is drawn, in its own style and named so: Status not started then running, the push
  // reaching the CDN, and the two configurations (at the start, then the screen share).
  // The timeline is loaded after the layout: on a busy machine that can take a while.
  await expect(tl.demoSpans('status', 2).first()).toBeVisible({ timeout: 30_000 });
  await expect(tl.demoSpans('status', 1)).toHaveCount(1);
  await expect(tl.demoSpans('push', 5)).not.toHaveCount(0);
  await expect(tl.demoSpans('status', 2).first()).toContainText('▶ Running · demo history');
  await expect(tl.demoMarkers()).toHaveCount(2);
  await expect(tl.demoMarkers('layout')).toHaveCount(1);
  await expect(tl.root.getByTestId('timeline-legend').locator('[data-legend="demo"]')).toContainText('Demo history (computed by the simulator)');
  // The task's times imply nothing the demo history does not already say.
  await expect(tl.inferred()).toHaveCount(0);
  // Nobody watches the task, so nothing was observed: the lane underneath still says so.
  await expect(tl.spans('status', { kind: 'unknown', reason: 'not-watched' })).toHaveCount(1);
  await expect(tl.spans('status', { kind: 'state' })).toHaveCount(0);

  // Nothing of it is in the history store: every observation there was made by this server.
  const history = await TimelinePanel.history(page.request, server.url, CLASS);
  expect(history.observations.every((o) => o.observedAt >= startedAt)).toBe(true);
  const demo = DemoHistoryResponseSchema.parse(await (await page.request.get(`${server.url}/api/demo-history?${taskRefToSearch(CLASS)}`)).json());
  expect(demo.origin).toBe('demo');
  expect(demo.steps[0]?.at).toBeLessThan(startedAt - 15 * 60_000);

  // A moment before the screen share: the first layout, the teacher above six students.
  await clickNearChange(page, tl, -30);
  await expect(tl.markerDetail).toHaveAttribute('data-origin', 'demo');
  await expect(tl.markerDetail).toHaveAttribute('data-moment', /^\d+$/);
  await expect(tl.markerDetail.getByTestId('demo-note')).toContainText('computed by the built-in simulator');
  await expect(tl.markerDetail).toContainText('Configuration at the start (demo history)');
  await expect(tl.markerRegionRows()).toHaveCount(7);
  await expect(tl.guide('selected')).toHaveCount(1);
  await tl.markerDetail.getByRole('button', { name: 'Close' }).click();
  await expect(tl.markerDetail).toHaveCount(0);

  // A moment after it: the screen share on the left, and what changed.
  await clickNearChange(page, tl, 30);
  await expect(tl.markerDetail).toHaveAttribute('data-origin', 'demo');
  await expect(tl.markerDetail).toContainText('Layout and Streams changed (demo history)');
  await expect(tl.markerDetail.getByTestId('marker-diff')).toContainText('Layout.CustomLayout.Regions: 7 → 8 items');
  await expect(tl.markerRegionRows()).toHaveCount(8);
  await tl.markerDetail.getByRole('button', { name: 'Before this change' }).click();
  await expect(tl.markerRegionRows()).toHaveCount(7);
  await tl.markerDetail.getByRole('button', { name: 'After this change' }).click();

  // The details of a demo span say where it comes from.
  await tl.chart.scrollIntoViewIfNeeded();
  const svg = await tl.chart.locator('svg').boundingBox();
  if (svg === null) throw new Error('the chart has no box');
  await page.mouse.move(await layoutChangeX(tl) - 60, svg.y + 40);
  await expect(tl.details.getByTestId('detail-demo')).toContainText('Demo history: ▶ Running from');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await tl.root.screenshot({ path: info.outputPath(`demo-history-en-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('the reader can hide the demo history, and the timeline shows only what was observed', async ({ page }) => {
  const tl = new TimelinePanel(page);
  await page.goto(`${server.url}/task?${taskRefToSearch(CLASS)}`);
  await expect(tl.demoSpans('status').first()).toBeVisible({ timeout: 30_000 });
  await tl.root.getByRole('button', { name: 'Hide demo history' }).click();
  await expect(tl.demoSpans('status')).toHaveCount(0);
  await expect(tl.demoMarkers()).toHaveCount(0);
  await expect(tl.root.getByTestId('timeline-legend').locator('[data-legend="demo"]')).toHaveCount(0);
  // Remembered: a reload keeps it hidden, until shown again.
  await page.reload();
  await expect(tl.root.getByRole('button', { name: 'Show demo history' })).toBeVisible();
  await expect(tl.demoSpans('status')).toHaveCount(0);
  await tl.root.getByRole('button', { name: 'Show demo history' }).click();
  await expect(tl.demoSpans('status')).not.toHaveCount(0);
});

for (const { lang, width, height } of [
  { lang: 'zh', width: 1280, height: 720 },
  { lang: 'en', width: 390, height: 844 },
  { lang: 'zh', width: 390, height: 844 },
] as const) {
  test(`in ${lang === 'zh' ? 'Chinese' : 'English'} at ${width} px the demo history and its past layout are labelled and nothing scrolls sideways`, async ({ page }, info) => {
    await page.addInitScript((l) => localStorage.setItem('mixscope.language', l), lang);
    await page.setViewportSize({ width, height });
    const tl = new TimelinePanel(page);
    await page.goto(`${server.url}/task?${taskRefToSearch(CLASS)}`);
    await expect(tl.demoMarkers('layout')).toHaveCount(1, { timeout: 30_000 });
    await expect(tl.root.getByTestId('timeline-legend').locator('[data-legend="demo"]')).toContainText(lang === 'zh' ? '演示历史' : 'Demo history');
    await clickNearChange(page, tl, 12);
    await expect(tl.markerDetail).toHaveAttribute('data-origin', 'demo');
    await expect(tl.markerDetail.getByTestId('demo-note')).toContainText(lang === 'zh' ? '演示历史' : 'Demo history');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await tl.root.screenshot({ path: info.outputPath(`demo-history-${lang}-${width}-${scheme}.png`) });
    }
  });
}
