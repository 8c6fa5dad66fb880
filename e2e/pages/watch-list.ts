import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { WatchListResponseSchema, type WatchListResponse } from '../../src/shared/history-api.ts';

/** The watch list page (/watch). */
export class WatchListPage {
  readonly page: Page;
  readonly rows: Locator;
  readonly counts: Locator;
  readonly empty: Locator;
  readonly undo: Locator;
  readonly pause: Locator;
  readonly interval: Locator;
  readonly timeMode: Locator;

  constructor(page: Page) {
    this.page = page;
    this.rows = page.getByTestId('watch-row');
    this.counts = page.getByTestId('watch-counts');
    this.empty = page.getByTestId('watch-empty');
    this.undo = page.getByTestId('watch-undo');
    this.pause = page.getByRole('button', { name: /live updates/ });
    this.interval = page.getByLabel('Refresh every');
    this.timeMode = page.getByTestId('time-mode');
  }

  async open(): Promise<void> {
    await this.page.goto('/watch');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name }) });
  }

  /** The attention of each row, top to bottom. */
  async attentions(): Promise<string[]> {
    return this.rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-attention') ?? ''));
  }

  static async list(request: APIRequestContext): Promise<WatchListResponse> {
    return WatchListResponseSchema.parse(await (await request.get('/api/watch')).json());
  }

  /** Empties the shared list (this spec's server is shared by the whole run; only this spec watches on it). */
  static async clear(request: APIRequestContext): Promise<void> {
    for (const t of (await WatchListPage.list(request)).tasks) await request.delete(`/api/watch?${new URLSearchParams({ key: t.key })}`);
  }
}
