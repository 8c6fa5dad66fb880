import { expect, type Locator, type Page } from '@playwright/test';

export interface CanvasPoint {
  x: number;
  y: number;
}

/** The what-if layout editor, opened from "Edit a copy" and driven as a person does. */
export class LayoutEditor {
  readonly page: Page;
  readonly root: Locator;
  readonly canvas: Locator;
  readonly warnings: Locator;
  readonly regionTable: Locator;
  readonly transform: Locator;
  readonly body: Locator;
  readonly bodyJson: Locator;
  readonly diff: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('layout-editor');
    this.canvas = this.root.getByTestId('editor-canvas');
    this.warnings = this.root.getByTestId('editor-warnings');
    this.regionTable = this.root.getByTestId('editor-region-table');
    this.transform = this.root.getByTestId('transform-panel');
    this.body = this.root.getByTestId('request-body');
    this.bodyJson = this.root.getByTestId('body-json');
    this.diff = this.root.getByTestId('edit-diff');
  }

  /** Presses "Edit a copy" in `scope` (a layout section) and waits for the canvas to be drawn. */
  async open(scope: Locator | Page = this.page): Promise<void> {
    await scope.getByTestId('edit-copy').first().click();
    await expect(this.root).toBeVisible();
    await expect.poll(async () => Number(await this.canvas.getAttribute('data-scale'))).toBeGreaterThan(0);
  }

  /** The warnings of the copy with this code, about the region named `label` when given. */
  warning(code: string, label?: string): Locator {
    const items = this.warnings.locator(`li[data-code="${code}"]`);
    return label ? items.filter({ has: this.page.getByRole('button', { name: label, exact: true }) }) : items;
  }

  /** Picks a region in the z-order list (the way to reach one hidden under another). */
  async pick(regionId: string): Promise<void> {
    await this.root.getByTestId('region-stack').locator(`li[data-region-id="${regionId}"] button`).last().click();
    await expect(this.transform).toHaveAttribute('data-region-id', regionId);
  }

  field(name: string): Locator {
    return this.root.getByTestId(`field-${name}`);
  }

  /** Where a canvas pixel is on the screen, as the editor draws it now. */
  async screenPoint(p: CanvasPoint): Promise<CanvasPoint> {
    const [scale, vx, vy, box] = await Promise.all([
      this.canvas.getAttribute('data-scale'), this.canvas.getAttribute('data-view-x'), this.canvas.getAttribute('data-view-y'), this.canvas.boundingBox(),
    ]);
    if (!box) throw new Error('the editor canvas is not on the screen');
    return { x: box.x + Number(vx) + p.x * Number(scale), y: box.y + Number(vy) + p.y * Number(scale) };
  }

  /** A mouse drag on the canvas from one canvas pixel to another, in small steps as a hand moves. */
  async drag(from: CanvasPoint, to: CanvasPoint, options: { alt?: boolean } = {}): Promise<void> {
    await this.canvas.scrollIntoViewIfNeeded();
    const a = await this.screenPoint(from);
    const b = await this.screenPoint(to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    if (options.alt) await this.page.keyboard.down('Alt');
    await this.page.mouse.move(b.x, b.y, { steps: 12 });
    await this.page.mouse.up();
    if (options.alt) await this.page.keyboard.up('Alt');
  }

  /** The copy's region table, row by row (StreamIndex, user, type, x, y, width, height, …), as shown. */
  async regionRows(): Promise<string[][]> {
    return this.regionTable.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td, th')).map((c) => (c.textContent ?? '').trim())));
  }

  /** The request body on the screen, parsed. */
  async shownBody(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.bodyJson.textContent()) ?? '') as Record<string, unknown>;
  }
}
