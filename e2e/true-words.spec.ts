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
