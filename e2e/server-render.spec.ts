import { test, expect } from './fixtures/test.ts';

// A /task link's HTML carries the page, the layout drawn as SVG, before any script has run;
// the browser's own render then replaces it, in the same place.
const LINK = '/task?appId=demo-app&roomId=class-math-101&taskId=class-mix';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a task link shows the task and its layout, one shape per region', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(LINK);
    const server = page.locator('[data-server-page]');
    await expect(server.getByRole('heading', { name: 'Task', exact: true })).toBeVisible();
    await expect(server.getByText('class-math-101')).toBeVisible();
    const picture = server.locator('svg[data-server-picture]');
    await expect(picture).toBeVisible();
    // The background and the online class's eight regions.
    await expect(picture.locator(':scope > rect')).toHaveCount(1 + 8);
    const box = await picture.boundingBox();
    expect(box && box.width > 600 && Math.abs(box.height - (box.width * 720) / 1280) < 2).toBe(true);
    await picture.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/server-render-light.png' });
  });

  test('in a dark system theme it is painted dark before any script has set the theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(LINK);
    await expect(page.locator('svg[data-server-picture]')).toBeVisible();
    const background = await page.locator('[data-server-page] > div').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    // slate-950, not slate-50.
    expect(background).not.toMatch(/rgb\(248, 250, 252\)|oklch\(0\.98/);
    await page.screenshot({ path: 'test-results/server-render-dark.png' });
  });
});

test('the browser\'s render replaces the server\'s page; the picture was marked once, first', async ({ page }) => {
  await page.goto(LINK);
  await expect(page.getByTestId('layout-canvas')).toBeVisible();
  await expect(page.locator('[data-server-page]')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Task', exact: true })).toHaveCount(1);
  const marks = await page.evaluate(() => ['layout-drawn', 'layout-interactive'].map((n) => performance.getEntriesByName(n, 'mark').map((m) => m.startTime)));
  const [drawn = [], interactive = []] = marks;
  expect(drawn).toHaveLength(1);
  expect(interactive).toHaveLength(1);
  expect(drawn[0]).toBeLessThan(interactive[0] ?? 0);
});

test('a language chosen in the page is the language of the next page the server renders', async ({ page }) => {
  await page.goto(LINK);
  await expect(page.getByTestId('layout-canvas')).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  const res = await page.request.get(LINK);
  const html = await res.text();
  expect(html).toContain('<html lang="zh-CN"');
  expect(html).toContain('data-server-picture');
});

test.describe('in Shanghai', () => {
  test.use({ timezoneId: 'Asia/Shanghai' });

  test('the next page the server renders writes local times in the browser\'s time zone', async ({ page, context }) => {
    await page.goto(LINK);
    await expect(page.getByTestId('start-time')).toContainText('GMT+8');
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === 'mixscope.timeZone')?.value).toBe('Asia%2FShanghai');
    const html = await (await page.request.get(LINK)).text();
    expect(/data-testid="start-time">([^<]*)</.exec(html)?.[1]).toContain('GMT+8');
  });
});
