import { test, expect } from './fixtures/test.ts';

// One time setting, local, UTC or relative, remembered and honoured on every screen that shows
// times: the task summary, the timeline, the offline inspector and the watch list. The browser
// runs in Shanghai so that local time and UTC read differently.
test.use({ timezoneId: 'Asia/Shanghai' });

const CLASS = '/task?appId=demo-app&roomId=class-math-101&taskId=class-mix';

test('local, UTC or relative: chosen once, honoured on the task page, the inspector and the watch list', async ({ page, consoleErrors }) => {
  consoleErrors.allow('Failed to load resource'); // the inspector example's images point nowhere
  await page.goto(CLASS);
  const start = page.getByTestId('start-time');
  await expect(start).toContainText('GMT+8');
  const picker = page.getByTestId('time-mode');
  await picker.selectOption('utc');
  await expect(start).toContainText('UTC');
  await expect(page.getByTestId('timeline')).toContainText(/until .*UTC/);
  await page.getByTestId('timeline-chart').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('detail-from')).toContainText('UTC');

  await picker.selectOption('relative');
  await expect(start).toHaveText(/ago$/);
  await expect(page.getByTestId('detail-from')).toContainText(/after the start|ago/);

  // The inspector reads the same setting, and changes it for everyone.
  await page.goto('/inspect');
  await page.getByRole('button', { name: 'Load an example' }).click();
  await expect(page.getByTestId('start-time')).toHaveText(/ago$/);
  await expect(page.getByTestId('time-mode')).toHaveValue('relative');
  await page.getByTestId('time-mode').selectOption('local');
  await expect(page.getByTestId('start-time')).toContainText('GMT+8');

  await page.goto('/watch');
  await expect(page.getByTestId('time-mode')).toHaveValue('local');
  await page.goto(CLASS);
  await expect(page.getByTestId('start-time')).toContainText('GMT+8');
});
