import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { startVolcenginePair, type VolcenginePair } from './fixtures/volcengine-pair.ts';
import { LayoutEditor } from './pages/layout-editor.ts';
import { OfflineInspectorPage } from './pages/offline-inspector.ts';
import { TimelinePanel } from './pages/timeline.ts';
import { TaskResponseSchema } from '../src/shared/mixscope-api.ts';
import { isRejected, requestRules } from '../src/shared/request-rules.ts';

// The what-if editor against the real server and simulator. The broken-layout demo (1280 × 720,
// 2020-12-01): region r0 (host-ava) covers the left half opaquely at ZOrder 5, r2 (guest-hidden,
// 64, 72, 384 × 288, ZOrder 2) lies wholly under it, r5 shows StreamIndex 7, which no stream has.
// The first test edits it, sends the Update body itself, signed as the simulator requires, and
// reads the task back; mixscope never sends it.
const BROKEN = { AppId: 'demo-app', RoomId: 'support-ticket-4711', TaskId: 'broken-mix' };
const BROKEN_SEARCH = 'appId=demo-app&roomId=support-ticket-4711&taskId=broken-mix';
const MISSING_AVATAR = 'cdn.example.com/avatars/missing.png';

let pair: VolcenginePair;

test.beforeAll(async () => {
  const port = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const simulator = port('E2E_EDITOR_SIM_PORT');
  const mixscope = port('E2E_EDITOR_APP_PORT');
  pair = await startVolcenginePair({ ...(simulator ? { simulator } : {}), ...(mixscope ? { mixscope } : {}) });
});

test.afterAll(async () => {
  await pair?.stop();
});

test.beforeEach(({ consoleErrors }) => {
  consoleErrors.allow(MISSING_AVATAR);
});

/** Every row of a region table as its cells' text. */
function rowsOf(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td, th'), (c) => (c.textContent ?? '').trim())));
}

test('dragging the hidden region into view clears its warning; the copied Update body passes the rules and, sent, changes the task as previewed', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pair.mixscope.url });
  await page.goto(`${pair.mixscope.url}/task?${BROKEN_SEARCH}`);
  const editor = new LayoutEditor(page);
  await editor.open(page.getByTestId('layout-section').first());
  await expect(editor.root.getByTestId('never-sends')).toContainText('mixscope never sends this request: you send it.');
  await expect(editor.warning('hiddenFully', 'guest-hidden · #2')).toHaveCount(1);
  await expect(editor.diff).toContainText('No changes yet');

  // Picked in the z-order list, then dragged by a point where host-ava lies over it: the
  // selected region moves, as in a design tool. Its top-left corner goes near (640, 220), where it
  // snaps to host-ava's right edge and guest-cropped's bottom edge.
  await editor.pick('r2');
  await editor.drag({ x: 200, y: 200 }, { x: 200 + 576 + 3, y: 200 + 148 - 2 });
  await expect(editor.field('x')).toHaveValue('640');
  await expect(editor.field('y')).toHaveValue('220');
  await expect(editor.warning('hiddenFully')).toHaveCount(0);
  await expect(editor.diff.locator('li[data-path="Layout.CustomLayout.Regions[2].LocationX"]')).toContainText('0.05 → 0.5');

  // Undo puts it back under host-ava (and its warning with it); redo moves it out again.
  await editor.root.getByTestId('editor-undo').click();
  await expect(editor.field('x')).toHaveValue('64');
  await expect(editor.warning('hiddenFully')).toHaveCount(1);
  await editor.canvas.focus();
  await page.keyboard.press('Control+Shift+Z');
  await expect(editor.field('x')).toHaveValue('640');
  await expect(editor.warning('hiddenFully')).toHaveCount(0);
  await page.keyboard.press('Control+Z');
  await expect(editor.field('x')).toHaveValue('64');
  await page.keyboard.press('Control+Y');
  await expect(editor.field('x')).toHaveValue('640');

  // The region of StreamIndex 7 would have the body rejected: removed, and the rules agree.
  await expect(editor.body.getByTestId('request-rules').locator('li[data-code="regionUnmatched"]')).toHaveCount(1);
  await editor.pick('r5');
  await editor.root.getByTestId('remove-region').click();
  await expect(editor.warning('streamIndexUnmatched')).toHaveCount(0);
  await expect(editor.body.getByTestId('request-rules').locator('li[data-effect="rejected"]')).toHaveCount(0);
  await editor.root.getByTestId('body-sequence-number').fill('1');
  await expect(editor.body).toContainText('This request breaks none of the documented rules mixscope checks.');

  await editor.body.getByTestId('copy-body').click();
  await expect(editor.body.getByRole('status')).toHaveText('Copied to the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await editor.bodyJson.textContent());
  const body = JSON.parse(copied) as Record<string, unknown>;
  expect(body).toMatchObject({ ...BROKEN, SequenceNumber: 1, IsUpdatePartialParam: false });
  // The same rules, run here on the text that was copied: nothing Volcengine would refuse.
  const rules = requestRules(body, 'update', '2020-12-01');
  expect(isRejected(rules), JSON.stringify(rules)).toBe(false);
  const previewed = await editor.regionRows();
  expect(previewed).toHaveLength(5);

  // The user sends it, not mixscope: signed as Volcengine's SDK signs it.
  const sent = await pair.official('UpdatePushMixedStreamToCDN', body);
  expect(sent.text).toContain('"Result":"ok"');

  await editor.root.getByTestId('editor-close').click();
  await expect(editor.root).toHaveCount(0);
  const taskTable = page.getByTestId('layout-section').first().getByTestId('region-table');
  await expect.poll(() => rowsOf(taskTable), { timeout: 20_000 }).toEqual(previewed);
  await expect(page.getByTestId('warning-list').first().locator('li[data-code="hiddenFully"]')).toHaveCount(0);
});

test('the transform panel brings the hidden region into view by numbers, explains bad values and undoes with the keyboard', async ({ page }) => {
  await page.goto(`/task?${BROKEN_SEARCH}`);
  const editor = new LayoutEditor(page);
  await editor.open(page.getByTestId('layout-section').first());
  await editor.root.getByTestId('region-stack').locator('li[data-region-id="r2"] button').last().click();
  await expect(editor.transform).toContainText('guest-hidden');

  await editor.field('x').fill('660');
  await editor.field('y').fill('230');
  await editor.field('height').fill('160');
  await editor.field('height').blur();
  await expect(editor.warning('hiddenFully')).toHaveCount(0);
  await expect(editor.diff.locator('li[data-path="Layout.CustomLayout.Regions[2].LocationX"]')).toContainText('→ 0.515625');
  const moved = await editor.shownBody();
  expect(JSON.stringify(moved)).toContain('"LocationX":0.515625');

  // A value that is not a number is said and not applied; one out of range is applied and
  // explained as Volcengine treats it (reset to the default).
  await editor.field('alpha').fill('half');
  await expect(editor.field('alpha')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.transform).toContainText('Not a number: not applied.');
  await editor.field('alpha').fill('5');
  await expect(editor.transform).toContainText('is 5, outside');
  await expect(editor.transform).toContainText('it resets it to the default, 1.');
  await expect(editor.body.getByTestId('request-rules').locator('li[data-code="valueOutOfRange"]')).toHaveCount(1);
  await expect(editor.field('alpha')).toHaveAttribute('aria-invalid', 'true');
  await editor.field('alpha').fill('');
  await expect(editor.body.getByTestId('request-rules').locator('li[data-code="valueOutOfRange"]')).toHaveCount(0);
  await editor.field('alpha').blur();

  // The three typed fields are three undo steps; the Alpha visits add theirs.
  const undo = editor.root.getByTestId('editor-undo');
  while (await editor.field('height').inputValue() !== '288') await undo.click();
  await expect(editor.field('y')).toHaveValue('230');
  await undo.click();
  await expect(editor.field('y')).toHaveValue('72');
  await undo.click();
  await expect(editor.field('x')).toHaveValue('64');
  await expect(editor.warning('hiddenFully')).toHaveCount(1);
  await expect(undo).toBeDisabled();
  await editor.root.getByTestId('editor-redo').click();
  await expect(editor.field('x')).toHaveValue('660');

  // Arrows nudge the selected region on the canvas: 1 px, 10 with Shift.
  await editor.canvas.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(editor.field('x')).toHaveValue('661');
  await expect(editor.field('y')).toHaveValue('82');

  // Its bottom handle (at y 370) dragged to 396 snaps to guest-ghost's top edge at 400, with a
  // guide drawn while dragging; with Alt held it lands where it is let go.
  const handle = await editor.screenPoint({ x: 661 + 192, y: 370 });
  const near = await editor.screenPoint({ x: 661 + 192, y: 396 });
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  await page.mouse.move(near.x, near.y, { steps: 8 });
  await expect(editor.canvas).not.toHaveAttribute('data-guides', '0');
  await page.mouse.up();
  await expect(editor.canvas).toHaveAttribute('data-guides', '0');
  await expect(editor.field('height')).toHaveValue('318');
  await undo.click();
  await expect(editor.field('height')).toHaveValue('288');
  await editor.drag({ x: 661 + 192, y: 370 }, { x: 661 + 192, y: 396 }, { alt: true });
  await expect.poll(async () => Math.abs(Number(await editor.field('height').inputValue()) - 314)).toBeLessThanOrEqual(2);
  await undo.click();
  await expect(editor.field('height')).toHaveValue('288');

  // The link says the editor is open; leaving asks first, and the copy is kept in the tab's session.
  await expect(page).toHaveURL(/[?&]edit=1/);
  const asked = page.waitForEvent('dialog').then(async (dialog) => {
    const type = dialog.type();
    await dialog.accept();
    return type;
  });
  await page.reload();
  expect(await asked).toBe('beforeunload');
  await expect(editor.root).toBeVisible();
  await expect(editor.root).toContainText('Your earlier edits of this layout were kept');
  await editor.pick('r2');
  await expect(editor.field('x')).toHaveValue('661');
  await editor.root.getByTestId('editor-close').click();
  await expect(page).not.toHaveURL(/[?&]edit=1/);
});

test('a document pasted into the offline inspector is edited, and its Start body downloaded with a push URL typed in', async ({ page, request }) => {
  const res = TaskResponseSchema.parse(await (await request.get('/api/task?appId=demo-app&roomId=webinar-q3&taskId=webinar-mix&version=2023-06-01')).json());
  const envelope = {
    ResponseMetadata: { RequestId: 'e2e-editor', Action: 'GetPushMixedStreamToCDNTask', Version: '2023-06-01', Service: 'rtc', Region: 'cn-north-1' },
    Result: { PushMixedStreamToCDNTask: res.task },
  };
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  await inspector.paste(JSON.stringify(envelope, null, 2));
  await expect(inspector.regionRows()).not.toHaveCount(0);
  const editor = new LayoutEditor(page);
  await editor.open(page.getByTestId('layout-section'));
  await expect(editor.root).toContainText('the document read offline');
  await expect(editor.root).toContainText('2023-06-01');

  const first = await editor.regionRows();
  await editor.root.getByTestId('editor-region-table').locator('tbody tr').last().click();
  await editor.field('width').fill('400');
  await expect(editor.diff.locator('li')).not.toHaveCount(0);
  // Pixels as pixels in 2023-06-01.
  await expect(editor.diff).toContainText('→ 400');

  // A response carries no IDs: the user gives them, and the rules ask for them until then.
  await editor.body.getByTestId('body-tab-start').click();
  await expect(editor.body.getByTestId('request-rules').locator('li[data-code="missingRequired"]')).not.toHaveCount(0);
  await editor.body.getByLabel('AppId').fill('demo-app');
  await editor.body.getByLabel('RoomId').fill('webinar-q3');
  await editor.body.getByLabel('TaskId').fill('webinar-mix');
  await expect(editor.body.getByTestId('push-url-placeholder')).toBeVisible();
  await editor.body.getByPlaceholder('rtmp://… (your push address)').fill('rtmp://push.example.com/live/my-key');
  await expect(editor.body.getByTestId('push-url-placeholder')).toHaveCount(0);
  await expect(editor.body.getByTestId('request-rules').locator('li[data-effect="rejected"]')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), editor.body.getByTestId('download-body').click()]);
  expect(download.suggestedFilename()).toBe('start-webinar-mix.json');
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
  expect(saved).toEqual(await editor.shownBody());
  expect(saved['PushURL']).toBe('rtmp://push.example.com/live/my-key');
  expect(isRejected(requestRules(saved, 'start', '2023-06-01'))).toBe(false);
  expect(await editor.regionRows()).not.toEqual(first);

  // Closing keeps the copy in the tab: opening it again brings the edit back.
  await editor.root.getByTestId('editor-close').click();
  await editor.open(page.getByTestId('layout-section'));
  await expect(editor.diff).toContainText('→ 400');
  await expect(editor.root).toContainText('Your earlier edits of this layout were kept');
});

test('a past layout from the timeline is edited as it was then', async ({ page, request }) => {
  test.setTimeout(90_000);
  const live = { appId: 'demo-app', roomId: 'room-live', taskId: 'live-mix', version: '2020-12-01' as const };
  await TimelinePanel.watch(request, pair.mixscope.url, live);
  // The layout before the change must be on record first: the watcher's first poll.
  await expect.poll(async () => (await TimelinePanel.history(request, pair.mixscope.url, live)).observations.length, { timeout: 30_000 }).toBeGreaterThan(0);
  const tl = new TimelinePanel(page);
  await page.goto(`${pair.mixscope.url}/task?appId=demo-app&roomId=room-live&taskId=live-mix`);
  await expect(page.getByTestId('layout-section').first().getByTestId('region-table').locator('tbody tr')).toHaveCount(2);
  // A layout change, made through the API: the guest in a small window over the host.
  const update = await pair.official('UpdatePushMixedStreamToCDN', {
    AppId: 'demo-app', RoomId: 'room-live', TaskId: 'live-mix', IsUpdatePartialParam: true,
    Layout: {
      LayoutMode: 2,
      CustomLayout: {
        Canvas: { Width: 1280, Height: 720 },
        Regions: [
          { StreamIndex: 0, LocationX: 0, LocationY: 0, WidthProportion: 1, HeightProportion: 1 },
          { StreamIndex: 1, LocationX: 0.7, LocationY: 0.7, WidthProportion: 0.25, HeightProportion: 0.25, ZOrder: 1 },
        ],
      },
    },
  });
  expect(update.text).toContain('"Result":"ok"');
  await expect(tl.root).toContainText('1 configuration change', { timeout: 45_000 });
  // The change row's last marker, by keyboard (the whole life may draw both configurations in one pill).
  // Enter on a pill zooms into it; on the change alone it opens it.
  const beforeButton = tl.markerDetail.getByRole('button', { name: 'Before this change' });
  await tl.chart.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 5 && !(await beforeButton.isVisible()); i++) {
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await beforeButton.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  await beforeButton.click();
  await expect(tl.markerRegionRows()).toHaveCount(2);
  const before = await rowsOf(tl.markerDetail.getByTestId('marker-layout').getByTestId('region-table'));

  const editor = new LayoutEditor(page);
  await editor.open(tl.markerDetail);
  await expect(editor.root).toContainText('a past layout');
  expect(await editor.regionRows()).toEqual(before);
  await expect(editor.diff).toContainText('No changes yet');
  await editor.root.getByTestId('region-stack').locator('li[data-region-id="r1"] button').last().click();
  await editor.field('zorder').fill('3');
  await expect(editor.diff.locator('li[data-path="Layout.CustomLayout.Regions[1].ZOrder"]')).toBeVisible();
  const body = await editor.shownBody();
  expect(body).toMatchObject({ AppId: 'demo-app', RoomId: 'room-live', TaskId: 'live-mix' });
  expect(JSON.stringify(body['Layout'])).toContain('"ZOrder":3');

  // A user added comes with a region (Volcengine refuses a stream without one), selected to place;
  // removed, the user takes it along. Each is one undo step.
  const streams = editor.root.getByTestId('streams-panel');
  await streams.getByTestId('new-stream-user').fill('guest-new');
  await streams.getByRole('button', { name: 'Add stream' }).click();
  await expect(editor.regionTable.locator('tbody tr')).toHaveCount(3);
  await expect(editor.transform).toContainText('guest-new');
  await expect(editor.body.getByTestId('request-rules').locator('li[data-effect="rejected"]')).toHaveCount(0);
  await streams.getByRole('button', { name: 'Remove the stream of guest-new' }).click();
  await expect(editor.regionTable.locator('tbody tr')).toHaveCount(2);
  await editor.root.getByTestId('editor-undo').click();
  await expect(editor.regionTable.locator('tbody tr')).toHaveCount(3);
  await editor.root.getByTestId('editor-undo').click();
  await expect(editor.regionTable.locator('tbody tr')).toHaveCount(2);
  await expect(editor.diff.locator('li')).toHaveCount(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the editor (${scheme}) has no serious accessibility violation`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/task?${BROKEN_SEARCH}`);
    const editor = new LayoutEditor(page);
    await editor.open(page.getByTestId('layout-section').first());
    await editor.pick('r2');
    const results = await new AxeBuilder({ page }).include('[data-testid="layout-editor"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);
  });
}

test('the editor in both languages and themes, on a desktop and a phone: nothing runs off the side', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const editor = new LayoutEditor(page);
  for (const size of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    for (const language of ['en', 'zh'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await page.addInitScript((lang) => localStorage.setItem('mixscope.language', lang), language);
        await page.goto(`/task?${BROKEN_SEARCH}`);
        await editor.open(page.getByTestId('layout-section').first());
        await editor.pick('r2');
        await editor.canvas.scrollIntoViewIfNeeded();
        const sideways = await editor.root.evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(sideways, `${size.width} ${language} ${scheme}`).toBeLessThanOrEqual(0);
        const shot = await page.screenshot();
        await testInfo.attach(`editor-${size.width}-${language}-${scheme}.png`, { body: shot, contentType: 'image/png' });
        // The README's pictures of the editor, as readme-screenshots.spec.ts writes the others.
        if (process.env.UPDATE_SCREENSHOTS && size.width === 1280) writeFileSync(`docs/screenshots/editor-${language}-${scheme}.png`, shot);
      }
    }
  }
});
