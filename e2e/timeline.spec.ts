import { test, expect } from './fixtures/test.ts';
import { startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import type { TaskRef } from '../src/shared/task-ref.ts';
import { TimelinePanel } from './pages/timeline.ts';

// A server of its own, with the simulator 60 times faster than real time (an hour of task time
// per minute), so a task starts, reconnects, changes its layout and stops while the test runs.
// Then the server is killed and started again on the same data directory: the history is still
// there. Waits are polls for a condition, never sleeps.
const PORT = Number(process.env.MIXSCOPE_TIMELINE_PORT || 8186);
const data = tempDir('mixscope-timeline-');
let server: ChildServer;

const ENV = {
  PORT: String(PORT), HOST: '127.0.0.1', MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_SIMULATOR_SPEED: '60',
  MIXSCOPE_DATA_DIR: data.path, VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
};
const start = () => startChild('src/server/main.ts', [], ENV, '/api/config', PORT);

function scenario(id: string): TaskRef {
  const s = findDemoScenario(id);
  if (!s) throw new Error(`no demo scenario ${id}`);
  return s.ref;
}
const WAITING = scenario('starting-soon'); // not started for 3.5 task-minutes, then runs for 2 h
const FLAKY = scenario('flaky-cdn'); // reconnect storms every few task-minutes
const PK = scenario('pk-battle'); // an update 45 task-minutes in leaves one host of two
const CLASS = scenario('online-class'); // a layout change 50 task-minutes in, stopped by the API at 2 h
const LOST = scenario('cdn-gave-up'); // already stopped, UnknownStopReason

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `http://127.0.0.1:${PORT}`, viewport: { width: 1440, height: 900 } });

test.beforeAll(async ({ request }) => {
  server = await start();
  // Watched at once: starting-soon is still "not started" for the first 3.5 s of wall time.
  for (const ref of [WAITING, FLAKY, PK, CLASS, LOST]) await TimelinePanel.watch(request, server.url, ref);
});

test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

test('lanes show the start of a task, observed from before it started', async ({ page }) => {
  const tl = new TimelinePanel(page);
  await tl.open(WAITING);
  await expect(tl.root).toHaveAttribute('data-watched', 'true');
  // Status 1 (not started), then 2 (running); the push lane reaches 5 (pushing).
  await expect.poll(() => tl.laneValues('status'), { timeout: 30_000 }).toEqual(expect.arrayContaining([1, 2]));
  expect((await tl.laneValues('status')).indexOf(1)).toBeLessThan((await tl.laneValues('status')).indexOf(2));
  await expect.poll(() => tl.laneValues('push'), { timeout: 30_000 }).toContain(5);
  // Before the watch began nothing was observed: drawn as unknown, not stretched from the first answer.
  await expect(tl.spans('status', { kind: 'unknown', reason: 'before-watch' })).toHaveCount(1);
  await expect(tl.guide('now')).toHaveCount(1);
  await expect(tl.guide('limit')).toHaveCount(0); // 72 h away, outside the task's life so far
  await expect(tl.root).toContainText('Volcengine answers for this task until');
});

test('a task stops: the end is drawn, the cause banner explains it and the change is announced', async ({ page }) => {
  test.setTimeout(150_000);
  const tl = new TimelinePanel(page);
  await tl.open(CLASS);
  await expect(tl.causeBanner).toHaveAttribute('data-code', /pushing|reconnecting|connecting/);
  // The class stops about 90 s of wall time after the server started: this test runs second, so
  // that the waits of the others (a reconnect storm can take a minute to be counted) cannot make
  // it open the task after the end.
  await expect(tl.causeBanner).toHaveAttribute('data-code', 'stopByApi', { timeout: 120_000 });
  await expect(tl.causeBanner).toContainText('Stopped by a StopPushStreamToCDN call from your server.');
  await expect(tl.causeBanner).toContainText('What to check next');
  await expect(tl.announcer).toContainText('Status changed: Running → Ended.');
  await expect(tl.guide('end')).toContainText('Ended');
  await expect(tl.guide('now')).toHaveCount(0);
  expect(await tl.laneValues('status')).toContain(2);
  await expect(tl.markers('layout')).not.toHaveCount(0);
});

test('a reconnect shows as its own span, with state, from, to and duration on focus and hover', async ({ page }) => {
  test.setTimeout(150_000);
  const tl = new TimelinePanel(page);
  await tl.open(FLAKY);
  await expect(tl.spans('status', { kind: 'state', value: 2 }).first()).toBeVisible();
  // Storms come every few task-minutes (seconds of wall time); the summary counts what the lanes hold.
  await expect(page.getByTestId('reconnect-summary')).toContainText(/[1-9]\d* reconnects?/, { timeout: 120_000 });

  // Find it with the keyboard: at full view a short reconnect may share a few pixels with its
  // neighbours (a span that names them all); zooming in on it separates them.
  const reconnecting = /CDN push: .*Reconnecting to CDN/;
  expect(await tl.walkTo('push', reconnecting)).toBe(true);
  for (let i = 0; i < 6; i++) await page.keyboard.press('+');
  await expect(tl.root.getByRole('button', { name: 'Show the whole life of the task' })).toBeEnabled();
  expect(await tl.walkTo('push', /^CDN push: ↻ Reconnecting to CDN/)).toBe(true);
  await expect(tl.details.getByTestId('detail-from')).toContainText('UTC');
  await expect(tl.details.getByTestId('detail-to')).toContainText('UTC');
  await expect(tl.details.getByTestId('detail-duration')).toHaveText(/^\d+(m \d+)?s$/);

  // The pointer on the same span says the same.
  await page.getByTestId('timeline-active').hover({ force: true });
  await expect(tl.details).toContainText('CDN push: ↻ Reconnecting to CDN');
  await page.mouse.move(0, 0);

  // 0 fits the whole life again.
  await tl.chart.focus();
  await page.keyboard.press('0');
  await expect(tl.root.getByRole('button', { name: 'Show the whole life of the task' })).toBeDisabled();
});

test('a layout change marker shows the layout before and after it, and what changed', async ({ page }) => {
  test.setTimeout(120_000);
  const tl = new TimelinePanel(page);
  await tl.open(PK);
  const change = tl.markers('layout');
  await expect.poll(() => change.count(), { timeout: 90_000, intervals: [1_000] }).toBeGreaterThan(0);
  // Now the task shows one host.
  await expect(page.getByTestId('region-table').first().locator('tbody tr')).toHaveCount(1);

  await change.first().click({ force: true });
  await expect(tl.markerDetail).toBeVisible();
  await expect(tl.guide('selected')).toHaveCount(1);
  await expect(tl.markerDetail.getByTestId('marker-diff')).toContainText('Layout.CustomLayout.Regions: 2 → 1 items');
  await tl.markerDetail.getByRole('button', { name: 'Before this change' }).click();
  await expect(tl.markerDetail.getByRole('heading', { name: /^Configuration just before the change at / })).toBeVisible();
  await expect(tl.markerRegionRows()).toHaveCount(2);
  await tl.markerDetail.getByRole('button', { name: 'After this change' }).click();
  await expect(tl.markerRegionRows()).toHaveCount(1);
  await tl.markerDetail.getByRole('button', { name: 'Close' }).click();
  await expect(tl.markerDetail).toHaveCount(0);

  // The same with the keyboard: the change row, the marker, Enter.
  await tl.chart.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(tl.markerDetail).toBeVisible();
});

test('the cause banner of a lost task says what to check, in Chinese too', async ({ page }) => {
  const tl = new TimelinePanel(page);
  await tl.open(LOST);
  await expect(tl.causeBanner).toHaveAttribute('data-code', 'unknownStop');
  await expect(tl.causeBanner).toContainText('Stopped for a reason Volcengine does not report.');
  await expect(tl.causeBanner.getByRole('listitem')).toHaveText(['Quote the task IDs and the stop time to Volcengine support.']);
  await page.getByLabel('Language').selectOption('zh');
  await expect(tl.causeBanner).toContainText('因火山引擎未说明的原因停止。');
  await expect(tl.root.getByRole('heading', { name: '生命周期时间线' })).toBeVisible();
});

test('an unwatched task says what is known, and can be watched from its page', async ({ page }) => {
  const tl = new TimelinePanel(page);
  await tl.open(scenario('live-basic'));
  await expect(tl.unwatchedNote).toContainText('This task is not watched');
  await expect(tl.spans('status', { kind: 'unknown', reason: 'not-watched' })).toHaveCount(1);
  await tl.unwatchedNote.getByRole('button', { name: 'Watch this task' }).click();
  await expect(tl.root).toHaveAttribute('data-watched', 'true');
  await expect(tl.unwatchedNote).toHaveCount(0);
  await expect.poll(() => tl.laneValues('status'), { timeout: 20_000 }).toContain(2);
});

test('the history survives a restart of the server', async ({ page, request }) => {
  test.setTimeout(90_000);
  const before = await TimelinePanel.history(request, server.url, PK);
  const flakyBefore = await TimelinePanel.history(request, server.url, FLAKY);
  expect(before.observations.length).toBeGreaterThan(0);
  await server.stop();
  server = await start();

  const after = await TimelinePanel.history(request, server.url, PK);
  expect(after.watched?.key).toBe(before.watched?.key);
  expect(after.observations.slice(0, before.observations.length).map((o) => o.id)).toEqual(before.observations.map((o) => o.id));
  const flakyAfter = await TimelinePanel.history(request, server.url, FLAKY);
  expect(flakyAfter.watched?.reconnects).toBeGreaterThanOrEqual(flakyBefore.watched?.reconnects ?? 0);

  // The ended PK battle's timeline still holds its layout change, drawn from the stored history.
  const tl = new TimelinePanel(page);
  await tl.open(PK);
  await expect(tl.root).toHaveAttribute('data-watched', 'true');
  await expect(tl.markers('layout')).not.toHaveCount(0);
  // At the whole life the change may share a pill with the first configuration seen: a click on
  // the pill zooms into it, and the next one, on the change alone, selects it.
  for (let i = 0; i < 4 && !(await tl.markerDetail.isVisible()); i++) await tl.markers('layout').first().click({ force: true });
  await tl.markerDetail.getByRole('button', { name: 'Before this change' }).click();
  await expect(tl.markerRegionRows()).toHaveCount(2);
});
