import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { freePort, startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { callbackSignature } from '../src/shared/volc-callback-signature.ts';
import { SIMULATOR_CREDENTIALS } from '../src/simulator/simulator.ts';

// The fleet, end to end: a mixscope server in volcengine mode with callbacks on, and the
// standalone simulator sending its tasks' lives as signed callbacks. Nobody types an id.

const SECRET = 'e2e-fleet-callback-secret';

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
    // Its demo images come from this mixscope server, which serves them: nothing on the page fails to load.
    '--port', String(simPort), '--assets', mixscope.url, '--speed', '60', '--callback-url', `${mixscope.url}/api/volcengine/callback`, '--callback-secret', SECRET,
  ], {}, '/', simPort);
  // No reload, no typing: the rows arrive on the page as the callbacks are applied.
  await expect(page.getByTestId('fleet-row').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('fleet-live')).toHaveAttribute('data-stream', 'open');
  await expect(page.getByTestId('source').first()).toHaveText('Callback');
  // The watcher's first answers follow the same way: a state other than "not observed yet".
  await expect(page.locator('[data-testid=fleet-row]:not([data-attention=unknown])').first()).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: info.outputPath('fleet-live.png'), fullPage: true });
});

test('a stop Volcengine reports reaches an open task page in under a second', async ({ page }, info) => {
  type Listed = { tasks: { key: string; ref: { roomId: string; taskId?: string } }[] };
  let running: Listed['tasks'][number] | undefined;
  // Running once a poll (or a callback's state) says so: wait for one rather than catch the list early.
  await expect.poll(async () => {
    const list = await (await fetch(`${mixscope.url}/api/tasks?state=running`)).json() as Listed;
    running = list.tasks.find((t) => t.ref.taskId !== undefined);
    return running !== undefined;
  }, { message: 'a running task of the simulator', timeout: 15_000 }).toBe(true);
  const ids = { roomId: running?.ref.roomId ?? '', taskId: running?.ref.taskId ?? '' };
  await page.goto(`${mixscope.url}/task?appId=demo-app&roomId=${ids.roomId}&taskId=${ids.taskId}`);
  await expect(page.getByTestId('task-status')).toBeVisible();
  await expect(page.getByTestId('task-updated-at')).toHaveAttribute('data-stream', 'open');
  await expect(page.getByTestId('reported-stop')).toHaveCount(0);
  // The page notes when the stop first shows; the clock is the machine's, shared with this process.
  await page.evaluate(() => {
    const w = window as unknown as { stopShownAt?: Promise<number> };
    w.stopShownAt = new Promise<number>((resolve) => {
      const look = () => {
        if (document.querySelector('[data-testid=reported-stop]') !== null) resolve(Date.now());
      };
      new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
    });
  });
  // The simulator runs 60 times faster, so its own callbacks carry its task clock's times, ahead
  // of this machine's. A stop older than an event already applied is rightly not shown: this one
  // is stamped ten task minutes after every event stored for the task, past whatever the
  // simulator sends in the next few seconds.
  const stored = await (await fetch(`${mixscope.url}/api/callback-events?appId=demo-app&roomId=${ids.roomId}&taskId=${ids.taskId}`)).json() as { events: { eventTime: number }[] };
  const eventTime = Math.max(Date.now(), ...stored.events.map((e) => e.eventTime)) + 10 * 60_000;
  const postedAt = Date.now();
  const res = await postCallback('TranscodeStopped', ids, { eventTime });
  expect(res.status).toBe(200);
  const shownAt = await page.evaluate(() => (window as unknown as { stopShownAt: Promise<number> }).stopShownAt);
  const ms = shownAt - postedAt;
  console.log(`stop callback posted to stop shown on the task page: ${ms} ms`);
  expect(ms).toBeLessThan(1_000);
  await expect(page.getByTestId('reported-stop')).toContainText('Volcengine reported this task stopped');
  await page.screenshot({ path: info.outputPath('task-reported-stop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByTestId('reported-stop')).toBeVisible();
  await page.screenshot({ path: info.outputPath('task-reported-stop-390-dark.png'), fullPage: true });
});

test('a forged callback is refused and shows nowhere', async ({ page }) => {
  await page.goto(`${mixscope.url}/tasks`);
  await expect(page.getByTestId('fleet-live')).toHaveAttribute('data-stream', 'open');
  const forged = await postCallback('TranscodeStarted', { roomId: 'forged-room', taskId: 'forged-task' }, { secret: 'not-the-secret' });
  expect(forged.status).toBe(401);
  expect(await forged.text()).toContain('Signature does not match');
  // A genuine callback after it: once its row is on the page, the forged one had every chance to be.
  const genuine = await postCallback('TranscodeStarted', { roomId: 'forged-room', taskId: 'genuine-after-forged' });
  expect(genuine.status).toBe(200);
  await page.getByTestId('filter-q').fill('forged-room');
  await expect(page.locator('[data-testid=fleet-row][data-key$="|genuine-after-forged|"]')).toBeVisible();
  await expect(page.locator('[data-testid=fleet-row][data-key$="|forged-task|"]')).toHaveCount(0);
  const all = await (await fetch(`${mixscope.url}/api/tasks?q=forged-task`)).json() as { tasks: unknown[] };
  expect(all.tasks).toHaveLength(0);
});

/** A callback as Volcengine sends it, signed with `secret` (the wrong one for a forgery). */
async function postCallback(eventType: string, ids: { roomId: string; taskId: string }, options: { secret?: string; eventId?: string; eventTime?: number } = {}): Promise<Response> {
  const base = {
    EventType: eventType,
    EventData: JSON.stringify({ AppId: 'demo-app', RoomId: ids.roomId, TaskId: ids.taskId }),
    EventTime: new Date(options.eventTime ?? Date.now()).toISOString(),
    EventId: options.eventId ?? `e2e-${eventType}-${ids.taskId}-${Date.now().toString(36)}`,
    AppId: 'demo-app',
    Version: '2020-12-01',
    Nonce: String(Math.floor(Math.random() * 9000) + 1000),
  };
  return fetch(`${mixscope.url}/api/volcengine/callback`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, Signature: await callbackSignature(base, options.secret ?? SECRET) }),
  });
}

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

  const room = await page.getByTestId('fleet-row').first().getAttribute('data-key').then((k) => k?.split('|')[1] ?? '');
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
  await page.screenshot({ path: info.outputPath('fleet-390-dark.png') });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByTestId('fleet-row').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: info.outputPath('fleet-dark.png') });
});
