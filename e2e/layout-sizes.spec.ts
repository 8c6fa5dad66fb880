import { test, expect } from './fixtures/test.ts';

// Comfortable on a 1280 × 720 projector and a 1920 × 1080 screen, usable on a 1366 × 768 laptop:
// no page scrolls sideways, and the header keeps to one line where the width allows.
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const PAGES = [
  { name: 'home', path: '/', ready: 'query-form' },
  { name: 'task page', path: '/task?appId=demo-app&roomId=class-math-101&taskId=class-mix', ready: 'region-table' },
  { name: 'broken layout', path: '/task?appId=demo-app&roomId=support-ticket-4711&taskId=broken-mix', ready: 'warning-list' },
  { name: 'webinar (pixels)', path: '/task?appId=demo-app&roomId=webinar-q3&taskId=webinar-mix&version=2023-06-01', ready: 'region-table' },
  { name: 'offline inspector', path: '/inspect', ready: null },
  { name: 'watch list', path: '/watch', ready: null },
] as const;

for (const size of SIZES) {
  test(`every page fits ${size.width} × ${size.height} without scrolling sideways`, async ({ page, consoleErrors }) => {
    consoleErrors.allow('Failed to load resource'); // the broken layout's avatar
    await page.setViewportSize(size);
    for (const p of PAGES) {
      await page.goto(p.path);
      if (p.ready === 'query-form') await expect(page.getByRole('button', { name: 'Open task' })).toBeVisible();
      else if (p.ready) await expect(page.getByTestId(p.ready)).toBeVisible();
      else await expect(page.locator('main h1').first()).toBeVisible();
      if (p.path === '/inspect') {
        await page.getByRole('button', { name: 'Load an example' }).click();
        await expect(page.getByTestId('region-table')).toBeVisible();
      }
      const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect({ page: p.name, ...fit, fits: fit.scroll <= fit.client }).toEqual({ page: p.name, ...fit, fits: true });
      const header = await page.locator('body > #root header').first().boundingBox();
      expect({ page: p.name, oneLine: (header?.height ?? 0) < 64 }).toEqual({ page: p.name, oneLine: true });
    }
  });
}
