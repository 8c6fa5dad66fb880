import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { OfflineInspectorPage } from './pages/offline-inspector.ts';
import { TaskPage } from './pages/task-page.ts';
import { PushUrlResponseSchema } from '../src/shared/push-url-api.ts';

// A demo task whose PushURL carries a stream key and a txSecret: what must never leave unmasked by accident.
const GALLERY = 'appId=demo-app&roomId=town-hall&taskId=gallery-mix';

/** Every query value of the full URL (txSecret, txTime): none may be in a masked file. */
function queryValuesOf(url: string): string[] {
  return [...new URL(url).searchParams.values()].filter((v) => v.length > 0);
}

/** The file a button downloads, as text (a PNG's text chunk is plain bytes inside it). */
async function downloadText(page: Page, name: string, path: (file: string) => string): Promise<{ name: string; text: string; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const file = path(`${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { name: download.suggestedFilename(), text: readFileSync(file).toString('utf8'), file };
}

test('exports carry no stream key unless it is included on purpose, and Reveal shows the full URL', async ({ page, request }, testInfo) => {
  const full = PushUrlResponseSchema.parse(await (await request.get(`/api/task/push-url?${GALLERY}`)).json()).pushUrl;
  expect(full).toMatch(/^rtmp:\/\//);
  const secrets = queryValuesOf(full ?? '');
  // The path ends in the stream key (here also the room's name, so the whole path is what is looked for).
  const stream = new URL(full ?? '').pathname;
  expect(secrets.length).toBeGreaterThan(0);
  // The answer the page reads has it masked.
  const api = await (await request.get(`/api/task?${GALLERY}`)).text();
  expect(api).not.toContain(stream);
  for (const s of secrets) expect(api).not.toContain(`=${s}`);

  const task = new TaskPage(page);
  await task.open(GALLERY);
  await expect(task.regionRows()).toHaveCount(30);
  const pushUrl = page.getByTestId('push-url');
  await expect(pushUrl).toContainText('••••');
  await expect(pushUrl).not.toContainText(stream);

  // Reveal asks the server on purpose; Hide masks it again.
  const [asked] = await Promise.all([
    page.waitForRequest((r) => new URL(r.url()).pathname === '/api/task/push-url'),
    page.getByRole('button', { name: 'Reveal', exact: true }).click(),
  ]);
  expect(asked.method()).toBe('GET');
  await expect(pushUrl).toHaveText(full ?? '');
  await page.getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(pushUrl).not.toContainText(stream);

  // By default: masked, and the controls say so.
  const include = page.getByRole('checkbox', { name: 'Include the stream key' });
  await expect(include).not.toBeChecked();
  await expect(page.getByTestId('export-key-note')).toHaveText('The PushURL is exported masked (stream key and query hidden).');
  const at = (f: string) => testInfo.outputPath(f);
  const maskedJson = await downloadText(page, 'Export JSON', at);
  const maskedPng = await downloadText(page, 'Export PNG', at);
  for (const file of [maskedJson, maskedPng]) {
    expect(file.text, file.name).not.toContain(stream);
    for (const s of secrets) expect(file.text, file.name).not.toContain(`=${s}`);
    expect(file.text, file.name).toContain('"streamKey": "masked"');
  }
  expect(JSON.parse(maskedJson.text)).toMatchObject({ streamKey: 'masked', task: { PushURL: expect.stringContaining('••••') } });

  // Chosen: the server is asked, and both files hold the full URL and say so.
  await include.check();
  await expect(page.getByTestId('export-key-note')).toContainText('The file will hold the full PushURL');
  const withKeyJson = await downloadText(page, 'Export JSON', at);
  const withKeyPng = await downloadText(page, 'Export PNG', at);
  for (const file of [withKeyJson, withKeyPng]) {
    expect(file.text, file.name).toContain(full);
    expect(file.text, file.name).toContain('"streamKey": "included"');
  }

  // A masked PNG reopens on the inspector, which says the key was masked and cannot reveal it.
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.upload(maskedPng.file);
  await expect(inspector.kind).toHaveText('mixscope PNG');
  await expect(inspector.regionRows()).toHaveCount(30);
  await expect(page.getByTestId('inspect-stream-key')).toHaveText('The stream key in this document was masked: its PushURL shows only the host and the app.');
  await expect(page.getByTestId('push-url')).not.toContainText(stream);
  await expect(page.getByRole('button', { name: 'Reveal', exact: true })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Include the stream key' })).toBeDisabled();
  await inspector.upload(withKeyJson.file);
  await expect(page.getByTestId('inspect-stream-key')).toHaveText('This document holds the full PushURL, stream key included: share it with care.');
});

test('a pasted task with its key exports masked from the inspector unless included', async ({ page }, testInfo) => {
  const task = { Status: 2, PushURL: 'rtmp://push.example.com/live/pasted-key-1234?txSecret=pasted5ecret', Layout: { LayoutMode: 0 } };
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.paste(JSON.stringify(task, null, 2));
  await expect(inspector.kind).toHaveText('Task object');
  // What the user pasted stays theirs to see on screen.
  await page.getByRole('button', { name: 'Reveal', exact: true }).click();
  await expect(page.getByTestId('push-url')).toHaveText(task.PushURL);
  const at = (f: string) => testInfo.outputPath(f);
  const masked = await downloadText(page, 'Export JSON', at);
  expect(masked.text).not.toContain('pasted-key-1234');
  expect(masked.text).not.toContain('pasted5ecret');
  await page.getByRole('checkbox', { name: 'Include the stream key' }).check();
  const included = await downloadText(page, 'Export JSON', at);
  expect(JSON.parse(included.text)).toMatchObject({ streamKey: 'included', task: { PushURL: task.PushURL } });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the export controls in ${scheme} mode`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    const task = new TaskPage(page);
    await task.open(GALLERY);
    const controls = page.getByRole('checkbox', { name: 'Include the stream key' }).locator('xpath=ancestor::div[1]');
    await expect(controls).toBeVisible();
    await controls.screenshot({ path: testInfo.outputPath(`export-controls-${scheme}.png`) });
  });
}
