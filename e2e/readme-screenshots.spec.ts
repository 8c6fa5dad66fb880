import { test, expect } from './fixtures/test.ts';
import { TaskPage } from './pages/task-page.ts';

// The README's screenshots come from this spec, not from hand: `UPDATE_SCREENSHOTS=1 npm run
// test:e2e -- e2e/readme-screenshots.spec.ts` writes them to docs/screenshots; a normal run
// writes them under test-results only, so the gate never dirties the work tree.
const target = (name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}.png` : test.info().outputPath(`${name}.png`));

test.use({ viewport: { width: 1440, height: 900 } });

test('README: the task page of the online class', async ({ page }) => {
  const task = new TaskPage(page);
  await task.open('appId=demo-app&roomId=class-math-101&taskId=class-mix');
  await expect(task.regionRows()).not.toHaveCount(0);
  await expect(task.status).toHaveText(/Running/);
  await page.screenshot({ path: target('task-page'), fullPage: false });
});

test('README: the broken layout with its warnings, dark', async ({ page, consoleErrors }) => {
  consoleErrors.allow('cdn.example.com/avatars/missing.png'); // the scenario's avatar is meant not to load
  await page.emulateMedia({ colorScheme: 'dark' });
  const task = new TaskPage(page);
  await task.open('appId=demo-app&roomId=support-ticket-4711&taskId=broken-mix');
  await expect(page.getByTestId('warning-list')).toBeVisible();
  await page.screenshot({ path: target('broken-layout-dark'), fullPage: false });
});

test('README: the home page with the demo gallery, in Chinese', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('demo-gallery')).toBeVisible();
  await expect(page.getByRole('button', { name: '打开任务' })).toBeVisible();
  await page.screenshot({ path: target('home-zh'), fullPage: false });
  await context.close();
});
