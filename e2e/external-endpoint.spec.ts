import { test, expect } from './fixtures/test.ts';
import { startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { callOfficial } from '../src/simulator/official-signer.ts';
import { SIMULATOR_CREDENTIALS } from '../src/simulator/simulator.ts';
import { TaskPage } from './pages/task-page.ts';

// The mixscope server in `volcengine` mode against a Volcengine-compatible endpoint on another
// port (the standalone simulator), as a deployment would run it; a customer's backend starts,
// updates and stops a task with the official SDK's signer, and the dashboard follows.
const SIM_PORT = Number(process.env.E2E_SIM_PORT || 8191);
const APP_PORT = Number(process.env.E2E_EXT_PORT || 8192);

let simulator: ChildServer;
let mixscope: ChildServer;
const data = tempDir('mixscope-ext-');

test.beforeAll(async () => {
  simulator = await startChild('src/simulator/simulator-main.ts', ['--port', String(SIM_PORT), '--assets', `http://127.0.0.1:${APP_PORT}`], {}, '/', SIM_PORT);
  mixscope = await startChild('src/server/main.ts', [], {
    HOST: '127.0.0.1', PORT: String(APP_PORT), MIXSCOPE_UPSTREAM: 'volcengine', VOLC_ENDPOINT: simulator.url,
    VOLC_ACCESSKEY: SIMULATOR_CREDENTIALS.accessKeyId, VOLC_SECRETKEY: SIMULATOR_CREDENTIALS.secretKey,
    VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '', MIXSCOPE_DATA_DIR: data.path,
  }, '/api/config', APP_PORT);
});

test.afterAll(async () => {
  await mixscope?.stop();
  await simulator?.stop();
  data.remove();
});

/** A signed call to the standalone simulator, exactly as the official Node SDK signs it. */
function official(action: string, body?: unknown) {
  const call = {
    method: body === undefined ? ('GET' as const) : ('POST' as const),
    params: { Action: action, Version: '2020-12-01', ...(body === undefined ? { AppId: 'demo-app', RoomId: 'room-live', TaskId: 'live-mix' } : {}) },
    credentials: SIMULATOR_CREDENTIALS,
    date: new Date(),
    ...(body === undefined ? {} : { body: JSON.stringify(body), extraHeaders: { 'content-type': 'application/json' } }),
  };
  return callOfficial((req) => fetch(`${simulator.url}/${new URL(req.url).search}`, { method: req.method, headers: req.headers, body: body === undefined ? undefined : JSON.stringify(body) }), call);
}

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
