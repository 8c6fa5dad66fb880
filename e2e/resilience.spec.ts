import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { FaultSwitch, type TaskIds } from './pages/fault-switch.ts';
import { SIMULATOR_CREDENTIALS } from '../src/simulator/simulator.ts';

// Fault injection in a real Chromium against a server of our own: MIXSCOPE_TOKEN set (access is
// refused without it) and the simulator-only fault switch on. Its own process, because faults and
// the circuit breaker are server-wide and must not touch the specs sharing the main server.
const PORT = Number(process.env.E2E_RES_PORT || 8185);
const TOKEN = 'e2e-resilience-token-5b1d';
const TIMEOUT_MS = 3_500;

let server: ChildServer;
const data = tempDir('mixscope-res-');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await startChild('src/server/main.ts', [], {
    HOST: '127.0.0.1', PORT: String(PORT), MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_DATA_DIR: data.path,
    MIXSCOPE_TOKEN: TOKEN, MIXSCOPE_SIMULATOR_FAULTS: '1', MIXSCOPE_UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
    VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '',
  }, '/healthz', PORT);
});

test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

const task = (roomId: string, taskId: string): TaskIds => ({ appId: 'demo-app', roomId, taskId });
const taskUrl = (t: TaskIds) => `${server.url}/task?appId=${t.appId}&roomId=${t.roomId}&taskId=${t.taskId}`;

/** Signs the browser context in (the cookie), opens a task and waits for its first good view. */
async function openSignedIn(page: Page, t: TaskIds): Promise<FaultSwitch> {
  const res = await page.request.post(`${server.url}/api/session`, { data: { token: TOKEN } });
  expect(res.status()).toBe(204);
  await page.goto(taskUrl(t));
  await expect(page.getByTestId('task-status')).toBeVisible();
  return new FaultSwitch(page.request, server.url);
}

test.beforeEach(({ consoleErrors }) => {
  // Chromium logs every failed fetch; failing is what these tests are about.
  consoleErrors.allow(/Failed to load resource: the server responded with a status of (401|429|50[234])/);
});

test('access is refused without the token, and the right token opens the page', async ({ page }) => {
  const api = await page.request.get(`${server.url}/api/task?appId=demo-app&roomId=room-live&taskId=live-mix`);
  expect(api.status()).toBe(401);
  await page.goto(taskUrl(task('room-live', 'live-mix')));
  await expect(page.getByRole('heading', { name: 'mixscope' })).toBeVisible();
  await expect(page.getByTestId('task-status')).toHaveCount(0);
  await page.getByLabel(/Access token/).fill('not-the-token');
  await page.getByRole('button', { name: /Sign in/ }).click();
  await expect(page.getByRole('alert')).toContainText('That token is not right');
  await page.getByLabel(/Access token/).fill(TOKEN);
  await page.getByRole('button', { name: /Sign in/ }).click();
  await expect(page).toHaveURL(/\/task\?appId=demo-app&roomId=room-live&taskId=live-mix$/);
  await expect(page.getByTestId('task-status')).toHaveText(/Running/);
});

test('a run of 500s: the last good view stays, the banner says what is wrong, then "unreachable since", then it recovers', async ({ page }) => {
  test.setTimeout(60_000);
  const t = task('room-live', 'live-mix');
  const faults = await openSignedIn(page, t);
  await faults.set(t, '500', 60);
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toContainText('temporarily unavailable', { timeout: 15_000 });
  await expect(page.getByTestId('task-status')).toHaveText(/Running/); // the last good view
  await expect(page.getByTestId('push-url')).toBeVisible();
  // After five failed calls in a row the server stops asking and says since when.
  await expect(banner).toContainText(/The embedded simulator unreachable \(\d+ failed calls in a row\)/, { timeout: 15_000 });
  // Since when, in the reader's language and time setting (never a raw timestamp), naming who
  // failed truly, with why the server paused.
  await expect(banner.getByTestId('unreachable-since')).toContainText(/^The embedded simulator unreachable since .*\d\d:\d\d:\d\d/);
  await expect(banner).not.toContainText(/\d{4}-\d\d-\d\dT\d\d:/);
  await expect(banner).not.toContainText('Volcengine');
  await faults.clear();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('task-status')).toHaveText(/Running/);
});

test('no answer in time: the banner names the timeout, and the page recovers', async ({ page }) => {
  test.setTimeout(60_000);
  const t = task('pk-arena-7', 'pk-mix');
  const faults = await openSignedIn(page, t);
  await faults.set(t, 'timeout', 2);
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toContainText(`within ${TIMEOUT_MS} ms`, { timeout: 20_000 });
  await expect(page.getByTestId('task-status')).toBeVisible();
  await expect(banner).toBeHidden({ timeout: 15_000 });
});

test('throttled by Volcengine (429 FlowLimitExceeded): the code and advice are shown, the server slows down, the page recovers', async ({ page }) => {
  test.setTimeout(60_000);
  const t = task('podcast-ep42', 'podcast-mix');
  const faults = await openSignedIn(page, t);
  await faults.set(t, 'throttle', 6);
  const banner = page.getByTestId('stale-banner');
  await expect(banner.getByTestId('error-code')).toHaveText('FlowLimitExceeded', { timeout: 20_000 });
  await expect(banner).toContainText('mixscope slows down');
  const metrics = await faults.metrics();
  expect(metrics).toMatch(/mixscope_throttled_total\{source="upstream"\} [1-9]/);
  expect(Number(/^mixscope_upstream_rate_qps (\S+)$/m.exec(metrics)?.[1])).toBeLessThan(50);
  await expect(banner).toBeHidden({ timeout: 15_000 });
});

test('a truncated JSON answer: the banner says the answer cannot be read, and the page recovers', async ({ page }) => {
  test.setTimeout(60_000);
  const t = task('webinar-q3', 'webinar-mix');
  const faults = await openSignedIn(page, t);
  await faults.set(t, 'malformed', 2);
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toContainText('not JSON', { timeout: 15_000 });
  // It answered: failing, not unreachable, and no raw timestamp.
  await expect(banner.getByTestId('unreachable-since')).toContainText(/^The embedded simulator has answered, but with nothing usable, since .*\d\d:\d\d:\d\d/);
  await expect(banner).not.toContainText('unreachable');
  await expect(banner).not.toContainText(/\d{4}-\d\d-\d\dT\d\d:/);
  await expect(banner).toBeHidden({ timeout: 15_000 });
});

test('slow answers (800 ms, and a scenario at 3 s) are waited for, without a stale banner', async ({ page }) => {
  test.setTimeout(60_000);
  const t = task('class-math-101', 'class-mix');
  const faults = await openSignedIn(page, t);
  await faults.set(t, 'latency=800', 3);
  const started = Date.now();
  const slow = await page.waitForResponse((r) => r.url().includes('/api/task?') && r.url().includes('class-mix'));
  expect(slow.status()).toBe(200);
  await page.waitForResponse((r) => r.url().includes('/api/task?') && r.url().includes('class-mix') && Date.now() - started > 800);
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  // The fault-slow scenario answers after 3 s, inside the server's 3.5 s timeout.
  await page.goto(taskUrl(task('room-faults', 'slow-mix')));
  await expect(page.getByTestId('task-status')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('error-panel')).toHaveCount(0);
});

test('pages run under the CSP without a violation; the bundle and API answers hold no keys', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(taskUrl(task('podcast-ep42', 'podcast-mix')));
  await expect(page.getByRole('heading', { name: 'mixscope' })).toBeVisible(); // the sign-in page first
  await openSignedIn(page, task('podcast-ep42', 'podcast-mix'));
  await expect(page.getByTestId('layout-canvas')).toBeVisible();
  expect(violations).toEqual([]);

  const html = await (await page.request.get(`${server.url}/`)).text();
  const scripts = [...html.matchAll(/src="([^"]+\.js)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script at all
  const texts = [html];
  for (const src of scripts) texts.push(await (await page.request.get(`${server.url}${src}`)).text());
  for (const path of ['/api/config', '/api/task?appId=demo-app&roomId=room-live&taskId=live-mix', '/api/watch', '/readyz']) {
    const res = await page.request.get(`${server.url}${path}`);
    texts.push(JSON.stringify(res.headers()), await res.text());
  }
  for (const text of texts) {
    expect(text).not.toContain(SIMULATOR_CREDENTIALS.secretKey);
    expect(text).not.toContain(SIMULATOR_CREDENTIALS.accessKeyId);
    expect(text).not.toContain(TOKEN);
  }
});

test('SIGTERM: the server drains, stops the watcher, closes the store and exits 0', async () => {
  await server.stop();
  expect(server.process.exitCode).toBe(0);
  const lines = server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg?: string; drained?: boolean; errors?: number });
  expect(lines.find((l) => l.msg === 'mixscope stopped')).toMatchObject({ drained: true, errors: 0 });
  // Nothing secret reached the log of this whole run.
  expect(server.output()).not.toContain(TOKEN);
  expect(server.output()).not.toContain(SIMULATOR_CREDENTIALS.secretKey);
});
