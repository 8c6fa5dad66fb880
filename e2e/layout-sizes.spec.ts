import { test, expect } from './fixtures/test.ts';

// Comfortable on a 1280 × 720 projector and a 1920 × 1080 screen, usable on a 1366 × 768 laptop:
// no page scrolls sideways, and the header keeps to one line where the width allows.
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const PAGES = [
  { name: 'home', path: '/', ready: 'demo-gallery' },
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
      if (p.ready) await expect(page.getByTestId(p.ready)).toBeVisible();
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

// A task link from an alert: what is drawn first stays where it was drawn while the timeline, the
// warnings and the Konva canvas arrive. Layout Instability API entries summed over the load.
for (const size of [{ width: 1280, height: 800 }, { width: 1440, height: 900 }]) {
  test(`a task link loads without moving its content at ${size.width} × ${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.addInitScript(() => {
      const w = window as unknown as { layoutShifts: { value: number; at: number }[] };
      w.layoutShifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!e.hadRecentInput) w.layoutShifts.push({ value: e.value, at: Math.round(e.startTime) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/task?appId=demo-app&roomId=class-math-101&taskId=class-mix');
    await expect(page.getByTestId('timeline').getByRole('button', { name: 'Watch this task' })).toBeVisible();
    await expect(page.getByTestId('layout-canvas')).toBeVisible();
    await expect(page.getByTestId('region-table').locator('tbody tr')).toHaveCount(8);
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: { value: number; at: number }[] }).layoutShifts);
    const total = shifts.reduce((s, e) => s + e.value, 0);
    // 0.1 is the web's "good" line for a whole visit; a 160 px timeline placeholder made 0.24 here.
    expect(total, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThan(0.05);
  });
}
