import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { tabTo } from './fixtures/keyboard.ts';

// The presentation view of the task page: the canvas and the timeline full screen for a demo or
// a wall. Through the Fullscreen API when the browser grants it, else as a full-viewport layer;
// Esc leaves both, and the keyboard comes back to the Present button.
const CLASS = '/task?appId=demo-app&roomId=class-math-101&taskId=class-mix';

test.use({ viewport: { width: 1920, height: 1080 } });

async function openByKeyboard(page: Page) {
  await page.goto(CLASS);
  await expect(page.getByTestId('region-table').locator('tbody tr')).not.toHaveCount(0);
  await tabTo(page, '[data-testid="present-button"]');
  await page.keyboard.press('Enter');
  const view = page.getByTestId('present-view');
  await expect(view).toBeVisible();
  return view;
}

test('Present shows the canvas large, with large labels, and the timeline; Esc leaves', async ({ page }) => {
  const view = await openByKeyboard(page);
  await expect(view).toHaveAttribute('data-mode', 'fullscreen');
  expect(await page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid'))).toBe('present-view');
  await expect(view.getByTestId('present-status')).toHaveText(/Running/);
  await expect(view.getByTestId('present-cause')).toContainText('Running and pushing to the CDN.');
  await expect(view.getByTestId('present-canvas')).toHaveAttribute('data-label-px', '18');
  const canvas = await view.getByTestId('layout-canvas').boundingBox();
  expect(canvas?.width).toBeGreaterThan(850);
  expect(canvas?.height).toBeGreaterThan(450);
  await expect(view.getByTestId('timeline-chart')).toBeVisible();
  // The page behind cannot take the focus while presenting.
  await expect(page.locator('#root')).toHaveAttribute('inert', '');

  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  await expect(page.locator('#root')).not.toHaveAttribute('inert', '');
  await expect(page.getByTestId('present-button')).toBeFocused();
});

test('where full screen is refused, the view fills the window instead, and Esc still leaves', async ({ page }) => {
  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Fullscreen not allowed here'));
  });
  const view = await openByKeyboard(page);
  await expect(view).toHaveAttribute('data-mode', 'viewport');
  expect(await view.boundingBox()).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  // Esc with the canvas focused leaves the view too (the canvas uses Esc to clear a selection).
  await view.getByTestId('layout-canvas').focus();
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
});

test('at 1280 × 720 the canvas and the timeline sit side by side', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const view = await openByKeyboard(page);
  const canvas = await view.getByTestId('layout-canvas').boundingBox();
  const chart = await view.getByTestId('timeline-chart').boundingBox();
  expect(canvas && chart && chart.x > canvas.x + canvas.width - 1).toBe(true);
  expect(canvas!.height).toBeGreaterThan(300);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the presentation view has no serious accessibility violation (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openByKeyboard(page);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);
  });
}
