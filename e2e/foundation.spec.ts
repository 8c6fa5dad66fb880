import { test, expect } from './fixtures/test.ts';
import { QueryFormPage } from './pages/query-form.ts';
import { TaskPage } from './pages/task-page.ts';

const BROKEN = 'appId=demo-app&roomId=support-ticket-4711&taskId=broken-mix';

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

test('the query form opens the deep link and the summary of a running task', async ({ page }) => {
  await page.goto('/');
  const form = new QueryFormPage(page);
  await form.fill({ AppId: 'demo-app', RoomId: 'room-live', TaskId: 'live-mix' });
  await form.submit.click();
  await expect(page).toHaveURL(/\/task\?appId=demo-app&roomId=room-live&taskId=live-mix$/);
  const task = new TaskPage(page);
  await expect(task.status).toHaveText(/Running/);
  await expect(task.status).toHaveAttribute('data-value', '2');
  await expect(task.pushState).toHaveText(/Pushing/);
  await expect(task.stopReason).toHaveText('Still running');
  // The stream key is masked until revealed.
  await expect(page.getByTestId('push-url')).not.toContainText('txSecret=5f');
  await expect(task.regionRows()).toHaveCount(2);
  await expect(task.regionRows().first()).toContainText('host-ava');
});

test('the canvas shows the Background colour and a region exactly where the task puts it', async ({ page, request, canvasPixel, consoleErrors }) => {
  consoleErrors.allow('cdn.example.com/avatars/missing.png'); // the scenario's AlternateImage that never loads, on purpose
  const model = await TaskPage.fetchModel(request, BROKEN);
  const task = new TaskPage(page);
  await task.open(BROKEN);
  await expect(task.regionRows()).toHaveCount(model.layout.regions.length);
  const scale = await task.scale();
  expect(scale).toBeGreaterThan(0);
  const canvas = '[data-testid="layout-canvas"]';
  const { width, height } = { width: model.layout.canvas.width.value, height: model.layout.canvas.height.value };
  const topmostAt = (x: number, y: number) =>
    model.layout.regions.filter((r) => x >= r.rect.x && x < r.rect.x + r.rect.width && y >= r.rect.y && y < r.rect.y + r.rect.height).at(-1);

  // A point no region covers shows the Background colour.
  const free = [[2, 2], [width / 2 + 2, 2], [width - 3, height - 3], [2, height - 3]].find(([x, y]) => !topmostAt(x!, y!));
  expect(free, 'this scenario leaves some canvas uncovered').toBeDefined();
  const bgPixel = await canvasPixel(canvas, free![0]! * scale, free![1]! * scale);
  expect(bgPixel.slice(0, 3)).toEqual(hexToRgb(model.layout.canvas.background.value));

  // An opaque square-cornered region: its colour (the table's swatch) fills it up to its corner,
  // and a few pixels further out something else is drawn.
  const region = model.layout.regions.find((r) => r.alpha.value === 1 && r.cornerRadius.value === 0 && r.rect.width > 40 && r.rect.height > 40
    && r.rect.x + r.rect.width < width && r.rect.y + r.rect.height + 8 / scale < height
    && topmostAt(r.rect.x + r.rect.width - 4 / scale, r.rect.y + r.rect.height - 4 / scale)?.id === r.id);
  expect(region).toBeDefined();
  const swatch = task.regionTable.locator(`tr[data-region-id="${region!.id}"] span[aria-hidden="true"]`).first();
  const swatchRgb = (await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).match(/\d+/g)!.slice(0, 3).map(Number);
  const r = region!.rect;
  const inside = await canvasPixel(canvas, (r.x + r.width) * scale - 4, (r.y + r.height) * scale - 4);
  expect(inside.slice(0, 3)).toEqual(swatchRgb);
  const below = await canvasPixel(canvas, (r.x + r.width) * scale - 4, (r.y + r.height) * scale + 4);
  expect(below.slice(0, 3)).not.toEqual(swatchRgb);
});

test('an upstream error shows its Code and the RequestId to quote', async ({ page, consoleErrors }) => {
  consoleErrors.allow('Failed to load resource'); // the 502 from /api/task is the point of this test
  const task = new TaskPage(page);
  await task.open('appId=demo-app&roomId=no-such-room&taskId=nope');
  await expect(task.errorPanel).toBeVisible();
  await expect(task.errorPanel).toContainText('The embedded simulator answered with an error'); // who answered, truly
  await expect(page.getByTestId('error-code')).toHaveText('InvalidParameter.ErrorActiveTaskNotFound');
  await expect(page.getByTestId('error-request-id')).toHaveText(/^[0-9A-F]{20,}$/i);
  await expect(task.errorPanel).toContainText('No task with these IDs started in the last 72 hours');
});

test('bad input is stopped in the form and nothing is sent', async ({ page }) => {
  const apiCalls: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/task')) apiCalls.push(req.url());
  });
  await page.goto('/');
  const form = new QueryFormPage(page);
  await form.fill({ AppId: 'demo app', RoomId: '', TaskId: '', UserId: '' });
  await form.submit.click();
  await expect(page.getByRole('alert')).toContainText('Fix 3 fields');
  await expect(page.getByText('AppId may only contain letters, digits and _ @ . -')).toBeVisible();
  await expect(page.getByText('RoomId is required.')).toBeVisible();
  await expect(page.getByText('Give a TaskId, a UserId or both.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^AppId/ })).toBeFocused();
  // What was typed is still there to fix.
  await expect(page.getByRole('textbox', { name: /^AppId/ })).toHaveValue('demo app');
  await expect(page).toHaveURL(/\/$/);
  expect(apiCalls).toEqual([]);
});

test('a deep link with a bad field shows what is wrong and keeps the values', async ({ page }) => {
  const apiCalls: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/task')) apiCalls.push(req.url());
  });
  await page.goto('/task?appId=demo-app&roomId=room%2Flive&taskId=live-mix');
  await expect(page.getByText('This link does not name a task correctly')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^RoomId/ })).toHaveValue('room/live');
  expect(apiCalls).toEqual([]);
});
