import { test, expect } from './fixtures/test.ts';
import { HIGHLIGHT_LAYER, LayoutInspector } from './pages/layout-inspector.ts';
import { TaskPage } from './pages/task-page.ts';

// Measuring on the layout canvas, against the real server and the embedded simulator's broken
// layout (1280 × 720): region 0 covers the left half opaquely at ZOrder 5, region 2 lies wholly
// under it, region 4 (700, 40, 320 × 180) has region 0 to its left, region 1 (from x 1024) to its
// right and region 3 (from y 400) below it.
const BROKEN = 'appId=demo-app&roomId=support-ticket-4711&taskId=broken-mix';
const MISSING_AVATAR = 'cdn.example.com/avatars/missing.png';

const rectOf = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

async function brokenRegions(request: Parameters<typeof TaskPage.fetchModel>[0]) {
  const model = await TaskPage.fetchModel(request, BROKEN);
  const find = (r: ReturnType<typeof rectOf>) => {
    const region = model.layout.regions.find((x) => JSON.stringify(x.rect) === JSON.stringify(r));
    if (!region) throw new Error(`the broken layout has no region at ${JSON.stringify(r)}`);
    return region;
  };
  return {
    cover: find(rectOf(0, 0, 640, 720)),
    right: find(rectOf(1024, 72, 640, 360)),
    under: find(rectOf(64, 72, 384, 288)),
    below: find(rectOf(700, 400, 320, 180)),
    cropped: find(rectOf(700, 40, 320, 180)),
  };
}

test('the selected region is measured to its neighbours and the canvas edge, in output pixels', async ({ page, request, consoleErrors }) => {
  consoleErrors.allow(MISSING_AVATAR);
  const r = await brokenRegions(request);
  const inspector = new LayoutInspector(page);
  await inspector.open(BROKEN);
  // On the left measuring line (x 640 to 700, level with the middle of what both share: y 130).
  const onLine = async () => (await inspector.pixelAt(645, 130, HIGHLIGHT_LAYER))[3];
  expect(await onLine()).toBe(0);

  await page.getByTestId('region-stack').locator(`li[data-region-id="${r.cropped.id}"] button`).last().click();
  await expect(inspector.detail).toHaveAttribute('data-region-id', r.cropped.id);
  const readout = page.getByTestId('spacing-readout');
  const side = (s: string) => readout.locator(`[data-side="${s}"]`);
  await expect(side('left')).toHaveAttribute('data-length', '60');
  await expect(side('left')).toHaveAttribute('data-target', r.cover.id);
  await expect(side('right')).toHaveAttribute('data-length', '4');
  await expect(side('right')).toHaveAttribute('data-target', r.right.id);
  await expect(side('top')).toHaveAttribute('data-length', '40');
  await expect(side('top')).toHaveAttribute('data-target', 'canvas');
  await expect(side('bottom')).toHaveAttribute('data-length', '180');
  await expect(side('bottom')).toHaveAttribute('data-target', r.below.id);
  await expect(side('top')).toContainText('40 px to the canvas edge');
  await expect.poll(onLine).toBeGreaterThan(0);

  // The pointer's position in output pixels and proportions.
  // One screen pixel is more than one output pixel at this zoom: the figures are near, not exact.
  await inspector.hoverCanvas(320, 180);
  const pointer = page.getByTestId('pointer-readout');
  await expect.poll(async () => Math.abs(Number(await pointer.getAttribute('data-x')) - 320)).toBeLessThanOrEqual(2);
  expect(Math.abs(Number(await pointer.getAttribute('data-y')) - 180)).toBeLessThanOrEqual(2);
  await expect(pointer).toContainText(/at \d+, \d+ px · 2[45](\.\d)? %, 2[45](\.\d)? %/);

  // Rulers in output pixels, on request, in a gutter beside the picture (measure-polish.spec.ts checks where).
  await page.getByRole('checkbox', { name: 'Rulers (output pixels)' }).check();
  await expect(inspector.canvas).toHaveAttribute('data-rulers', 'true');
  await expect(page.getByTestId('ruler-x')).toBeVisible();
  await expect(page.getByTestId('ruler-y')).toBeVisible();

  // Hiding the left neighbour measures past it, to the canvas edge.
  await page.getByTestId('region-stack').locator(`li[data-region-id="${r.cover.id}"] button`).first().click();
  await expect(side('left')).toHaveAttribute('data-length', '252'); // region 2 ends at x 448
  await expect(side('left')).toHaveAttribute('data-target', r.under.id);
});

test('the eye hides a region to show the one under it, and the lock lets clicks pass through', async ({ page, request, consoleErrors }) => {
  consoleErrors.allow(MISSING_AVATAR);
  const r = await brokenRegions(request);
  const inspector = new LayoutInspector(page);
  await inspector.open(BROKEN);
  const [coverRgb, underRgb] = await Promise.all([inspector.swatch(r.cover.id), inspector.swatch(r.under.id)]);
  expect(coverRgb).not.toEqual(underRgb);
  const pixel = async () => (await inspector.pixelAt(200, 200)).slice(0, 3);
  await expect.poll(pixel).toEqual(coverRgb);

  // Top first: region 0 (ZOrder 5) heads the list.
  const stack = page.getByTestId('region-stack');
  await expect(stack.locator('li').first()).toHaveAttribute('data-region-id', r.cover.id);
  const eye = stack.locator(`li[data-region-id="${r.cover.id}"] button`).first();
  await expect(eye).toHaveAttribute('aria-pressed', 'true');
  await eye.focus();
  await page.keyboard.press('Enter');
  await expect(eye).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(pixel).toEqual(underRgb);

  // A click there now picks the region that was under it; locked, the click passes through it too.
  await inspector.clickCanvas(200, 200);
  await expect(inspector.detail).toHaveAttribute('data-region-id', r.under.id);
  await page.keyboard.press('Escape');
  const lock = stack.locator(`li[data-region-id="${r.under.id}"] button`).nth(1);
  await lock.focus();
  await page.keyboard.press('Space');
  await expect(lock).toHaveAttribute('aria-pressed', 'true');
  await inspector.clickCanvas(200, 200);
  await expect(page.getByTestId('layout-overview')).toBeVisible();

  // Shown again, region 0 covers it as before.
  await eye.click();
  await expect.poll(pixel).toEqual(coverRgb);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 390]) {
    test(`screenshot: measuring and the z-order list, ${scheme}, ${width} px`, async ({ page, request, consoleErrors }, testInfo) => {
      consoleErrors.allow(MISSING_AVATAR);
      const r = await brokenRegions(request);
      await page.setViewportSize({ width, height: 720 });
      await page.emulateMedia({ colorScheme: scheme });
      const inspector = new LayoutInspector(page);
      await inspector.open(BROKEN);
      await page.getByTestId('region-stack').locator(`li[data-region-id="${r.cropped.id}"] button`).last().click();
      await expect(page.getByTestId('spacing-readout')).toBeVisible();
      await page.getByRole('checkbox', { name: 'Rulers (output pixels)' }).check();
      // What this adds stays within the screen, and each toggle is a 44 px target on a phone.
      for (const id of ['region-stack', 'spacing-readout', 'pointer-readout']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width, `${id} fits ${width} px`).toBe(true);
      }
      if (width < 640) {
        const box = await page.getByTestId('region-stack').locator('li button').first().boundingBox();
        expect(box?.width).toBeGreaterThanOrEqual(44);
        expect(box?.height).toBeGreaterThanOrEqual(44);
      }
      await inspector.canvas.scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`measure-${scheme}-${width}.png`), fullPage: width === 1280 });
    });
  }
}
