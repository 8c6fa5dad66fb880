import { test, expect } from './fixtures/test.ts';
import { startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';

// With the simulator 60 times faster than real time, task time runs ahead of this browser's
// clock by a minute every second. "Running for" must be measured against the server's clock (task
// time, sent with each answer as `now`), as the timeline is; the browser's clock never mixes in.
const data = tempDir('mixscope-clock-');
let server: ChildServer;
const PORT = Number(process.env.E2E_CLOCK_PORT || 8183);
const LIVE = '/task?appId=demo-app&roomId=room-live&taskId=live-mix';

test.beforeAll(async () => {
  server = await startChild('src/server/main.ts', [], {
    PORT: String(PORT), HOST: '127.0.0.1', MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_SIMULATOR_SPEED: '60',
    MIXSCOPE_DATA_DIR: data.path, VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
  }, '/api/config', PORT);
});
test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

/** "1h 5m", "41m 3s", "12s" (en, narrow units) in minutes. */
function minutesOf(text: string): number {
  const h = /(\d+)\s*h/.exec(text)?.[1];
  const m = /(\d+)\s*m(?!s)/.exec(text)?.[1];
  return Number(h ?? 0) * 60 + Number(m ?? 0);
}

test('"Running for" follows the server\'s task clock, not the browser\'s', async ({ page, request }) => {
  test.slow();
  const api = async () => (await (await request.get(`${server.url}/api/task${LIVE.slice('/task'.length)}`)).json()) as { now: number; task: { StartTime: number } };
  // Wait until task time is well ahead of the wall clock, so the two clocks disagree visibly.
  await expect.poll(async () => (await api()).now - Date.now(), { timeout: 30_000 }).toBeGreaterThan(8 * 60_000);
  await page.goto(`${server.url}${LIVE}`);
  const shown = page.getByTestId('duration');
  await expect(shown).toBeVisible();
  const { now, task } = await api();
  const expected = (now - task.StartTime) / 60_000;
  const onScreen = minutesOf(await shown.innerText());
  // A poll every 2 s is two task-minutes: the figure may trail the server's by that much.
  expect(Math.abs(onScreen - expected)).toBeLessThanOrEqual(3);
});
