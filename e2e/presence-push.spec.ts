import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { freePort, startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { callbackSignature } from '../src/shared/volc-callback-signature.ts';

// A presence callback reaches every open task page of its room over the event stream: the pages
// poll once a minute here (their own live setting), so a note that shows within a second came
// pushed. The server runs the embedded simulator in real time with the callback receiver on.
const SECRET = 'e2e-presence-push-secret';
const CLIENT = 'appId=demo-app&roomId=room-client&taskId=lily%40%40cam-mix';
const data = tempDir('mixscope-presence-push-');
let server: ChildServer;

test.beforeAll(async () => {
  const port = await freePort();
  server = await startChild('src/server/main.ts', [], {
    PORT: String(port), HOST: '127.0.0.1', MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_SIMULATOR_SPEED: '1',
    MIXSCOPE_DATA_DIR: data.path, VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
    MIXSCOPE_CALLBACK_SECRET: SECRET,
  }, '/api/config', port);
});
test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

async function postLeave(userId: string): Promise<Response> {
  const at = Date.now();
  const base = {
    EventType: 'UserLeaveRoom',
    EventData: JSON.stringify({ RoomId: 'room-client', UserId: userId, DeviceType: 'android', Reason: 'connectionLost', Timestamp: at }),
    EventTime: new Date(at).toISOString(),
    EventId: `e2e-leave-${userId}-${at.toString(36)}`,
    AppId: 'demo-app',
    Version: '2020-12-01',
    Nonce: String(Math.floor(Math.random() * 9000) + 1000),
  };
  return fetch(`${server.url}/api/volcengine/callback`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, Signature: await callbackSignature(base, SECRET) }),
  });
}

/** The page notes (in the machine's clock, shared with this process) when lily's region is first called empty. */
async function noteWhenLilyLeaves(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { lilyEmptyAt?: Promise<number> };
    w.lilyEmptyAt = new Promise<number>((resolve) => {
      const look = () => {
        if (document.querySelector('[data-testid=empty-regions] li[data-user="lily"]') !== null) resolve(Date.now());
      };
      new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
      look();
    });
  });
}

test('a user leaving reaches every open page of the room in under a second, pushed, while the pages poll once a minute', async ({ browser }, info) => {
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('mixscope.live', JSON.stringify({ paused: false, intervalMs: 60_000 })));
  const pages = [await context.newPage(), await context.newPage()];
  for (const page of pages) {
    await page.goto(`${server.url}/task?${CLIENT}`);
    await expect(page.getByTestId('task-updated-at')).toHaveAttribute('data-stream', 'open');
    // fan-joe's leave came with the page; lily is still in the room.
    await expect(page.getByTestId('empty-regions').locator('li[data-user="fan-joe"]')).toHaveCount(1);
    await expect(page.getByTestId('empty-regions').locator('li[data-user="lily"]')).toHaveCount(0);
    await noteWhenLilyLeaves(page);
  }
  const postedAt = Date.now();
  expect((await postLeave('lily')).status).toBe(200);
  for (const [i, page] of pages.entries()) {
    const shownAt = await page.evaluate(() => (window as unknown as { lilyEmptyAt: Promise<number> }).lilyEmptyAt);
    console.log(`leave callback posted to region explained on page ${i + 1}: ${shownAt - postedAt} ms`);
    expect(shownAt - postedAt).toBeLessThan(1_000);
    await expect(page.getByTestId('empty-regions').locator('li[data-user="lily"]')).toContainText(/The region of lily is empty: lily left the room at .+ \(connection lost\)\./);
  }
  await pages[0]?.screenshot({ path: info.outputPath('presence-pushed.png'), fullPage: true });
  await context.close();
});
