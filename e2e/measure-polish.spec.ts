import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { LayoutInspector, type PanelRect } from './pages/layout-inspector.ts';
import { TaskPage } from './pages/task-page.ts';

// Rulers, labels and guides on the layout canvas, read from what was drawn: the Konva stage's own
// nodes (each region label is a group named scene-label) and the rulers' elements on the page.
// The embedded simulator's broken layout (1280 × 720) has a region that runs off the canvas, one
// wholly under an opaque one, and regions too small for their labels at the fitted zoom.
const BROKEN = 'appId=demo-app&roomId=support-ticket-4711&taskId=broken-mix';
const MISSING_AVATAR = 'cdn.example.com/avatars/missing.png';

interface DrawnLabel extends PanelRect {
  id: string;
  text: string;
}

/** The stage's size and every label drawn on it, in CSS pixels from the stage's top-left. */
async function drawnLabels(page: Page): Promise<{ width: number; height: number; labels: DrawnLabel[] }> {
  return page.evaluate(() => {
    interface Node { id(): string; getClientRect(o: { skipStroke: boolean }): { x: number; y: number; width: number; height: number }; findOne(s: string): { text(): string } | undefined }
    interface Stage { container(): HTMLElement; width(): number; height(): number; find(s: string): Node[] }
    const konva = (window as unknown as { Konva?: { stages: Stage[] } }).Konva;
    const root = document.querySelector('[data-testid="layout-canvas"]');
    const stage = konva?.stages.find((s) => root?.contains(s.container()));
    if (!stage) throw new Error('no Konva stage in the layout canvas');
    const labels = stage.find('.scene-label').map((n) => ({ id: n.id().replace(/^label:/, ''), text: n.findOne('Text')?.text() ?? '', ...n.getClientRect({ skipStroke: true }) }));
    return { width: stage.width(), height: stage.height(), labels };
  });
}

const clip = (a: PanelRect, b: PanelRect): PanelRect => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.min(a.x + a.width, b.x + b.width) - x, height: Math.min(a.y + a.height, b.y + b.height) - y };
};
const intersects = (a: PanelRect, b: PanelRect) => Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);

/** Every region in view has one label, whole, on the stage; returns them. */
async function expectLabelsWholeOnStage(page: Page, inspector: LayoutInspector, regions: readonly { id: string; rect: PanelRect }[]): Promise<DrawnLabel[]> {
  const { width, height, labels } = await drawnLabels(page);
  const eps = 0.01;
  for (const l of labels) {
    expect(l.x, `${l.text} from the left edge`).toBeGreaterThanOrEqual(-eps);
    expect(l.y, `${l.text} from the top edge`).toBeGreaterThanOrEqual(-eps);
    expect(l.x + l.width, `${l.text} to the right edge`).toBeLessThanOrEqual(width + eps);
    expect(l.y + l.height, `${l.text} to the bottom edge`).toBeLessThanOrEqual(height + eps);
    expect(l.text, 'a label is never cut short').not.toMatch(/…$/);
  }
  const view = await inspector.view();
  const stage = { x: -view.x / view.scale, y: -view.y / view.scale, width: width / view.scale, height: height / view.scale };
  const canvas = { x: 0, y: 0, width: 1280, height: 720 };
  // A region is named by its part on the canvas, or by its outline when it lies wholly off it.
  const named = (r: PanelRect) => (intersects(r, canvas) ? clip(r, canvas) : r);
  const inView = regions.filter((r) => r.rect.width > 0 && r.rect.height > 0 && intersects(named(r.rect), stage)).map((r) => r.id);
  expect(labels.map((l) => l.id).sort()).toEqual([...inView].sort());
  return labels;
}

test('the rulers sit in a gutter beside the picture, and every label is whole on the stage as it zooms and pans', async ({ page, request, consoleErrors }) => {
  consoleErrors.allow(MISSING_AVATAR);
  const model = await TaskPage.fetchModel(request, BROKEN);
  const regions = model.layout.regions.map((r) => ({ id: r.id, rect: r.rect }));
  const inspector = new LayoutInspector(page);
  await inspector.open(BROKEN);
  const fitted = await expectLabelsWholeOnStage(page, inspector, regions);
  // The region wholly under the opaque one is named too (⊘ marks it hidden).
  expect(fitted.some((l) => l.text.includes('⊘'))).toBe(true);

  await page.getByRole('checkbox', { name: 'Rulers (output pixels)' }).check();
  await expect(inspector.canvas).toHaveAttribute('data-rulers', 'true');
  const [canvasBox, top, left] = await Promise.all([inspector.canvas.boundingBox(), page.getByTestId('ruler-x').boundingBox(), page.getByTestId('ruler-y').boundingBox()]);
  if (!canvasBox || !top || !left) throw new Error('the canvas or a ruler is not on the page');
  expect(intersects(top, canvasBox)).toBe(false);
  expect(intersects(left, canvasBox)).toBe(false);
  // Lined up with the picture: the top ruler spans its width right above it, the left one its height.
  expect(top.x).toBeCloseTo(canvasBox.x, 0);
  expect(top.width).toBeCloseTo(canvasBox.width, 0);
  expect(left.y).toBeCloseTo(canvasBox.y, 0);
  expect(left.height).toBeCloseTo(canvasBox.height, 0);
  // Each ruler's figures are output pixels: 0 at the canvas's edge, at the fitted zoom.
  await expect(page.getByTestId('ruler-x').locator('text').first()).toHaveText('0');
  const withRulers = await expectLabelsWholeOnStage(page, inspector, regions);
  for (const l of withRulers) {
    const onPage = { ...l, x: l.x + canvasBox.x, y: l.y + canvasBox.y };
    expect(intersects(onPage, top) || intersects(onPage, left), `${l.text} is clear of the rulers`).toBe(false);
  }

  // Zoomed in and moved so the small region near the right edge is in the middle, then to the corner.
  await inspector.canvas.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect.poll(async () => (await inspector.view()).scale).toBeGreaterThan(canvasBox.width / 1280 * 2);
  await inspector.bringIntoView(1000, 60);
  await expectLabelsWholeOnStage(page, inspector, regions);
  await inspector.bringIntoView(1280, 720);
  await expectLabelsWholeOnStage(page, inspector, regions);
});

/** The alignment guides drawn on the stage: axis, where (output pixels) and the screen length. */
async function drawnGuides(page: Page): Promise<{ axis: string; at: number; length: number }[]> {
  return page.evaluate(() => {
    interface Node { getAttr(k: string): unknown; getClientRect(): { width: number; height: number } }
    interface Stage { container(): HTMLElement; find(s: string): Node[] }
    const konva = (window as unknown as { Konva?: { stages: Stage[] } }).Konva;
    const root = document.querySelector('[data-testid="layout-canvas"]');
    const stage = konva?.stages.find((s) => root?.contains(s.container()));
    if (!stage) throw new Error('no Konva stage in the layout canvas');
    return stage.find('.scene-guide').map((n) => {
      const axis = String(n.getAttr('axis'));
      const box = n.getClientRect();
      return { axis, at: Number(n.getAttr('at')), length: axis === 'x' ? box.height : box.width };
    });
  });
}

test('alignment guides show what the picked region lines up with', async ({ page, request, consoleErrors }) => {
  consoleErrors.allow(MISSING_AVATAR);
  const model = await TaskPage.fetchModel(request, BROKEN);
  // Region 4 (700, 40, 320 × 180) and region 3 (700, 400, 320 × 180) share left edges, centres and right edges.
  const top = model.layout.regions.find((r) => r.rect.x === 700 && r.rect.y === 40);
  const below = model.layout.regions.find((r) => r.rect.x === 700 && r.rect.y === 400);
  if (!top || !below) throw new Error('the broken layout has no regions at (700, 40) and (700, 400)');
  const inspector = new LayoutInspector(page);
  await inspector.open(BROKEN);
  expect(await drawnGuides(page)).toEqual([]);
  await page.getByTestId('region-stack').locator(`li[data-region-id="${top.id}"] button`).last().click();
  await expect(inspector.detail).toHaveAttribute('data-region-id', top.id);
  await expect.poll(async () => (await drawnGuides(page)).filter((g) => g.axis === 'x').map((g) => g.at)).toEqual([700, 860, 1020]);
  // Each runs from the top of one to the bottom of the other: 40 to 580 output pixels.
  const { scale } = await inspector.view();
  for (const g of (await drawnGuides(page)).filter((x) => x.axis === 'x')) expect(g.length).toBeGreaterThanOrEqual(540 * scale - 1);
  // Hidden, region 3 lines up with nothing: its guides go.
  await page.getByTestId('region-stack').locator(`li[data-region-id="${below.id}"] button`).first().click();
  await expect.poll(async () => (await drawnGuides(page)).filter((g) => g.axis === 'x').map((g) => g.at)).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'zh'] as const) {
    for (const size of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
      test(`screenshot: rulers, labels and guides, ${scheme}, ${lang}, ${size.width} px`, async ({ page, request, consoleErrors }, testInfo) => {
        consoleErrors.allow(MISSING_AVATAR);
        const model = await TaskPage.fetchModel(request, BROKEN);
        const cropped = model.layout.regions.find((r) => r.rect.x === 700 && r.rect.y === 40);
        if (!cropped) throw new Error('the broken layout has no region at (700, 40)');
        if (lang === 'zh') await page.addInitScript(() => localStorage.setItem('mixscope.language', 'zh'));
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        const inspector = new LayoutInspector(page);
        await inspector.open(BROKEN);
        await page.getByRole('checkbox', { name: lang === 'zh' ? '标尺（输出像素）' : 'Rulers (output pixels)' }).check();
        await page.getByTestId('region-stack').locator(`li[data-region-id="${cropped.id}"] button`).last().click();
        await expect(inspector.detail).toHaveAttribute('data-region-id', cropped.id);
        const frame = inspector.canvas.locator('xpath=..');
        await frame.scrollIntoViewIfNeeded();
        const box = await frame.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= size.width, 'the canvas and its rulers fit the screen').toBe(true);
        await frame.screenshot({ path: testInfo.outputPath(`measure-polish-${scheme}-${lang}-${size.width}.png`) });
      });
    }
  }
}
