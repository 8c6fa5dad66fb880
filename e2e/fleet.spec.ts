import { createServer } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { callbackSignature } from '../src/shared/volc-callback-signature.ts';
import { SIMULATOR_CREDENTIALS } from '../src/simulator/simulator.ts';

// The fleet, end to end: a mixscope server in volcengine mode with callbacks on, and the
// standalone simulator sending its tasks' lives as signed callbacks. Nobody types an id.

const SECRET = 'e2e-fleet-callback-secret';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address !== null && typeof address === 'object' ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

let simPort = 0;
let mixscope: ChildServer;
let simulator: ChildServer | undefined;
const data = tempDir('mixscope-fleet-');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  simPort = await freePort();
  const appPort = await freePort();
  mixscope = await startChild('src/server/main.ts', [], {
    HOST: '127.0.0.1', PORT: String(appPort), MIXSCOPE_UPSTREAM: 'volcengine', VOLC_ENDPOINT: `http://127.0.0.1:${simPort}`,
    VOLC_ACCESSKEY: SIMULATOR_CREDENTIALS.accessKeyId, VOLC_SECRETKEY: SIMULATOR_CREDENTIALS.secretKey,
    VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '', MIXSCOPE_DATA_DIR: data.path, MIXSCOPE_CALLBACK_SECRET: SECRET, MIXSCOPE_CALLBACK_WATCH: '1',
  }, '/api/config', appPort);
});

test.afterAll(async () => {
  await simulator?.stop();
  await mixscope?.stop();
  data.remove();
});

test.beforeEach(async ({ page }) => {
  // Polling once a minute: anything that shows up sooner came through the event stream.
  await page.addInitScript(() => localStorage.setItem('mixscope.live', JSON.stringify({ paused: false, intervalMs: 60_000 })));
});

test('tasks appear on an open /tasks page by themselves, pushed through /api/events', async ({ page }, info) => {
  await page.goto(`${mixscope.url}/tasks`);
  await expect(page.getByTestId('fleet-empty')).toBeVisible();
  await expect(page.getByTestId('fleet-empty')).toContainText('MIXSCOPE_CALLBACK_SECRET');
  await page.screenshot({ path: info.outputPath('fleet-empty.png'), fullPage: true });

  simulator = await startChild('src/simulator/simulator-main.ts', [
    '--port', String(simPort), '--speed', '60', '--callback-url', `${mixscope.url}/api/volcengine/callback`, '--callback-secret', SECRET,
  ], {}, '/', simPort);
  // No reload, no typing: the rows arrive on the page as the callbacks are applied.
  await expect(page.getByTestId('fleet-row').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('fleet-live')).toHaveAttribute('data-stream', 'open');
  await expect(page.getByTestId('source').first()).toHaveText('Callback');
  // The watcher's first answers follow the same way: a state other than "not observed yet".
  await expect(page.locator('[data-testid=fleet-row]:not([data-attention=unknown])').first()).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: info.outputPath('fleet-live.png'), fullPage: true });
});

/** Serious or critical axe findings, in words. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('counters and filters narrow the list', async ({ page }, info) => {
  await page.goto(`${mixscope.url}/tasks`);
  await expect(page.getByTestId('fleet-row').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const states = ['failed', 'reconnecting', 'starting', 'unknown', 'running', 'ended'] as const;
  let picked: string | undefined;
  for (const s of states) {
    const text = await page.getByTestId(`counter-${s}`).innerText();
    if (!/\b0$/.test(text.trim())) {
      picked = s;
      break;
    }
  }
  expect(picked).toBeDefined();
  await page.getByTestId(`counter-${picked}`).click();
  await expect(page.getByTestId(`counter-${picked}`)).toHaveAttribute('aria-pressed', 'true');
  const attentions = await page.getByTestId('fleet-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-attention')));
  expect(attentions.length).toBeGreaterThan(0);
  expect(new Set(attentions)).toEqual(new Set([picked]));
  await page.getByTestId('counter-all').click();

  const room = await page.getByTestId('fleet-row').first().getAttribute('data-key').then((k) => k?.split('|')[2] ?? '');
  await page.getByTestId('filter-q').fill(room);
  const keys = await page.getByTestId('fleet-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''));
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(key.toLowerCase()).toContain(room.toLowerCase());
  await page.screenshot({ path: info.outputPath('fleet-filtered.png'), fullPage: true });
  await page.getByTestId('filter-q').fill('no-such-room-anywhere');
  await expect(page.getByText('No task matches these filters.')).toBeVisible();
});

test('300 more tasks stay smooth, and a phone has no sideways scroll, in light and dark', async ({ page }, info) => {
  test.setTimeout(90_000);
  for (let i = 0; i < 300; i++) {
    const base = {
      EventType: 'TranscodeStarted',
      EventData: JSON.stringify({ AppId: 'demo-app', RoomId: `bulk-room-${i % 12}`, TaskId: `bulk-task-${i}` }),
      EventTime: new Date().toISOString(),
      EventId: `e2e-bulk-${Date.now().toString(36)}-${i}`,
      AppId: 'demo-app',
      Version: '2020-12-01',
      Nonce: String(1000 + i),
    };
    const res = await fetch(`${mixscope.url}/api/volcengine/callback`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, Signature: await callbackSignature(base, SECRET) }),
    });
    expect(res.status).toBe(200);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${mixscope.url}/tasks`);
  await expect(page.getByTestId('counter-all')).toContainText(/\b3\d\d$/, { timeout: 20_000 });
  // Virtualised: far fewer rows in the DOM than tasks.
  const inDom = await page.getByTestId('fleet-row').count();
  expect(inDom).toBeGreaterThan(5);
  expect(inDom).toBeLessThan(80);
  await page.screenshot({ path: info.outputPath('fleet-many.png') });

  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  // Between phone and wide screen the rows are compact cards.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByTestId('fleet-row').first()).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath('fleet-1280.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('fleet-row').first().scrollIntoViewIfNeeded();
  await expect(page.getByTestId('fleet-row').first()).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath('fleet-390.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByTestId('fleet-row').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: info.outputPath('fleet-dark.png') });
});
