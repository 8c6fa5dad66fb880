import { test, expect } from './fixtures/test.ts';
import { freePort, startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch, type TaskRef } from '../src/shared/task-ref.ts';
import { TimelinePanel } from './pages/timeline.ts';

// A server of its own, so that no other spec has watched the ended task: its timeline is what a
// newcomer sees on first open, built from the task's StartTime and EndTime alone.
const data = tempDir('mixscope-timeline-first-');
let server: ChildServer;

function scenario(id: string): TaskRef {
  const s = findDemoScenario(id);
  if (!s) throw new Error(`no demo scenario ${id}`);
  return s.ref;
}
const ENDED = scenario('ended-by-api'); // started 3 h before the simulator, stopped by the API
const LIVE = scenario('live-basic'); // runs for as long as the simulator does

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 900 } });
// What the page shows of a task nobody observed, as for a task on Volcengine: the simulator's
// demo history (demo-history.spec.ts) is hidden, as a reader may hide it.
test.beforeEach(({ page }) => page.addInitScript(() => localStorage.setItem('mixscope.demoHistory', 'hidden')));

test.beforeAll(async () => {
  const port = await freePort();
  server = await startChild('src/server/main.ts', [], {
    PORT: String(port), HOST: '127.0.0.1', MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_DATA_DIR: data.path,
    VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
  }, '/api/config', port);
});

test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

test('an unwatched ended task shows its StartTime and EndTime, and the run they imply, in both themes', async ({ page }, info) => {
  const tl = new TimelinePanel(page);
  await page.goto(`${server.url}/task?${taskRefToSearch(ENDED)}`);
  await expect(tl.root).toHaveAttribute('data-watched', 'false');
  await expect(tl.guide('start')).toContainText('StartTime');
  await expect(tl.guide('end')).toContainText('Ended');
  // Nothing observed: the whole life is the run StartTime–EndTime imply, drawn as inferred.
  await expect(tl.inferred()).toHaveCount(1);
  await expect(tl.spans('status', { kind: 'state' })).toHaveCount(0);
  await expect(tl.inferred()).toContainText('Running (inferred from the task’s times)');
  await expect(tl.root.getByTestId('timeline-legend').locator('[data-legend="inferred"]')).toBeVisible();
  const history = await TimelinePanel.history(page.request, server.url, ENDED);
  expect(history.watched).toBeNull();
  const span = tl.inferred();
  const from = Number(await span.getAttribute('data-from'));
  const to = Number(await span.getAttribute('data-to'));
  expect(to - from).toBeGreaterThan(60_000);
  // The view opens on it: the span fills the plot from edge to edge.
  const plot = await tl.plotBox();
  const box = await span.locator('rect').first().evaluate((r) => ({ x: Number(r.getAttribute('x')), w: Number(r.getAttribute('width')) }));
  expect(box.x).toBeLessThanOrEqual(1);
  expect(box.x + box.w).toBeGreaterThanOrEqual(plot.right - plot.left - 1);

  // Hovering it says where it comes from.
  await tl.chart.focus();
  await page.keyboard.press('ArrowRight');
  await expect(tl.details.getByTestId('detail-inferred')).toContainText('Inferred from the task’s StartTime and EndTime');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await tl.root.screenshot({ path: info.outputPath(`unwatched-ended-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('in Chinese at phone width, the inferred run and its legend are in Chinese and nothing scrolls sideways', async ({ page }, info) => {
  await page.addInitScript(() => localStorage.setItem('mixscope.language', 'zh'));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const tl = new TimelinePanel(page);
  await page.goto(`${server.url}/task?${taskRefToSearch(ENDED)}`);
  await expect(tl.inferred()).toHaveCount(1);
  await expect(tl.root.getByTestId('timeline-legend')).toContainText('由任务的 StartTime 和 EndTime 推断');
  await expect(tl.guide('start')).toContainText('StartTime');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await tl.root.screenshot({ path: info.outputPath('unwatched-ended-zh-phone-dark.png') });
});

test('zooming in and out keeps the task’s data in view and never leaves its life', async ({ page }) => {
  const tl = new TimelinePanel(page);
  await page.goto(`${server.url}/task?${taskRefToSearch(ENDED)}`);
  await expect(tl.inferred()).toHaveCount(1);
  const fit = tl.root.getByRole('button', { name: 'Show the whole life of the task' });
  await expect(fit).toBeDisabled();
  const plot = await tl.plotBox();
  const covers = () => tl.inferred().locator('rect').first().evaluate((r, width) => {
    const x = Number(r.getAttribute('x'));
    return x <= 1 && x + Number(r.getAttribute('width')) >= width - 1;
  }, plot.right - plot.left);

  await tl.chart.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect(fit).toBeEnabled();
  expect(await covers()).toBe(true);
  // Panning as far as it goes stops at EndTime: the end guide comes into view, data up to it.
  for (let i = 0; i < 100 && (await tl.guide('end').count()) === 0; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(tl.guide('end')).toHaveCount(1);
  // Zooming out stops at the whole life: both guides, and the button to fit is off again.
  for (let i = 0; i < 20; i++) await page.keyboard.press('-');
  await expect(fit).toBeDisabled();
  await expect(tl.guide('start')).toHaveCount(1);
  await expect(tl.guide('end')).toHaveCount(1);
  expect(await covers()).toBe(true);

  // Ctrl and the wheel zoom around the pointer: at StartTime (the plot's left edge), StartTime
  // stays where it is and the end leaves the view; a zoom around the middle would lose both.
  const svg = await tl.chart.locator('svg').boundingBox();
  if (svg === null) throw new Error('the chart has no box');
  const rowY = svg.y + 40; // the Status lane
  await page.mouse.move(svg.x + plot.left - 2, rowY);
  await page.keyboard.down('Control');
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect(fit).toBeEnabled();
  await expect(tl.guide('start')).toHaveCount(1);
  await expect(tl.guide('end')).toHaveCount(0);
  expect(await covers()).toBe(true);

  // Shift and a drag zoom to the range dragged over, in the middle of the life: no edge in view.
  await page.keyboard.press('0');
  await expect(fit).toBeDisabled();
  const span = plot.right - plot.left;
  await page.keyboard.down('Shift');
  await page.mouse.move(svg.x + plot.left + span * 0.4, rowY);
  await page.mouse.down();
  await page.mouse.move(svg.x + plot.left + span * 0.5, rowY, { steps: 4 });
  await expect(tl.root.getByTestId('timeline-brush')).toBeVisible();
  await page.mouse.move(svg.x + plot.left + span * 0.6, rowY, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(fit).toBeEnabled();
  await expect(tl.guide('start')).toHaveCount(0);
  await expect(tl.guide('end')).toHaveCount(0);
  expect(await covers()).toBe(true);
});

test('a click on any moment shows the layout in force then, and a moment before any observation says so', async ({ page }, info) => {
  await TimelinePanel.watch(page.request, server.url, LIVE);
  const tl = new TimelinePanel(page);
  await page.goto(`${server.url}/task?${taskRefToSearch(LIVE)}`);
  await expect(tl.root).toHaveAttribute('data-watched', 'true');
  await expect(tl.markers()).not.toHaveCount(0, { timeout: 30_000 });
  // Observed running: a click in the middle of the span, not on a change marker.
  const observed = tl.spans('status', { kind: 'state', value: 2 }).last();
  await expect(observed).toBeVisible({ timeout: 30_000 });
  await observed.click({ force: true });
  await expect(tl.markerDetail).toBeVisible();
  await expect(tl.markerDetail).toHaveAttribute('data-moment', /^\d+$/);
  await expect(tl.markerDetail).toContainText('the last change seen before it');
  await expect(tl.markerRegionRows()).not.toHaveCount(0);
  await expect(tl.guide('selected')).toHaveCount(1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await tl.root.screenshot({ path: info.outputPath(`moment-layout-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');

  // Before the watch began nothing was seen: Enter on that span says there is no layout to show.
  expect(await tl.walkTo('status', /Not observed: before watching began/)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(tl.markerDetail).toContainText('Nothing was observed before this moment');
  await expect(tl.markerRegionRows()).toHaveCount(0);
});
