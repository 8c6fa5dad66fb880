import { test, expect } from './fixtures/test.ts';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch, type TaskRef } from '../src/shared/task-ref.ts';
import { QueryFormPage } from './pages/query-form.ts';
import { TimelinePanel } from './pages/timeline.ts';
import { WatchListPage } from './pages/watch-list.ts';

// The shared watch list on the run's server (simulator at real speed): empty, filled from the
// query form, a task page and the API, sorted by what needs attention, live, and edited.

function scenario(id: string): TaskRef {
  const s = findDemoScenario(id);
  if (!s) throw new Error(`no demo scenario ${id}`);
  return s.ref;
}
const FAILED = scenario('start-failure'); // Status 4, StartTaskFailed
const IDLE = scenario('idle-timeout'); // ended
const LIVE = scenario('live-basic'); // running

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await WatchListPage.clear(request);
});

test.afterAll(async ({ request }) => {
  await WatchListPage.clear(request);
});

test('an empty list explains what watching does', async ({ page }) => {
  const wl = new WatchListPage(page);
  await wl.open();
  await expect(page.getByRole('heading', { level: 1, name: 'Watch list' })).toBeVisible();
  await expect(wl.empty).toContainText('Nothing is watched yet');
  await expect(wl.empty).toContainText('poll it by itself');
  await wl.empty.getByRole('link', { name: 'Open the query form' }).click();
  await expect(page).toHaveURL(/\/#query$/);
  await expect(page.getByRole('button', { name: 'Open task' })).toBeVisible();
});

test('a task is added from the query form, without leaving it', async ({ page }) => {
  const form = new QueryFormPage(page);
  await page.goto('/');
  await form.fill({ AppId: FAILED.appId, RoomId: FAILED.roomId, TaskId: FAILED.taskId ?? '' });
  await page.getByRole('button', { name: 'Watch', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Watching room-bad-url / failed-mix.' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  // Bad input is stopped by the same checks as "Open task".
  await form.fill({ RoomId: '' });
  await page.getByRole('button', { name: 'Watch', exact: true }).click();
  await expect(page.getByText('RoomId is required.')).toBeVisible();
});

test('a task is added from its page', async ({ page }) => {
  const tl = new TimelinePanel(page);
  await tl.open(IDLE);
  await tl.unwatchedNote.getByRole('button', { name: 'Watch this task' }).click();
  await expect(tl.root.getByTestId('watch-button')).toContainText('Watching');
});

test('the list shows each task live, most urgent first, with counts per state', async ({ page, request }) => {
  await TimelinePanel.watch(request, '', LIVE);
  const wl = new WatchListPage(page);
  await wl.open();
  await expect(wl.rows).toHaveCount(3);
  // The watcher asks each task once, then the list knows their states.
  await expect.poll(() => wl.attentions(), { timeout: 20_000 }).toEqual(['failed', expect.stringMatching(/running|reconnecting|starting/), 'ended']);
  await expect(wl.counts.locator('[data-attention="failed"]')).toHaveText(/Failed\s*1/);
  await expect(wl.counts.locator('[data-attention="ended"]')).toHaveText(/Ended\s*1/);
  const failed = wl.row('room-bad-url / failed-mix');
  await expect(failed.locator('td').first()).toHaveText(/✕\s*Failed/);
  await expect(failed.getByTestId('last-observed')).toContainText(/ago|now/);
  await expect(page.getByTestId('updated-at')).toContainText('Polling every 2 s.');

  await page.getByLabel('Sort by').selectOption('name');
  await expect.poll(() => wl.rows.getByRole('link').allInnerTexts()).toEqual(['room-bad-url / failed-mix', 'room-empty / idle-mix', 'room-live / live-mix']);

  await failed.getByRole('link').click();
  await expect(page).toHaveURL(`/task?${taskRefToSearch(FAILED)}`);
  await expect(page.getByTestId('cause-banner')).toHaveAttribute('data-code', 'startFailed');
});

test('removing a task can be undone', async ({ page }) => {
  const wl = new WatchListPage(page);
  await wl.open();
  await expect(wl.rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Remove room-empty / idle-mix from the watch list' }).click();
  await expect(wl.rows).toHaveCount(2);
  await expect(wl.undo).toContainText('Removed room-empty / idle-mix from the watch list. Its history is kept.');
  await wl.undo.getByRole('button', { name: 'Undo' }).click();
  await expect(wl.rows).toHaveCount(3);
  await expect(wl.undo).toHaveCount(0);
});

test('polling pauses and resumes, and the interval and time reading are remembered', async ({ page }) => {
  await page.clock.install();
  const wl = new WatchListPage(page);
  await wl.open();
  await expect(wl.rows).toHaveCount(3);
  await wl.pause.click();
  await expect(wl.pause).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('updated-at')).toContainText('Paused: not polling.');
  // Nothing is fetched while paused: "Updated" keeps counting from the last answer.
  await page.clock.fastForward(30_000);
  // Thirty seconds skipped, plus the real ones the page took (more under a loaded run).
  await expect(page.getByTestId('updated-at')).toContainText(/Updated 3\d seconds ago/);

  await wl.interval.selectOption('15000');
  await wl.timeMode.selectOption('relative');
  await expect(wl.row('room-live / live-mix').locator('td').nth(3)).toContainText(/ago/);
  await page.reload();
  await expect(wl.pause).toHaveAttribute('aria-pressed', 'true');
  await expect(wl.interval).toHaveValue('15000');
  await expect(wl.timeMode).toHaveValue('relative');

  await wl.pause.click();
  await expect(page.getByTestId('updated-at')).toContainText('Polling every 15 s.');
  // The task page honours the same choices.
  await page.goto(`/task?${taskRefToSearch(LIVE)}`);
  await expect(page.getByTestId('updated-at').first()).toContainText('Polling every 15 s');
  await expect(page.getByTestId('start-time')).toContainText(/ago/);
});
