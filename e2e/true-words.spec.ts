import { test, expect } from './fixtures/test.ts';

// Every word on the page agrees with the facts beside it.

test('an ended task says it is not polling, in its header and its timeline alike', async ({ page }) => {
  await page.goto('/task?appId=demo-app&roomId=room-ended&taskId=ended-mix');
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('updated-at')).toContainText('Not polling: the task has ended.');
  await expect(page.getByText(/Polling every/)).toHaveCount(0);
});

test('a running task says how often it polls', async ({ page }) => {
  await page.goto('/task?appId=demo-app&roomId=room-live&taskId=live-mix');
  await expect(page.getByTestId('timeline').getByTestId('updated-at')).toContainText(/Polling every \d+ s\./);
});

test('a failed start says no push state ever came, not that it is not available yet', async ({ page }) => {
  await page.goto('/task?appId=demo-app&roomId=room-bad-url&taskId=failed-mix');
  await expect(page.getByTestId('task-status')).toBeVisible();
  await expect(page.getByTestId('push-state')).toHaveText(/Never reported/);
  // Nor with the glyph of a state still to come.
  await expect(page.getByTestId('push-state')).not.toContainText('…');
  await expect(page.getByText('State not available yet')).toHaveCount(0);
  // A badge never wraps: the words must fit the summary's column at phone width too.
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = await page.getByTestId('push-state').evaluate((badge) => (badge.parentElement?.getBoundingClientRect().right ?? 0) >= badge.getBoundingClientRect().right - 1);
  expect(fits).toBe(true);
});

test('the fleet says a failed start\'s push state the way its task page does', async ({ page }) => {
  const ref = { appId: 'demo-app', roomId: 'room-bad-url', taskId: 'failed-mix' };
  const watched = await page.request.post('/api/watch', { data: ref });
  expect(watched.ok()).toBe(true);
  try {
    await page.goto('/tasks');
    await page.getByTestId('filter-q').fill('failed-mix');
    const row = page.locator('[data-testid=fleet-row][data-key$="|failed-mix|"]');
    // The watcher's first answer reaches the row through the event stream.
    await expect(row.getByTestId('push-state')).toHaveText(/Never reported/, { timeout: 15_000 });
    await expect(row.getByText('State not available yet')).toHaveCount(0);
  } finally {
    await page.request.delete(`/api/watch?appId=${ref.appId}&roomId=${ref.roomId}&taskId=${ref.taskId}`);
  }
});

for (const width of [1280, 1440, 390]) {
  test(`a long stop reason stays inside its own column at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/task?appId=demo-app&roomId=room-lost&taskId=lost-mix');
    const reason = page.getByTestId('stop-reason');
    await expect(reason).toHaveText('UnknownStopReason', { timeout: 15_000 });
    const fits = await reason.evaluate((dd) => dd.scrollWidth <= dd.clientWidth + 1);
    expect(fits).toBe(true);
  });
}
