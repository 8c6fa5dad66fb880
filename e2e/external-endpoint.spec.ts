import { test, expect } from './fixtures/test.ts';
import { startVolcenginePair, type VolcenginePair } from './fixtures/volcengine-pair.ts';
import { TaskPage } from './pages/task-page.ts';

// The mixscope server in `volcengine` mode against a Volcengine-compatible endpoint on another
// port (the standalone simulator), as a deployment would run it; a customer's backend starts,
// updates and stops a task with the official SDK's signer, and the dashboard follows.
let pair: VolcenginePair;
let mixscope: VolcenginePair['mixscope'];

test.beforeAll(async () => {
  pair = await startVolcenginePair({
    ...(process.env.E2E_SIM_PORT ? { simulator: Number(process.env.E2E_SIM_PORT) } : {}),
    ...(process.env.E2E_EXT_PORT ? { mixscope: Number(process.env.E2E_EXT_PORT) } : {}),
  });
  mixscope = pair.mixscope;
});

test.afterAll(async () => {
  await pair?.stop();
});

const official = (action: string, body?: unknown) => pair.official(action, body);

const room = `e2e-room-${Date.now().toString(36)}`;
const ids = { AppId: 'demo-app', RoomId: room, TaskId: 'e2e-mix' };
const region = (index: number, x: number) => ({ StreamIndex: index, LocationX: x, LocationY: 0, WidthProportion: 0.25, HeightProportion: 0.5 });
const streams = (n: number) => Array.from({ length: n }, (_, i) => ({ UserId: `user-${i}`, Index: i }));

test('the official SDK signer reaches the standalone simulator', async () => {
  const res = await official('GetPushMixedStreamToCDNTask');
  expect(res.status).toBe(200);
  expect(res.text).toContain('"PushMixedStreamToCDNTask"');
});

test('a task started, updated and stopped through the API shows up, changes and ends in the dashboard', async ({ page }) => {
  const start = await official('StartPushMixedStreamToCDN', {
    ...ids, PushURL: 'rtmp://push.example.com/live/e2e-key',
    TargetStreams: { StreamList: streams(2) },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720, Background: '#102030' }, Regions: [region(0, 0), region(1, 0.25)] } },
  });
  expect(start.text).toContain('"Result":"ok"');

  const task = new TaskPage(page);
  await page.goto(`${mixscope.url}/task?appId=demo-app&roomId=${room}&taskId=e2e-mix`);
  await expect(page.getByTestId('upstream-badge')).toHaveText('Volcengine cn-north-1');
  await expect(task.regionRows()).toHaveCount(2);
  await expect(task.status).not.toHaveAttribute('data-value', '3');

  const update = await official('UpdatePushMixedStreamToCDN', {
    ...ids, SequenceNumber: 1,
    TargetStreams: { StreamList: streams(3) },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720, Background: '#102030' }, Regions: [region(0, 0), region(1, 0.25), region(2, 0.5)] } },
  });
  expect(update.text).toContain('"Result":"ok"');
  // The page polls a running task: the third region appears without a reload.
  await expect(task.regionRows()).toHaveCount(3, { timeout: 10_000 });
  await expect(task.regionRows().nth(2)).toContainText('user-2');

  const stop = await official('StopPushStreamToCDN', ids);
  expect(stop.text).toContain('"Result":"ok"');
  await expect(task.status).toHaveAttribute('data-value', '3', { timeout: 10_000 });
  await expect(task.stopReason).toHaveText('StopByAPI');
  await expect(page.getByTestId('task-updated-at')).toContainText('not polling any more');
});
