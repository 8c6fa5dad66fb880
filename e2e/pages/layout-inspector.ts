import { expect, type Locator, type Page } from '@playwright/test';
import { readCanvasPixel, type Rgba } from '../fixtures/test.ts';

export const CANVAS = '[data-testid="layout-canvas"]';
export const SOURCE_FRAME = '[data-testid="source-frame"]';
/** The Konva layers of the canvas, bottom first: background, regions, overlays, highlight. */
export const HIGHLIGHT_LAYER = 3;

export interface ViewState {
  scale: number;
  x: number;
  y: number;
}

export interface PanelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The layout inspector of the task page: canvas with its toolbar, region table, detail and source frame. */
export class LayoutInspector {
  readonly page: Page;
  readonly canvas: Locator;
  readonly table: Locator;
  readonly detail: Locator;
  readonly warnings: Locator;
  readonly zoomLevel: Locator;
  readonly sourceFrame: Locator;

  constructor(page: Page) {
    this.page = page;
    this.canvas = page.getByTestId('layout-canvas');
    this.table = page.getByTestId('region-table');
    this.detail = page.getByTestId('region-detail');
    this.warnings = page.getByTestId('warning-list');
    this.zoomLevel = page.getByTestId('zoom-level');
    this.sourceFrame = page.getByTestId('source-frame');
  }

  async open(search: string): Promise<void> {
    await this.page.goto(`/task?${search}`);
    await this.table.locator('tbody tr').first().waitFor();
    // The canvas measures its width after the first render: until then the view is not fitted.
    await expect.poll(async () => {
      const [view, box, width] = await Promise.all([this.view(), this.canvas.boundingBox(), this.canvas.getAttribute('data-canvas-width')]);
      return box !== null && box.width > 0 && view.scale * Number(width) <= box.width + 1;
    }).toBe(true);
  }

  row(regionId: string): Locator {
    return this.table.locator(`tr[data-region-id="${regionId}"]`);
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('toolbar', { name: 'Canvas view' }).getByRole('button', { name });
  }

  async view(): Promise<ViewState> {
    const [scale, x, y] = await Promise.all(['data-scale', 'data-view-x', 'data-view-y'].map((a) => this.canvas.getAttribute(a)));
    return { scale: Number(scale), x: Number(x), y: Number(y) };
  }

  /** Where a canvas point is on the screen, relative to the canvas element. */
  async toScreen(x: number, y: number): Promise<{ x: number; y: number }> {
    const v = await this.view();
    return { x: x * v.scale + v.x, y: y * v.scale + v.y };
  }

  /** The composited pixel at a point of the output canvas, in output-canvas pixels. */
  async pixelAt(x: number, y: number, layer?: number): Promise<Rgba> {
    const p = await this.toScreen(x, y);
    return readCanvasPixel(this.page, CANVAS, p.x, p.y, layer === undefined ? {} : { layer });
  }

  /** Moves the mouse over a canvas point (hover), in output-canvas pixels. */
  async hoverCanvas(x: number, y: number): Promise<void> {
    await this.canvas.scrollIntoViewIfNeeded();
    const p = await this.toScreen(x, y);
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not on the screen');
    await this.page.mouse.move(box.x + p.x, box.y + p.y);
  }

  async clickCanvas(x: number, y: number): Promise<void> {
    await this.hoverCanvas(x, y);
    await this.page.mouse.down();
    await this.page.mouse.up();
  }

  /** Drags the canvas so that canvas point (x, y) comes to the middle of the view, then moves the mouse away. */
  async bringIntoView(x: number, y: number): Promise<void> {
    await this.canvas.scrollIntoViewIfNeeded();
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not on the screen');
    const p = await this.toScreen(x, y);
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + (box.width / 2 - p.x), start.y + (box.height / 2 - p.y), { steps: 4 });
    await this.page.mouse.up();
    await this.page.mouse.move(0, 0);
  }

  /** The CSS colour of a region's swatch in the table, as [r, g, b]. */
  async swatch(regionId: string): Promise<[number, number, number]> {
    const css = await this.row(regionId).locator('span[aria-hidden="true"]').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r = 0, g = 0, b = 0] = (css.match(/\d+/g) ?? []).map(Number);
    return [r, g, b];
  }

  async sourceFrameRect(attribute: 'data-frame' | 'data-crop' | 'data-content'): Promise<PanelRect> {
    const text = await this.sourceFrame.getAttribute(attribute);
    const value: unknown = JSON.parse(text ?? 'null');
    if (value === null || typeof value !== 'object') throw new Error(`${attribute} is not a rectangle`);
    const fields = new Map<string, unknown>(Object.entries(value));
    const read = (k: string) => {
      const v = fields.get(k);
      if (typeof v !== 'number') throw new Error(`${attribute}.${k} is not a number`);
      return v;
    };
    return { x: read('x'), y: read('y'), width: read('width'), height: read('height') };
  }

  async sourceFramePixel(x: number, y: number): Promise<Rgba> {
    return readCanvasPixel(this.page, SOURCE_FRAME, x, y);
  }

  warningCodes(): Promise<string[]> {
    return this.warnings.locator('li[data-code]').evaluateAll((items) => items.map((i) => i.getAttribute('data-code') ?? ''));
  }
}
