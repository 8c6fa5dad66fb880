import { test, expect } from './fixtures/test.ts';
import { startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { expectVisibleFocus, focusIs, tabTo } from './fixtures/keyboard.ts';
import { HIGHLIGHT_LAYER, LayoutInspector } from './pages/layout-inspector.ts';
import { TaskPage } from './pages/task-page.ts';
import docExample from '../src/shared/fixtures/doc-example-2020-12-01.json' with { type: 'json' };

// A person with a keyboard only: Tab, Shift+Tab, Enter, Space, arrows and text, never the mouse
// and never click(). From the home page to a task, along its timeline, through its regions (the
// canvas follows), to the offline inspector with a pasted response, and onto and off the watch
// list; at every stop the focus must be visible. A server of its own, so the watch list it
// edits is nobody else's.
const PORT = Number(process.env.E2E_KBD_PORT || 8195);
const data = tempDir('mixscope-keyboard-');
let server: ChildServer;

test.use({ baseURL: `http://127.0.0.1:${PORT}`, viewport: { width: 1280, height: 800 } });

test.beforeAll(async () => {
  server = await startChild('src/server/main.ts', [], {
    PORT: String(PORT), HOST: '127.0.0.1', MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_DATA_DIR: data.path,
    VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
  }, '/api/config', PORT);
});

test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

const CLASS = 'appId=demo-app&roomId=class-math-101&taskId=class-mix';
const ROWS = '[data-testid="region-table"] tbody tr';

test('query, task, timeline, regions, offline inspector and watch list, by keyboard alone', async ({ page, request, consoleErrors }) => {
  test.setTimeout(150_000);
  consoleErrors.allow('Failed to load resource'); // the inspector example's images point nowhere
  const model = await TaskPage.fetchModel(request, CLASS);
  await page.goto('/');
  await expect(page.getByTestId('home')).toHaveAttribute('data-variant', 'demo');

  // The query form, behind its disclosure on the demo: an empty submit says what is missing and
  // keeps the focus on the first field.
  await tabTo(page, 'summary');
  await page.keyboard.press('Enter');
  await tabTo(page, 'input[name="appId"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Fix 3 fields');
  expect(await focusIs(page, 'input[name="appId"]')).toBe(true);
  await page.keyboard.type('demo-app');
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page);
  await page.keyboard.type('class-math-101');
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page);
  await page.keyboard.type('class-mix');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/task\?.*roomId=class-math-101/);
  await expect(page.locator(ROWS)).toHaveCount(model.layout.regions.length);

  // State in words and glyphs, and changes said out loud.
  await expect(page.getByTestId('task-status')).toHaveText(/^\S+\s*Running$/);
  await expect(page.getByTestId('status-announcer')).toHaveAttribute('aria-live', 'polite');

  // The timeline: focus it, walk its spans with the arrows, zoom with + and fit with 0.
  await tabTo(page, '[data-testid="timeline-chart"]');
  const details = page.getByTestId('timeline-details');
  await page.keyboard.press('Home');
  await expect(details).toContainText(/^Status: /);
  await page.keyboard.press('ArrowDown');
  await expect(details).toContainText(/^CDN push: /);
  await page.keyboard.press('ArrowRight');
  await expect(details.getByTestId('detail-from')).toBeVisible();
  await page.keyboard.press('+');
  await expect(page.getByRole('button', { name: 'Show the whole life of the task' })).toBeEnabled();
  await page.keyboard.press('0');
  await expect(page.getByRole('button', { name: 'Show the whole life of the task' })).toBeDisabled();

  // Regions through the table: Enter selects a row, the detail and the canvas follow.
  const inspector = new LayoutInspector(page);
  const highlightAt = async (id: string) => {
    const r = model.layout.regions.find((x) => x.id === id)!.rect;
    // A quarter down its left edge: the picked region's alignment guides run along the tops and middles it shares.
    return (await inspector.pixelAt(r.x, r.y + r.height / 4, HIGHLIGHT_LAYER))[3];
  };
  await tabTo(page, ROWS);
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-region-id') ?? '');
  await page.keyboard.press('Enter');
  await expect(page.locator(`${ROWS}[data-region-id="${first}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('region-detail')).toHaveAttribute('data-region-id', first);
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page);
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-region-id') ?? '');
  expect(second).not.toBe(first);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('region-detail')).toHaveAttribute('data-region-id', second);
  await page.keyboard.press('Tab'); // off the table: no hover left, only the selection
  await expect.poll(() => highlightAt(second)).toBeGreaterThan(0);
  await expect.poll(() => highlightAt(first)).toBe(0);

  // The offline inspector, from the main navigation; the JSON goes in as typed text.
  await tabTo(page, 'header nav a[href="/inspect"]', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Offline inspector' })).toBeVisible();
  await tabTo(page, '#inspect-text');
  await page.keyboard.insertText(JSON.stringify(docExample, null, 2));
  await expect(page.getByTestId('inspect-kind')).toHaveText('GetPushMixedStreamToCDNTask response');
  await tabTo(page, ROWS);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('region-detail')).toBeVisible();

  // The watch list: empty, then a task added from the form with Space, then removed and back.
  await tabTo(page, 'header nav a[href="/watch"]', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('watch-empty')).toBeVisible();
  await tabTo(page, '[data-testid="watch-empty"] a');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('home')).toBeVisible();
  await expect(page.locator('input[name="roomId"]')).toHaveValue('class-math-101'); // the last query, remembered
  await tabTo(page, 'form button[type="button"]', { text: /Watch/ });
  await page.keyboard.press(' ');
  const said = page.locator('form [role="status"]');
  await expect(said).toContainText('Watching class-math-101 / class-mix.');
  await tabTo(page, 'form [role="status"] a');
  await page.keyboard.press('Enter');
  const rows = page.getByTestId('watch-row');
  await expect(rows).toHaveCount(1);
  await tabTo(page, '[data-testid="watch-row"] button', { text: /Remove/ });
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(0);
  const undo = page.getByTestId('watch-undo');
  await expect(undo).toContainText('Removed class-math-101 / class-mix from the watch list.');
  await expect(undo.locator('xpath=..')).toHaveAttribute('role', 'status');
  await tabTo(page, '[data-testid="watch-undo"] button', { back: true });
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(1);
  await tabTo(page, '[data-testid="watch-row"] button', { text: /Remove/ });
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(0);
});

test('the focus stays on Refresh while the page polls behind it', async ({ page }) => {
  await page.goto(`/task?${CLASS}`);
  await expect(page.getByTestId('task-status')).toBeVisible();
  await tabTo(page, 'header button', { text: /Refresh/ });
  // Two polls of the task come and go (every 2 s) with the focus where the person left it.
  for (let i = 0; i < 2; i++) {
    await page.waitForResponse((r) => new URL(r.url()).pathname === '/api/task');
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Refresh') === true && document.activeElement.getAttribute('aria-disabled') === 'false');
  }
  expect(await focusIs(page, 'header button', /Refresh/)).toBe(true);
  await expectVisibleFocus(page);
});
