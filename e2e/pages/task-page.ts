import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { buildTaskModel, type TaskModel } from '../../src/shared/task-model.ts';
import { TaskResponseSchema } from '../../src/shared/mixscope-api.ts';

/** The task page: summary, canvas, region table, warnings. */
export class TaskPage {
  readonly page: Page;
  readonly status: Locator;
  readonly pushState: Locator;
  readonly stopReason: Locator;
  readonly canvas: Locator;
  readonly regionTable: Locator;
  readonly errorPanel: Locator;

  constructor(page: Page) {
    this.page = page;
    this.status = page.getByTestId('task-status');
    this.pushState = page.getByTestId('push-state');
    this.stopReason = page.getByTestId('stop-reason');
    this.canvas = page.getByTestId('layout-canvas');
    this.regionTable = page.getByTestId('region-table');
    this.errorPanel = page.getByTestId('error-panel');
  }

  async open(search: string): Promise<void> {
    await this.page.goto(`/task?${search}`);
  }

  /**
   * Screen pixels per canvas pixel, as the page drew it. The canvas measures its width after it
   * mounts (its code may load on demand), so wait until the view fits the element.
   */
  async scale(): Promise<number> {
    await expect.poll(async () => {
      const [scale, width, box] = await Promise.all([this.canvas.getAttribute('data-scale'), this.canvas.getAttribute('data-canvas-width'), this.canvas.boundingBox()]);
      return box !== null && box.width > 0 && Number(scale) > 0 && Number(scale) * Number(width) <= box.width + 1;
    }).toBe(true);
    return Number(await this.canvas.getAttribute('data-scale'));
  }

  /** Region rows of the table in the order shown. */
  regionRows(): Locator {
    return this.regionTable.locator('tbody tr');
  }

  /** What the server says about the task, read through the same shared model as the page. */
  static async fetchModel(request: APIRequestContext, search: string): Promise<TaskModel> {
    const res = await request.get(`/api/task?${search}`);
    if (!res.ok()) throw new Error(`/api/task answered ${res.status()}`);
    const body = TaskResponseSchema.parse(await res.json());
    return buildTaskModel(body.task, body.ref.version);
  }
}
