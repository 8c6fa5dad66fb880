import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures/test.ts';
import { LayoutInspector, HIGHLIGHT_LAYER, SOURCE_FRAME } from './pages/layout-inspector.ts';
import { TaskPage } from './pages/task-page.ts';
import { startVolcenginePair } from './fixtures/volcengine-pair.ts';
import { layoutWarnings } from '../src/shared/layout-warnings.ts';

// The layout inspector against the real server and the embedded simulator's scenarios.
const BROKEN = 'appId=demo-app&roomId=support-ticket-4711&taskId=broken-mix';
const PIXEL = 'appId=demo-app&roomId=room-pixel&taskId=pixel-mix&version=2023-11-01';
const CLASS = 'appId=demo-app&roomId=class-math-101&taskId=class-mix';
const MINIMAL = 'appId=demo-app&roomId=room-minimal&taskId=minimal-mix';
const MISSING_AVATAR = 'cdn.example.com/avatars/missing.png'; // the broken layout's AlternateImage, unreachable on purpose

type Rgb = readonly [number, number, number];
const rgb = (p: readonly number[]): Rgb => [p[0] ?? -1, p[1] ?? -1, p[2] ?? -1];
const hex = (h: string): Rgb => {
  const n = Number.parseInt(h.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const near = (a: Rgb, b: Rgb, tolerance: number) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance);

test('at 1:1 a region covers exactly its rectangle, pixel for pixel', async ({ page, request }) => {
  const model = await TaskPage.fetchModel(request, PIXEL);
  const inspector = new LayoutInspector(page);
  await inspector.open(PIXEL);
  await inspector.button(/Actual size/).click();
  await expect(inspector.zoomLevel).toHaveText('100%');
  await expect(inspector.canvas).toHaveAttribute('data-scale', '1');
  // guest-ivy: x 854, y 0, 426 × 360 in the task; anchor-zoe to its left, guest-max below it.
  const ivy = model.layout.regions.find((r) => r.stream?.userId === 'guest-ivy');
  const zoe = model.layout.regions.find((r) => r.stream?.userId === 'anchor-zoe');
  const max = model.layout.regions.find((r) => r.stream?.userId === 'guest-max');
  expect(ivy?.rect).toEqual({ x: 854, y: 0, width: 426, height: 360 });
  const [ivyRgb, zoeRgb, maxRgb] = await Promise.all([ivy!, zoe!, max!].map((r) => inspector.swatch(r.id)));
  expect(new Set([ivyRgb, zoeRgb, maxRgb].map(String)).size).toBe(3);

  await inspector.bringIntoView(854, 300);
  expect((await inspector.view()).scale).toBe(1);
  expect(rgb(await inspector.pixelAt(854, 300))).toEqual(ivyRgb); // first column of the region
  expect(rgb(await inspector.pixelAt(853, 300))).toEqual(zoeRgb); // last column of its neighbour
  expect(rgb(await inspector.pixelAt(1000, 359))).toEqual(ivyRgb); // last row
  expect(rgb(await inspector.pixelAt(1000, 360))).toEqual(maxRgb); // first row below

  await inspector.bringIntoView(1279, 200);
  expect(rgb(await inspector.pixelAt(1279, 200))).toEqual(ivyRgb); // last column of the canvas
});

test('a translucent region blends over what is below it by its Alpha', async ({ page, request, consoleErrors }) => {
  consoleErrors.allow(MISSING_AVATAR);
  const model = await TaskPage.fetchModel(request, BROKEN);
  const ghost = model.layout.regions.find((r) => r.stream?.userId === 'guest-ghost');
  expect(ghost?.alpha.value).toBe(0.05);
  const inspector = new LayoutInspector(page);
  await inspector.open(BROKEN);
  const fg = await inspector.swatch(ghost!.id);
  const bg = hex(model.layout.canvas.background.value);
  const a = ghost!.alpha.value;
  const expected = rgb(fg.map((c, i) => Math.round(a * c + (1 - a) * (bg[i] ?? 0))));
  // The blend must be told apart from the bare background, or this test could not fail.
  expect(near(expected, bg, 2)).toBe(false);
  // Away from the label in the region's top-left corner.
  const r = ghost!.rect;
  const seen = rgb(await inspector.pixelAt(r.x + r.width * 0.75, r.y + r.height * 0.75));
  expect(near(seen, expected, 2), `saw ${seen.join(',')}, expected ${expected.join(',')} (alpha ${a} of ${fg.join(',')} over ${bg.join(',')})`).toBe(true);
});

test('the source-frame view shows the crop window and what RenderMode does with it', async ({ page, consoleErrors }) => {
  consoleErrors.allow(MISSING_AVATAR);
  const inspector = new LayoutInspector(page);
  await inspector.open(BROKEN);
  // guest-cropped keeps SourceCrop x 0.9, width 0.1: a sliver at the right edge.
  await inspector.table.locator('tbody tr', { hasText: 'guest-cropped' }).click();
  await expect(inspector.detail).toContainText('guest-cropped');
  await expect(inspector.sourceFrame).toHaveAttribute('data-render-kind', 'stretch');
  const frame = await inspector.sourceFrameRect('data-frame');
  const crop = await inspector.sourceFrameRect('data-crop');
  expect(crop.x - frame.x).toBeCloseTo(frame.width * 0.9, 6);
  expect(crop.width).toBeCloseTo(frame.width * 0.1, 6);
  expect(crop.height).toBeCloseTo(frame.height, 6);
  // Inside the window the source frame shows as it is; outside it is darkened.
  const inside = rgb(await inspector.sourceFramePixel(crop.x + crop.width / 2, frame.y + frame.height * 0.1));
  const outside = rgb(await inspector.sourceFramePixel(frame.x + frame.width * 0.1, frame.y + frame.height * 0.1));
  expect(inside).toEqual(hex('#64748b'));
  expect(outside.every((c, i) => c < (inside[i] ?? 0) / 2)).toBe(true);
  await expect(page.getByTestId('source-frame-text')).toContainText('10% of the source frame reaches the viewer');
  await expect(page.getByTestId('source-frame-text')).toContainText('stretched 10× wider than tall');
  // Another aspect changes the drawing, not the crop proportions.
  await page.getByLabel('Assumed source aspect').selectOption('4:3');
  await expect(page.locator(SOURCE_FRAME)).not.toHaveAttribute('data-frame', JSON.stringify(frame));
});

test('hover and selection are linked both ways between the table and the canvas', async ({ page, request }) => {
  const model = await TaskPage.fetchModel(request, CLASS);
  const inspector = new LayoutInspector(page);
  await inspector.open(CLASS);
  const student = model.layout.regions.find((r) => r.stream?.userId === 'stu-chen');
  expect(student).toBeDefined();
  const r = student!.rect;
  // Its left edge: its top edge lies on the teacher's bottom, where the teacher's alignment guide runs once it is picked.
  const edge = { x: r.x, y: r.y + r.height / 2 };
  const highlight = async () => (await inspector.pixelAt(edge.x, edge.y, HIGHLIGHT_LAYER))[3];
  expect(await highlight()).toBe(0);

  // Table to canvas: hovering a row outlines its region.
  await inspector.row(student!.id).hover();
  await expect.poll(highlight).toBeGreaterThan(0);
  await page.mouse.move(0, 0);
  await expect.poll(highlight).toBe(0);

  // Canvas to table: hovering the region marks its row, clicking selects it.
  await inspector.hoverCanvas(r.x + r.width / 2, r.y + r.height / 2);
  await expect(inspector.row(student!.id)).toHaveAttribute('data-hovered', 'true');
  await inspector.clickCanvas(r.x + r.width / 2, r.y + r.height / 2);
  await expect(inspector.row(student!.id)).toHaveAttribute('aria-selected', 'true');
  await expect(inspector.detail).toHaveAttribute('data-region-id', student!.id);
  await expect(page.getByTestId('region-stream')).toContainText('UserId stu-chen');
  await expect(page.getByTestId('region-fields').locator('tr[data-field="ZOrder"]')).toContainText('1');
  await page.mouse.move(0, 0);
  await expect.poll(highlight).toBeGreaterThan(0); // the selection outline stays

  // Table to canvas again: a click on another row moves the selection; keys walk the regions.
  const teacher = model.layout.regions.find((x) => x.stream?.userId === 'teacher-li' && x.stream.streamType.value === 0);
  await inspector.row(teacher!.id).click();
  await expect(inspector.detail).toHaveAttribute('data-region-id', teacher!.id);
  await expect.poll(highlight).toBe(0);
  await inspector.canvas.focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('layout-overview')).toBeVisible();
  await page.keyboard.press(']');
  await expect(inspector.detail).toHaveAttribute('data-region-id', model.layout.regions[0]!.id);
});

test('zoom buttons, keys and Ctrl + wheel zoom; Fit and 1:1 reset', async ({ page }) => {
  const inspector = new LayoutInspector(page);
  await inspector.open(CLASS);
  const fit = await inspector.view();
  expect(fit.scale).toBeGreaterThan(0.2);
  expect(fit.scale).toBeLessThan(1);
  await inspector.button('Zoom in').click();
  expect((await inspector.view()).scale).toBeCloseTo(fit.scale * 1.25, 6);
  await inspector.button(/^Fit/).click();
  expect(await inspector.view()).toEqual(fit);

  // Ctrl + wheel zooms around the pointer: the canvas point under it stays put. The cause banner
  // and the timeline sit above the layout, so bring the canvas into view first.
  await inspector.canvas.scrollIntoViewIfNeeded();
  const box = (await inspector.canvas.boundingBox())!;
  // Whole client pixels: mouse events carry integer coordinates.
  const client = { x: Math.round(box.x + box.width * 0.3), y: Math.round(box.y + box.height * 0.4) };
  const at = { x: client.x - box.x, y: client.y - box.y };
  const before = { x: (at.x - fit.x) / fit.scale, y: (at.y - fit.y) / fit.scale };
  await page.mouse.move(client.x, client.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await inspector.view()).scale).toBeGreaterThan(fit.scale * 1.2);
  const zoomed = await inspector.view();
  expect((at.x - zoomed.x) / zoomed.scale).toBeCloseTo(before.x, 1);
  expect((at.y - zoomed.y) / zoomed.scale).toBeCloseTo(before.y, 1);

  // Keys: 1 is actual size, 0 fits, + zooms in.
  await inspector.canvas.focus();
  await page.keyboard.press('1');
  await expect(inspector.zoomLevel).toHaveText('100%');
  await page.keyboard.press('0');
  expect(await inspector.view()).toEqual(fit);
  await page.keyboard.press('+');
  expect((await inspector.view()).scale).toBeCloseTo(fit.scale * 1.25, 6);
});

test('the broken layout lists its warnings, each with a severity and a fix', async ({ page, request, consoleErrors }) => {
  consoleErrors.allow(MISSING_AVATAR);
  const model = await TaskPage.fetchModel(request, BROKEN);
  const expected = layoutWarnings(model).map((w) => w.code);
  for (const code of ['hiddenFully', 'offCanvasPartly', 'alphaTooLow', 'streamIndexUnmatched']) expect(expected).toContain(code);
  const inspector = new LayoutInspector(page);
  await inspector.open(BROKEN);
  await expect(inspector.warnings.locator('li[data-code]')).toHaveCount(expected.length);
  expect(await inspector.warningCodes()).toEqual(expected);
  const hidden = inspector.warnings.locator('li[data-code="hiddenFully"]');
  await expect(hidden).toHaveAttribute('data-severity', 'error');
  await expect(hidden).toContainText('guest-hidden');
  await expect(hidden).toContainText('→');
  // The avatar that does not load is a note, and the canvas is still drawn.
  await expect(page.getByTestId('image-notes').locator('li[data-image-status="failed"]')).toContainText(MISSING_AVATAR);
  // A warning's region link selects the region, and the detail repeats its warnings.
  await hidden.getByRole('button', { name: /guest-hidden/ }).click();
  await expect(page.getByTestId('region-warnings').locator('li[data-code="hiddenFully"]')).toBeVisible();
  await expect(page.getByTestId('region-visible')).toHaveAttribute('data-visible', '0');
});

test('the crop-away region of the broken layout is warned, in the list and in its detail alike', async ({ page, consoleErrors }) => {
  consoleErrors.allow(MISSING_AVATAR);
  const inspector = new LayoutInspector(page);
  await inspector.open(BROKEN);
  const croppedAway = inspector.warnings.locator('li[data-code="sourceCroppedAway"]');
  await expect(croppedAway).toBeVisible();
  await expect(croppedAway).toContainText('guest-cropped');
  await expect(croppedAway).toContainText('Only 10%');
  await expect(inspector.warnings.locator('li[data-code="sourceStretched"]', { hasText: 'guest-cropped' })).toHaveCount(1);
  // Every item is on the page: no box that scrolls some of them out of sight.
  const list = await inspector.warnings.evaluate((el) => ({ overflow: getComputedStyle(el).overflowY, clipped: el.scrollHeight > el.clientHeight + 1 }));
  expect(list).toEqual({ overflow: 'visible', clipped: false });
  // A long list is grouped by severity; errors and warnings open, each item visible in them.
  await expect(inspector.warnings.locator('details[data-severity-group="error"]')).toHaveAttribute('open', '');
  // The region link selects it; its detail repeats the warning and marks the same line.
  await croppedAway.getByRole('button', { name: /guest-cropped/ }).click();
  await expect(page.getByTestId('region-warnings').locator('li[data-code="sourceCroppedAway"]')).toBeVisible();
  await expect(page.getByTestId('source-frame-text')).toContainText('⚠');
});

test('a layout that is not custom is marked approximate', async ({ page }) => {
  const inspector = new LayoutInspector(page);
  // The simulator's minimal task: adaptive layout (the default), TargetStreams empty.
  await page.goto(`/task?${MINIMAL}`);
  await expect(page.getByTestId('approximate-note')).toContainText('Approximation of the Adaptive template');
  await expect(page.getByText('so the template cannot be drawn')).toBeVisible();

  // A vertical layout over four streams, started through the API of an endpoint of its own and
  // read back by a server in volcengine mode, as a customer's backend would leave it.
  test.slow(); // two servers start first
  const pair = await startVolcenginePair();
  try {
    const room = `e2e-vertical-${Date.now().toString(36)}`;
    const started = await pair.official('StartPushMixedStreamToCDN', {
      AppId: 'demo-app', RoomId: room, TaskId: 'vertical-mix', PushURL: 'rtmp://push.example.com/live/vertical',
      Encode: { VideoWidth: 1280, VideoHeight: 720 },
      TargetStreams: { StreamList: ['host', 'a', 'b', 'c'].map((u) => ({ UserId: u })) },
      Layout: { LayoutMode: 1, MainVideoStream: { UserId: 'host' } },
    });
    expect(started.status).toBe(200);
    await page.goto(`${pair.mixscope.url}/task?appId=demo-app&roomId=${room}&taskId=vertical-mix`);
    await expect(page.getByTestId('approximate-note')).toContainText('Approximation of the Vertical template');
    await expect(inspector.table.locator('tbody tr')).toHaveCount(4);
    await inspector.row('t0').click();
    await expect(page.getByTestId('region-fields').locator('tr[data-field="LocationX"]')).toContainText('template');
    await expect(inspector.warnings.locator('li[data-code="approximateLayout"]')).toHaveCount(1);
  } finally {
    // Leave the page first: its polls would otherwise hit the stopped server and log errors.
    await page.goto('about:blank');
    await pair.stop();
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the region detail, source frame and spatial map have no serious accessibility violation (${scheme})`, async ({ page, consoleErrors }) => {
    consoleErrors.allow(MISSING_AVATAR);
    await page.emulateMedia({ colorScheme: scheme });
    const inspector = new LayoutInspector(page);
    await inspector.open(BROKEN);
    await inspector.table.locator('tbody tr', { hasText: 'guest-cropped' }).click();
    await page.getByLabel('Spatial positions').check();
    await expect(page.getByTestId('spatial-map')).toBeVisible();
    await expect(inspector.sourceFrame).toBeVisible();
    const results = await new AxeBuilder({ page }).include('[data-testid="layout-section"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);
  });
}
