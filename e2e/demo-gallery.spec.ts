import { test, expect } from './fixtures/test.ts';
import { DEMO_SCENARIOS } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';
import { TaskPage } from './pages/task-page.ts';

// Scenarios whose query answers (not the error and fault ones); those are covered elsewhere.
const answering = DEMO_SCENARIOS.filter((s) => !s.tags.some((t) => t === 'error' || t === 'fault'));

test('the home page on the simulator shows every scenario, marked as demo data', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('upstream-badge')).toContainText('Demo data');
  const gallery = page.getByTestId('demo-gallery');
  await expect(gallery.locator('a[data-scenario]')).toHaveCount(DEMO_SCENARIOS.length);
});

for (const scenario of answering) {
  test(`the gallery opens "${scenario.title}" with its drawing`, async ({ page, request, consoleErrors }) => {
    consoleErrors.allow('cdn.example.com/avatars/missing.png'); // the broken layout's AlternateImage never loads, on purpose
    const search = taskRefToSearch(scenario.ref);
    await page.goto('/');
    await page.locator(`a[data-scenario="${scenario.id}"]`).click();
    await expect(page).toHaveURL(`/task?${search}`);
    const task = new TaskPage(page);
    await expect(task.status).toBeVisible();
    const model = await TaskPage.fetchModel(request, search);
    await expect(task.status).toHaveAttribute('data-value', String(model.status ?? ''));
    await expect(task.canvas).toHaveAttribute('data-canvas-width', String(model.layout.canvas.width.value));
    await expect(task.canvas).toHaveAttribute('data-canvas-height', String(model.layout.canvas.height.value));
    await expect(task.regionRows()).toHaveCount(model.layout.regions.length);
    // Each row shows its region's pixel rectangle, in drawing order.
    for (const [i, region] of model.layout.regions.entries()) {
      const cells = task.regionRows().nth(i).locator('td');
      await expect(cells.nth(3)).toHaveText(String(Number(region.rect.x.toFixed(1))));
      await expect(cells.nth(5)).toHaveText(String(Number(region.rect.width.toFixed(1))));
    }
  });
}
