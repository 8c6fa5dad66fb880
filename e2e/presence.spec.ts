import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { freePort, startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { TaskEventsResponseSchema } from '../src/shared/task-events-api.ts';

// A server of its own with the embedded simulator 60 times faster than real time: its task lives
// reach the server as Volcengine's callbacks would (signed envelopes, stored, then applied), and
// the pages show them. The webinar's panelist loses her connection 30 task-minutes (30 s) after
// the start and the webinar stops 40 s later; lily's client task lost fan-joe before the start.
const data = tempDir('mixscope-presence-');
let server: ChildServer;

/** No serious or critical axe violation (WCAG 2.2 A and AA) in what this feature draws. */
async function accessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[data-testid="reported-facts"]').include('[data-testid="empty-regions"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

const CLIENT = 'appId=demo-app&roomId=room-client&taskId=lily%40%40cam-mix';
const WEBINAR = 'appId=demo-app&roomId=webinar-q3&taskId=webinar-mix&version=2023-06-01';

test.beforeAll(async () => {
  const port = await freePort();
  server = await startChild('src/server/main.ts', [], {
    PORT: String(port), HOST: '127.0.0.1', MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_SIMULATOR_SPEED: '60',
    MIXSCOPE_DATA_DIR: data.path, VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
  }, '/api/config', port);
});
test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

test('a region whose user lost the connection is explained, and Volcengine\'s events are on the timeline', async ({ page }, info) => {
  await page.goto(`${server.url}/task?${CLIENT}`);
  const empty = page.getByTestId('empty-regions').locator('li[data-user="fan-joe"]');
  await expect(empty).toContainText(/The region of fan-joe is empty: fan-joe left the room at .+ \(connection lost\)\./);
  await expect(empty).toHaveAttribute('data-reason', 'connectionLost');
  // lily is still in the room: her region is not called empty.
  await expect(page.getByTestId('empty-regions').locator('li[data-user="lily"]')).toHaveCount(0);

  const reported = page.getByTestId('reported-facts');
  await expect(reported).toContainText('Reported by Volcengine');
  await expect(reported.getByTestId('reported-events').locator('li[data-event-type="TranscodeStarted"]')).toContainText('reported by Volcengine at');
  await expect(reported.getByTestId('reported-event')).not.toHaveCount(0);
  await expect(reported.locator('[data-testid="presence-span"][data-user="fan-joe"][data-reason="connectionLost"]')).toHaveCount(1);
  await expect(reported.getByTestId('room-presence').locator('li[data-user="fan-joe"]')).toContainText('connection lost');
  // Both speak of the same moment: the leave the timeline draws is the one the layout explains.
  const left = await reported.locator('[data-testid="presence-span"][data-user="fan-joe"]').getAttribute('data-left');
  const answer = TaskEventsResponseSchema.parse(await (await page.request.get(`${server.url}/api/task/events?${CLIENT}`)).json());
  expect(Number(left)).toBe(answer.presence.find((u) => u.userId === 'fan-joe')?.spans.at(-1)?.leftAt);

  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('layout-section').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('presence-light.png'), fullPage: true });
  await accessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: info.outputPath('presence-dark.png'), fullPage: true });
  await accessible(page);

  // Phone width: the facts, the spans and the explanation wrap inside the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(empty).toBeVisible();
  for (const part of [reported, page.getByTestId('empty-regions')]) {
    const widest = await part.evaluate((root) => Math.max(...[root, ...root.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(390);
  }
  await reported.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('presence-390-dark.png') });
});

test('the panelist\'s window is explained once she drops out, and the stop Volcengine reports shows on the timeline', async ({ page }, info) => {
  test.setTimeout(150_000);
  await page.addInitScript(() => localStorage.setItem('mixscope.language', 'zh'));
  const events = async () => TaskEventsResponseSchema.parse(await (await page.request.get(`${server.url}/api/task/events?${WEBINAR}`)).json());
  await page.goto(`${server.url}/task?${WEBINAR}`);
  const sue = page.getByTestId('empty-regions').locator('li[data-user="panel-sue"]');
  const before = (await events()).presence.find((u) => u.userId === 'panel-sue')?.spans.at(-1);
  if (before?.leftAt === null) await expect(sue).toHaveCount(0);
  // Half a minute after the server started: the leave reaches the open page without a reload.
  await expect(sue).toContainText('panel-sue 的区域是空的：panel-sue 于', { timeout: 60_000 });
  await expect(sue).toContainText('（连接断开）');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: info.outputPath('presence-zh-dark.png'), fullPage: true });

  // The webinar stops 90 task-minutes in (about 70 s after the start): Volcengine's stop is listed.
  const stopped = page.getByTestId('reported-events').locator('li[data-event-type="TranscodeStopped"]');
  await expect(stopped).toHaveCount(1, { timeout: 90_000 });
  await expect(page.getByTestId('reported-event').and(page.locator('[data-event-type="TranscodeStopped"]'))).toHaveCount(1);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: info.outputPath('presence-zh-stopped-light.png'), fullPage: true });
});
