import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { OfflineInspectorPage } from './pages/offline-inspector.ts';
import { TaskPage } from './pages/task-page.ts';
import { TaskResponseSchema } from '../src/shared/mixscope-api.ts';
import docExample from '../src/shared/fixtures/doc-example-2020-12-01.json' with { type: 'json' };

const GALLERY = 'appId=demo-app&roomId=town-hall&taskId=gallery-mix';
const WEBINAR = 'appId=demo-app&roomId=webinar-q3&taskId=webinar-mix&version=2023-06-01';
const DOC_TEXT = JSON.stringify(docExample, null, 2);

/** Every row of a region table as its cells' text: what a person compares by eye. */
async function rowsText(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())));
}

async function downloadFrom(page: Page, name: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return download;
}

test.beforeEach(async ({ consoleErrors }) => {
  // The documented example's BackgroundImage and AlternateImage (http://xxxxxx) cannot load:
  // the canvas says so in a note, and the browser logs the failed request.
  consoleErrors.allow(/ERR_NAME_NOT_RESOLVED \(http:\/\/x+\//);
});

test('a pasted Get response shows its regions, with no server call', async ({ page, request }) => {
  const res = TaskResponseSchema.parse(await (await request.get(`/api/task?${GALLERY}`)).json());
  const envelope = {
    ResponseMetadata: { RequestId: 'e2e-request', Action: 'GetPushMixedStreamToCDNTask', Version: '2020-12-01', Service: 'rtc', Region: 'cn-north-1' },
    Result: { PushMixedStreamToCDNTask: res.task },
  };
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  // The app shell's badge asks /api/config; the inspector itself asks nothing.
  const apiCalls: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith('/api/') && path !== '/api/config') apiCalls.push(req.url());
  });
  await inspector.paste(JSON.stringify(envelope, null, 2));
  await expect(inspector.kind).toHaveText('GetPushMixedStreamToCDNTask response');
  await expect(page.getByTestId('inspect-version')).toHaveText('API version 2020-12-01, from the response envelope.');
  await expect(inspector.regionRows()).toHaveCount(30);

  // The same task on the task page gives the same table, row by row.
  const expected = await (async () => {
    const other = await page.context().newPage();
    const task = new TaskPage(other);
    await task.open(GALLERY);
    await expect(task.regionRows()).toHaveCount(30);
    const rows = await rowsText(task.regionTable);
    await other.close();
    return rows;
  })();
  expect(await rowsText(inspector.regionTable)).toEqual(expected);
  expect(apiCalls).toEqual([]);
});

test('the documented example loads, in output-canvas pixels', async ({ page }) => {
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.loadExample.click();
  await expect(inspector.text).toHaveValue(/"PushMixedStreamToCDNTask"/);
  await expect(inspector.regionRows()).toHaveCount(1);
  // 1280 × 720 canvas: LocationY 0.2 → 144, WidthProportion 0.5 → 640, HeightProportion 0.4 → 288.
  const [row] = await rowsText(inspector.regionTable);
  expect(row?.slice(0, 7)).toEqual(['1', 'user1', 'Camera', '0', '144', '640', '288']);
});

test('broken JSON names its line and column, and the last good view stays', async ({ page }) => {
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.paste(DOC_TEXT);
  await expect(inspector.regionRows()).toHaveCount(1);
  const broken = DOC_TEXT.replace('"Alpha": 1,', '"Alpha": ,');
  const lines = broken.split('\n');
  const line = lines.findIndex((l) => l.includes('"Alpha": ,')) + 1;
  const column = (lines[line - 1] ?? '').indexOf(',') + 1;
  await inspector.paste(broken);
  await expect(inspector.error).toBeVisible();
  await expect(inspector.errorMessage).toHaveText(
    `The JSON is broken at line ${line}, column ${column}, in Result.PushMixedStreamToCDNTask.Layout.CustomLayout.Regions[0].Alpha: expected a value, found ",".`,
  );
  await expect(page.getByTestId('inspect-error-excerpt')).toContainText(`${line} |`);
  await page.getByRole('button', { name: 'Show in the text' }).click();
  await expect(inspector.text).toBeFocused();
  const caret = await inspector.text.evaluate((el) => (el instanceof HTMLTextAreaElement ? el.selectionStart : -1));
  expect(broken.slice(caret, caret + 1)).toBe(',');
  await expect(inspector.error).toContainText('Still showing the last document that could be read.');
  await expect(inspector.kind).toHaveText('GetPushMixedStreamToCDNTask response');
  await expect(inspector.regionRows()).toHaveCount(1);
  // What was typed stays, also after a reload of the tab.
  await page.reload();
  await expect(inspector.text).toHaveValue(broken);
  await expect(inspector.error).toBeVisible();
});

test('a Start body with regions not one-to-one with TargetStreams lists the rule it breaks', async ({ page }) => {
  const body = {
    AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', PushURL: 'rtmp://push.example.com/live/key',
    TargetStreams: { StreamList: [{ UserId: 'host', Index: 0 }, { UserId: 'guest', Index: 1 }] },
    Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [
      { StreamIndex: 0, LocationX: 0, LocationY: 0, WidthProportion: 0.5, HeightProportion: 1 },
      { StreamIndex: 7, LocationX: 0.5, LocationY: 0, WidthProportion: 0.5, HeightProportion: 1 },
    ] } },
  };
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.paste(JSON.stringify(body, null, 2));
  await expect(inspector.kind).toHaveText('StartPushMixedStreamToCDN request body');
  await expect(page.getByText('Volcengine would reject this request.')).toBeVisible();
  const unmatched = inspector.rule('regionUnmatched');
  await expect(unmatched).toContainText('The region with StreamIndex 7 matches no TargetStreams Index');
  await expect(unmatched).toContainText('InvalidParameter');
  await expect(unmatched).toContainText('Layout.CustomLayout.Regions[1].StreamIndex');
  await expect(inspector.rule('targetWithoutRegion')).toContainText('guest');
  await expect(inspector.regionRows()).toHaveCount(2);
});

test('an error envelope shows its Code and RequestId', async ({ page }) => {
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.paste(JSON.stringify({ ResponseMetadata: { RequestId: '20240102ABCDEF', Version: '2020-12-01', Error: { Code: 'InvalidParameter.ErrorActiveTaskNotFound', Message: 'task not found' } } }));
  await expect(page.getByTestId('error-code')).toHaveText('InvalidParameter.ErrorActiveTaskNotFound');
  await expect(page.getByTestId('error-request-id')).toHaveText('20240102ABCDEF');
});

test('a PNG exported from the task page reopens on /inspect with the same region table', async ({ page }, testInfo) => {
  const task = new TaskPage(page);
  await task.open(GALLERY);
  await expect(task.regionRows()).toHaveCount(30);
  const expected = await rowsText(task.regionTable);
  const download = await downloadFrom(page, 'Export PNG');
  expect(download.suggestedFilename()).toBe('mixscope-town-hall-gallery-mix.png');
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const png = readFileSync(path);
  // IHDR: the PNG is the output canvas at its true pixel size.
  const canvas = { width: Number(await task.canvas.getAttribute('data-canvas-width')), height: Number(await task.canvas.getAttribute('data-canvas-height')) };
  expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(canvas);

  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.upload(path);
  await expect(inspector.kind).toHaveText('mixscope PNG');
  await expect(page.getByTestId('inspect-version')).toHaveText('API version 2020-12-01, from the mixscope export.');
  await expect(inspector.regionRows()).toHaveCount(30);
  expect(await rowsText(inspector.regionTable)).toEqual(expected);
});

test('a JSON export reopens with its API version and the same region table', async ({ page }, testInfo) => {
  const task = new TaskPage(page);
  await task.open(WEBINAR);
  await expect(task.regionRows()).not.toHaveCount(0);
  const expected = await rowsText(task.regionTable);
  const download = await downloadFrom(page, 'Export JSON');
  expect(download.suggestedFilename()).toBe('mixscope-webinar-q3-webinar-mix.json');
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);

  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.upload(path);
  await expect(inspector.kind).toHaveText('mixscope export (JSON)');
  await expect(page.getByTestId('inspect-version')).toHaveText('API version 2023-06-01, from the mixscope export.');
  expect(await rowsText(inspector.regionTable)).toEqual(expected);
});

test('a JSON file dropped on the text box is read and shown', async ({ page }) => {
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.drop('get-response.json', 'application/json', DOC_TEXT);
  await expect(inspector.kind).toHaveText('GetPushMixedStreamToCDNTask response');
  await expect(inspector.text).toHaveValue(DOC_TEXT);
  await expect(page.getByText('Read from get-response.json')).toBeVisible();
  await expect(inspector.regionRows()).toHaveCount(1);
});

test('a PNG that mixscope did not export is explained, and the text box keeps its text', async ({ page }, testInfo) => {
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.paste(DOC_TEXT);
  const path = testInfo.outputPath('photo.png');
  await page.screenshot({ path, clip: { x: 0, y: 0, width: 20, height: 20 } });
  await inspector.upload(path);
  await expect(inspector.errorMessage).toHaveText('This PNG carries no mixscope data. Only PNGs exported by mixscope can be reopened here.');
  await expect(inspector.text).toHaveValue(DOC_TEXT);
  await expect(inspector.regionRows()).toHaveCount(1);
});
