import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { OfflineInspectorPage } from './pages/offline-inspector.ts';
import { TaskPage } from './pages/task-page.ts';
import { TaskResponseSchema, type TaskResponse } from '../src/shared/mixscope-api.ts';
import { readTextChunk } from '../src/shared/png-text-chunk.ts';

// The offline inspector shows what the task page shows: the same Encode, Control and stream list
// panels for any document, and, for a reopened export, the task as it was when it was exported,
// with nothing ticking.

const ENDED = 'appId=demo-app&roomId=room-ended&taskId=ended-mix';
const WEBINAR = 'appId=demo-app&roomId=webinar-q3&taskId=webinar-mix&version=2023-06-01';
// Started eight minutes before the server: "running for" shows minutes and seconds.
const GALLERY = 'appId=demo-app&roomId=town-hall&taskId=gallery-mix';
const PANELS = ['Encode', 'Control', 'SpatialConfig', 'TargetStreams', 'ExcludeStreams'];
// The panels, the layout and the export load on demand: on a busy machine that takes a while.
const LOADED = { timeout: 20_000 };

test.describe.configure({ mode: 'serial' });
test.use({ timezoneId: 'UTC' });

async function answer(page: Page, search: string): Promise<TaskResponse> {
  return TaskResponseSchema.parse(await (await page.request.get(`/api/task?${search}`)).json());
}

/** A panel's rows as their cells' text, header cell first: what a person compares by eye. */
async function panelRows(page: Page, name: string): Promise<string[][]> {
  const panel = page.getByTestId(`panel-${name}`);
  await expect(panel).toBeVisible(LOADED);
  return panel.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th, td'), (c) => (c.textContent ?? '').trim())));
}

const row = (page: Page, panel: string, field: string): Locator => page.getByTestId(`panel-${panel}`).locator(`tr[data-field="${field}"]`);

/** "12m 5s", "1h 3m", "40s" (English, narrow units) as [hours, minutes, seconds]; seconds are not shown past an hour. */
function durationParts(text: string): [number, number, number | undefined] {
  const h = Number(/(\d+)\s*h/.exec(text)?.[1] ?? 0);
  const m = Number(/(\d+)\s*m(?!s)/.exec(text)?.[1] ?? 0);
  const s = /(\d+)\s*s/.exec(text)?.[1];
  return [h, m, h > 0 ? undefined : Number(s ?? 0)];
}

/** What formatDuration shows for `ms`, as durationParts reads it. */
function expectedParts(ms: number): [number, number, number | undefined] {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  return [h, Math.floor((total % 3600) / 60), h > 0 ? undefined : total % 60];
}

const seconds = ([h, m, s]: [number, number, number | undefined]) => h * 3600 + m * 60 + (s ?? 0);

test('a pasted Get response shows the task page\'s Encode, Control and stream panels, row for row', async ({ page }) => {
  test.slow();
  const task = new TaskPage(page);
  await task.open(ENDED);
  await expect(page.getByTestId('config-panels')).toBeVisible(LOADED);
  const onTaskPage = Object.fromEntries(await Promise.all(PANELS.map(async (p) => [p, await panelRows(page, p)] as const)));

  const res = await answer(page, ENDED);
  const envelope = { ResponseMetadata: { RequestId: 'e2e-parity', Action: 'GetPushMixedStreamToCDNTask', Version: '2020-12-01' }, Result: { PushMixedStreamToCDNTask: res.task } };
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.paste(JSON.stringify(envelope, null, 2));
  await expect(inspector.kind).toHaveText('GetPushMixedStreamToCDNTask response', LOADED);
  for (const p of PANELS) expect(await panelRows(page, p), p).toEqual(onTaskPage[p]);

  // The values themselves, as the simulator's copy of the API page's example sends them.
  await expect(row(page, 'Encode', 'VideoFps').locator('td').first()).toHaveText(/^15 fps/);
  await expect(row(page, 'Encode', 'VideoBitrate').locator('td').first()).toHaveText(/^1600 Kbps/);
  await expect(row(page, 'Control', 'MaxIdleTime').locator('td').first()).toHaveText(/^180 s/);
  await expect(page.getByTestId('panel-TargetStreams')).toContainText('user1');
  await expect(page.getByTestId('panel-TargetStreams')).toContainText('Regions[0]');
  await expect(page.getByTestId('panel-ExcludeStreams')).toContainText('user3');
  await expect(page.getByTestId('panel-ExcludeStreams')).toContainText('1 stream');
});

test('a bare task of API 2023-06-01 has the SEIConfig panel; a Start body\'s unsent fields show their defaults and ranges', async ({ page }) => {
  const res = await answer(page, WEBINAR);
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.version.selectOption('2023-06-01');
  await inspector.paste(JSON.stringify(res.task, null, 2));
  await expect(inspector.kind).toHaveText('Task object');
  await expect(page.getByTestId('config-panels')).toContainText('Every documented field for API 2023-06-01', LOADED);
  await expect(page.getByTestId('panel-SEIConfig')).toBeVisible();

  const body = {
    AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', PushURL: 'rtmp://push.example.com/live/key',
    TargetStreams: { StreamList: [{ UserId: 'host', Index: 0 }, { UserId: 'guest', Index: 1, StreamType: 1 }] },
    ExcludeStreams: { StreamList: [{ UserId: 'bot' }] },
    Encode: { VideoFps: 30, VideoWidth: 1281 },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [
      { StreamIndex: 0, LocationX: 0, LocationY: 0, WidthProportion: 0.5, HeightProportion: 1 },
      { StreamIndex: 1, LocationX: 0.5, LocationY: 0, WidthProportion: 0.5, HeightProportion: 1 },
    ] } },
  };
  await inspector.version.selectOption('2020-12-01');
  await inspector.paste(JSON.stringify(body, null, 2));
  await expect(inspector.kind).toHaveText('StartPushMixedStreamToCDN request body');
  await expect(page.getByTestId('panel-SEIConfig')).toHaveCount(0);
  await expect(row(page, 'Encode', 'VideoFps')).toHaveAttribute('data-defaulted', 'false');
  await expect(row(page, 'Encode', 'VideoFps').locator('td').first()).toHaveText(/^30 fps/);
  // Odd: out of the documented range, so Volcengine would use the default; said beside the value.
  await expect(row(page, 'Encode', 'VideoWidth').locator('td').first()).toContainText('odd: must be even');
  await expect(row(page, 'Encode', 'VideoBitrate')).toHaveAttribute('data-defaulted', 'true');
  await expect(row(page, 'Encode', 'VideoBitrate').locator('td').first()).toContainText('(default)');
  await expect(row(page, 'Encode', 'VideoWidth').locator('td').nth(2)).toContainText('2 to 1920 px');
  const targets = page.getByTestId('panel-TargetStreams');
  await expect(targets).toContainText('2 streams');
  await expect(targets.locator('tbody tr').nth(1)).toContainText('guest');
  await expect(targets.locator('tbody tr').nth(1)).toContainText('Regions[1]');
  await expect(page.getByTestId('panel-ExcludeStreams')).toContainText('bot');
  // A request body has no times: no clock to speak of.
  await expect(page.getByTestId('inspect-clock')).toHaveCount(0);
});

test('a partial Update\'s unsent fields keep the task\'s values, and an Update cannot carry ExcludeStreams', async ({ page }) => {
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.paste(JSON.stringify({ AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', SequenceNumber: 2, IsUpdatePartialParam: true, Encode: { VideoBitrate: 6000 } }, null, 2));
  await expect(inspector.kind).toHaveText('UpdatePushMixedStreamToCDN request body');
  await expect(page.getByTestId('config-panels')).toContainText('the value this partial Update sends', LOADED);
  await expect(row(page, 'Encode', 'VideoBitrate').locator('td').first()).toHaveText(/^6000 Kbps/);
  await expect(row(page, 'Encode', 'VideoFps')).toHaveAttribute('data-kept', 'true');
  await expect(row(page, 'Encode', 'VideoFps').locator('td').first()).toContainText('not sent: unchanged');
  await expect(page.getByTestId('panel-TargetStreams-absent')).toHaveText('Not sent: the task keeps its TargetStreams.');
  await expect(page.getByTestId('panel-ExcludeStreams-absent')).toHaveText('An Update cannot change ExcludeStreams: the task keeps the list it was started with.');

  // A full Update puts back the defaults of what it leaves out.
  await inspector.paste(JSON.stringify({ AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', SequenceNumber: 3, Encode: { VideoBitrate: 6000 } }, null, 2));
  await expect(row(page, 'Encode', 'VideoFps')).toHaveAttribute('data-defaulted', 'true');
  await expect(page.getByTestId('panel-TargetStreams-absent')).toHaveCount(0);
  await expect(page.getByTestId('panel-ExcludeStreams-absent')).toBeVisible();
});

let exportedPng = '';

test('a PNG exported from the task page reopens as a snapshot: its times are those of the export, and do not move', async ({ page }, testInfo) => {
  test.slow();
  const task = new TaskPage(page);
  await task.open(GALLERY);
  await expect(task.regionRows()).toHaveCount(30, LOADED);
  await expect(page.getByTestId('duration')).toHaveText(/\d+s$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  exportedPng = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(exportedPng);
  const chunk = readTextChunk(new Uint8Array(readFileSync(exportedPng)));
  if (!chunk.ok) throw new Error(`the export holds no task: ${chunk.error}`);
  const exported = JSON.parse(chunk.text) as { exportedAt: string; task: { StartTime: number; EndTime: number } };
  const at = Date.parse(exported.exportedAt);
  expect(exported.task.EndTime).toBe(0);
  const expected = expectedParts(at - exported.task.StartTime);

  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.upload(exportedPng);
  await expect(inspector.kind).toHaveText('mixscope PNG', LOADED);
  const clock = page.getByTestId('inspect-clock');
  await expect(clock).toHaveAttribute('data-kind', 'snapshot');
  await expect(clock).toHaveAttribute('data-at', String(at));
  // The browser runs in UTC here: the moment as the export wrote it.
  await expect(page.getByTestId('inspect-clock-time')).toContainText('Snapshot taken at');
  await expect(page.getByTestId('inspect-clock-time')).toContainText(exported.exportedAt.slice(11, 19));
  const duration = page.getByTestId('duration');
  await expect.poll(async () => durationParts(await duration.innerText())).toEqual(expected);
  const shown = await duration.innerText();

  // The same task, live in another tab: its "running for" moves on while the snapshot's stays.
  const live = await page.context().newPage();
  await new TaskPage(live).open(GALLERY);
  const liveDuration = live.getByTestId('duration');
  await expect(liveDuration).toHaveText(/\d+s$/, LOADED);
  const first = seconds(durationParts(await liveDuration.innerText()));
  await expect.poll(async () => seconds(durationParts(await liveDuration.innerText())), { timeout: 10_000 }).toBeGreaterThanOrEqual(first + 2);
  await live.close();
  await expect(duration).toHaveText(shown);
  expect(durationParts(await duration.innerText())).toEqual(expected);

  // Exported again from here, it keeps the moment it shows.
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const reexported = JSON.parse(readFileSync(await again.path(), 'utf8')) as { exportedAt: string };
  expect(reexported.exportedAt).toBe(exported.exportedAt);
});

test('a pasted Get response, which does not say when it was fetched, is measured to when it was read here and does not move', async ({ page }) => {
  const res = await answer(page, GALLERY);
  const start = (res.task as { StartTime: number }).StartTime;
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.paste(JSON.stringify({ PushMixedStreamToCDNTask: res.task }, null, 2));
  const clock = page.getByTestId('inspect-clock');
  await expect(clock).toHaveAttribute('data-kind', 'read');
  await expect(clock).toContainText('Read here at');
  await expect(clock).toContainText('does not say when it was fetched');
  const readAt = Number(await clock.getAttribute('data-at'));
  const duration = page.getByTestId('duration');
  await expect.poll(async () => durationParts(await duration.innerText())).toEqual(expectedParts(readAt - start));
  const shown = await duration.innerText();
  // Two seconds of this browser's clock later, it still reads the same.
  await page.waitForFunction((t) => Date.now() >= t + 2_000, readAt);
  await expect(duration).toHaveText(shown);
});

for (const lang of ['en', 'zh'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    for (const size of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
      test(`screenshots: a reopened export, ${lang}, ${theme}, ${size.width}×${size.height}`, async ({ page }, testInfo) => {
        test.skip(exportedPng === '', 'the export test makes the PNG');
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: theme });
        if (lang === 'zh') await page.addInitScript(() => localStorage.setItem('mixscope.language', 'zh'));
        const inspector = new OfflineInspectorPage(page);
        await page.goto('/inspect');
        await page.locator('input[type="file"]').setInputFiles(exportedPng);
        await expect(page.getByTestId('inspect-clock')).toHaveAttribute('data-kind', 'snapshot', LOADED);
        await expect(page.getByTestId('panel-ExcludeStreams')).toBeVisible(LOADED);
        await expect(inspector.regionRows()).toHaveCount(30, LOADED);
        const name = `inspect-parity-${lang}-${theme}-${size.width}`;
        await page.getByTestId('inspect-document').scrollIntoViewIfNeeded();
        await page.getByTestId('inspect-document').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: testInfo.outputPath(`${name}-top.png`) });
        await page.getByTestId('config-panels').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: testInfo.outputPath(`${name}-panels.png`) });

        // A partial Update's panels: what it does not send, and the list an Update cannot carry.
        await page.locator('#inspect-text').fill(JSON.stringify({ AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', SequenceNumber: 2, IsUpdatePartialParam: true, Encode: { VideoBitrate: 6000 } }, null, 2));
        await expect(page.getByTestId('panel-ExcludeStreams-absent')).toBeVisible();
        await page.getByTestId('config-panels').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: testInfo.outputPath(`${name}-partial-update.png`) });
        await page.getByTestId('panel-TargetStreams').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: testInfo.outputPath(`${name}-partial-update-streams.png`) });
      });
    }
  }
}
