import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { FaultSwitch } from './pages/fault-switch.ts';
import { FailureView, type PageState } from './pages/failure-view.ts';
import { QueryFormPage } from './pages/query-form.ts';

// Failure states as a person sees them: shown as soon as known, kept until an answer replaces
// them, retried only when a retry can help; a link's bad version marked; unknown paths a 404.
// The fault demos run on a server of their own: a dead upstream trips the server-wide circuit
// breaker and throttling slows the server's upstream rate, which must not touch other specs.
const CHILD_PORT = Number(process.env.E2E_FAIL_PORT || Number(process.env.E2E_PORT || 8181) + 3);
const CHILD_TIMEOUT_MS = 1_500;

/** With E2E_SHOTS=1: the page as it is, light, dark and 390 px wide, into the test's output folder. */
async function shots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  if (!process.env.E2E_SHOTS) return;
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath(`${name}-390-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath(`${name}-390-light.png`), fullPage: true });
  await page.setViewportSize(size);
}

/** No "Asking…" once the first failure was shown: the page went from error to error or to the task. */
function afterFirstError(states: PageState[]): PageState[] {
  const first = states.indexOf('error');
  return first < 0 ? [] : states.slice(first);
}

const zh = (page: Page) => page.addInitScript(() => localStorage.setItem('mixscope.language', 'zh'));

test.describe('on the main server', () => {
  test('a Volcengine answer retrying cannot change is shown at once, asked once, and the card stays through Try again', async ({ page, consoleErrors }, testInfo) => {
    consoleErrors.allow(/status of 502/);
    const view = new FailureView(page);
    await view.recordStates();
    await page.clock.install();
    const asked: string[] = [];
    page.on('request', (r) => void (r.url().includes('/api/task?') && asked.push(r.url())));
    await page.goto('/task?appId=demo-app&roomId=room-archive&taskId=old-mix');
    await expect(view.errorPanel.getByTestId('error-code')).toHaveText('InvalidParameter.ErrorActiveTaskNotFound');
    await expect(view.attempt).toHaveText('Attempt 1 failed.');
    await expect(view.next).toHaveText('Not retried: asking again would get the same answer.');
    await shots(page, testInfo, 'definitive-en');
    // A minute of the page's time: no retry, no polling.
    const before = asked.length;
    await page.clock.runFor(60_000);
    expect(asked).toHaveLength(before);
    await expect(view.attempt).toHaveText('Attempt 1 failed.');
    // Asked for, it asks once more; the card stays until the (same) answer replaces it.
    await view.errorPanel.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => asked.length).toBe(before + 1);
    await expect(view.next).toHaveText('Not retried: asking again would get the same answer.');
    expect(afterFirstError(await view.states())).not.toContain('loading');
  });

  test('the definitive error in Chinese', async ({ page, consoleErrors }, testInfo) => {
    consoleErrors.allow(/status of 502/);
    await zh(page);
    const view = new FailureView(page);
    await page.goto('/task?appId=demo-app&roomId=room-archive&taskId=old-mix');
    await expect(view.attempt).toHaveText('第 1 次尝试失败。');
    await expect(view.next).toHaveText('不会自动重试：再次查询也会得到相同的回答。');
    await shots(page, testInfo, 'definitive-zh');
  });

  test('a link with an unknown version marks the version field and names the versions allowed', async ({ page }, testInfo) => {
    await page.goto('/task?appId=demo-app&roomId=room-live&taskId=live-mix&version=2099-01-01');
    await expect(page.getByRole('alert').filter({ hasText: 'Fix 1 field' })).toBeVisible();
    const select = page.getByLabel('API version');
    await expect(select).toHaveAttribute('aria-invalid', 'true');
    // The select shows what the link said, not a version it did not ask for.
    await expect(select.locator('option:checked')).toHaveText('2099-01-01 (not a version)');
    await expect(select).toHaveAccessibleDescription(/API version must be one of 2020-12-01, 2023-06-01, 2023-11-01\./);
    await shots(page, testInfo, 'bad-version-en');
    // Picking a listed version opens the task.
    await new QueryFormPage(page).chooseVersion('2023-06-01');
    await page.getByRole('button', { name: 'Open task' }).click();
    await expect(page).toHaveURL(/version=2023-06-01/);
    await expect(page.getByTestId('task-status')).toBeVisible();
  });

  test('the unknown version in Chinese', async ({ page }, testInfo) => {
    await zh(page);
    await page.goto('/task?appId=demo-app&roomId=room-live&taskId=live-mix&version=2099-01-01');
    const select = page.getByLabel('API 版本');
    await expect(select).toHaveAttribute('aria-invalid', 'true');
    await expect(select).toHaveAccessibleDescription(/API 版本必须是 2020-12-01, 2023-06-01, 2023-11-01 之一。/);
    await shots(page, testInfo, 'bad-version-zh');
  });

  test('an unknown path is a 404 with the app\'s not-found page; pages, assets and the API answer as before', async ({ page, request, consoleErrors }, testInfo) => {
    consoleErrors.allow(/status of 404/);
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toContainText('There is no page at /no-such-page.');
    await shots(page, testInfo, 'not-found-en');
    await page.getByRole('link', { name: 'Open the query form' }).click();
    await expect(page).toHaveURL(/\/#query$/);
    await expect(page.getByRole('button', { name: 'Open task' })).toBeVisible();
    for (const path of ['/', '/task', '/inspect', '/watch', '/tasks']) expect((await request.get(path)).status(), path).toBe(200);
    expect((await request.get('/task/extra')).status()).toBe(404);
    expect((await request.get('/assets/missing-123.js')).status()).toBe(404);
    const api = await request.get('/api/nope');
    expect(api.status()).toBe(404);
    expect(await api.json()).toMatchObject({ error: { kind: 'not-found' } });
    expect((await request.get('/api/config')).status()).toBe(200);
  });

  test('the not-found page in Chinese', async ({ page, consoleErrors }, testInfo) => {
    consoleErrors.allow(/status of 404/);
    await zh(page);
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toContainText('没有 /no-such-page 这个页面。');
    await shots(page, testInfo, 'not-found-zh');
  });
});

test.describe('fault demos, on a server of their own', () => {
  test.describe.configure({ mode: 'serial' });
  let server: ChildServer;
  const data = tempDir('mixscope-fail-');

  test.beforeAll(async () => {
    server = await startChild('src/server/main.ts', [], {
      HOST: '127.0.0.1', PORT: String(CHILD_PORT), MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_DATA_DIR: data.path,
      MIXSCOPE_SIMULATOR_FAULTS: '1', MIXSCOPE_UPSTREAM_TIMEOUT_MS: String(CHILD_TIMEOUT_MS),
      VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
    }, '/healthz', CHILD_PORT);
  });

  test.afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  test.beforeEach(({ consoleErrors }) => {
    consoleErrors.allow(/Failed to load resource: the server responded with a status of (429|50[234])/);
  });

  // First, while the upstream is healthy: the failures below leave the circuit breaker open.
  test('a failed poll keeps the last good view and says at once what failed, which attempt, and when the next try goes', async ({ page }, testInfo) => {
    const view = new FailureView(page);
    const search = 'appId=demo-app&roomId=room-live&taskId=live-mix';
    await page.goto(`${server.url}/task?${search}`);
    await expect(view.status).toHaveText(/Running/);
    // The server retries a 503 itself: three in a row make one failed poll.
    await new FaultSwitch(page.request, server.url).set({ appId: 'demo-app', roomId: 'room-live', taskId: 'live-mix' }, '503', 3);
    await expect(view.staleBanner).toBeVisible({ timeout: 10_000 });
    await expect(view.staleBanner.getByTestId('retry-attempt')).toHaveText('Attempt 1 failed.');
    await expect(view.staleBanner.getByTestId('retry-next')).toHaveText(/^(Next try in [12] s\.|Trying again now…)$/);
    await expect(view.status).toHaveText(/Running/);
    await shots(page, testInfo, 'stale-en');
    await expect(view.staleBanner).toBeHidden({ timeout: 10_000 });
    await expect(view.status).toHaveText(/Running/);
  });

  test('the throttled demo: the error card stays, counting down, between tries', async ({ page }, testInfo) => {
    const view = new FailureView(page);
    await view.recordStates();
    await page.goto(`${server.url}/task?appId=demo-app&roomId=room-faults&taskId=throttled-mix`);
    await expect(view.errorPanel.getByTestId('error-code')).toHaveText('FlowLimitExceeded', { timeout: 10_000 });
    await expect(view.attempt).toHaveText(/^Attempt [12] failed\.$/);
    await expect(view.next).toHaveText(/^(Next try in 1 s\.|Trying again now…)$/);
    await shots(page, testInfo, 'throttled-en');
    await expect(view.attempt).toHaveText('Attempt 3 failed.', { timeout: 15_000 });
    expect(afterFirstError(await view.states())).toEqual(['error']);
  });

  test('the "No answer" demo: the first timeout is shown as soon as it is known, then each next try', async ({ page }, testInfo) => {
    const view = new FailureView(page);
    await view.recordStates();
    await page.goto(`${server.url}/task?appId=demo-app&roomId=room-faults&taskId=timeout-mix`);
    await expect(view.loading).toBeVisible();
    // One server timeout, not a round of client retries, before the card.
    await expect(view.errorPanel).toContainText(`within ${CHILD_TIMEOUT_MS} ms`, { timeout: CHILD_TIMEOUT_MS + 2_000 });
    await expect(view.attempt).toHaveText('Attempt 1 failed.');
    await expect(view.next).toHaveText(/^(Next try in 1 s\.|Trying again now…)$/);
    await shots(page, testInfo, 'no-answer-en');
    await expect(view.attempt).toHaveText('Attempt 2 failed.', { timeout: 10_000 });
    expect(afterFirstError(await view.states())).toEqual(['error']);
  });

  test('the "No answer" demo in Chinese', async ({ page }, testInfo) => {
    await zh(page);
    const view = new FailureView(page);
    await page.goto(`${server.url}/task?appId=demo-app&roomId=room-faults&taskId=timeout-mix`);
    await expect(view.attempt).toHaveText(/^第 \d+ 次尝试失败。$/, { timeout: 10_000 });
    await expect(view.next).toHaveText(/^(\d+ 秒后再试。|正在重试…)$/);
    await shots(page, testInfo, 'no-answer-zh');
  });
});
