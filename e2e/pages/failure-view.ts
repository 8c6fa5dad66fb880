import type { Locator, Page } from '@playwright/test';

/** What the task page shows: loading, an error card, the task, or something else (a form). */
export type PageState = 'loading' | 'error' | 'task' | 'other';

/**
 * The task page's failure states: the error card (no data yet), the stale banner (beside the last
 * good view), the attempt and the countdown to the next try, and a record of every state the
 * page went through, taken by a MutationObserver on each DOM change, so a flicker between two
 * checks of a test is caught too.
 */
export class FailureView {
  readonly errorPanel: Locator;
  readonly staleBanner: Locator;
  readonly loading: Locator;
  readonly attempt: Locator;
  readonly next: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.errorPanel = page.getByTestId('error-panel');
    this.staleBanner = page.getByTestId('stale-banner');
    this.loading = page.getByTestId('task-loading');
    this.attempt = page.getByTestId('retry-attempt');
    this.next = page.getByTestId('retry-next');
    this.status = page.getByTestId('task-status');
  }

  /** Call before the first goto: records each change of state from the first DOM on. */
  async recordStates(): Promise<void> {
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      const state = () => {
        if (document.querySelector('[data-testid="error-panel"]')) return 'error';
        if (document.querySelector('[data-testid="task-loading"]')) return 'loading';
        if (document.querySelector('[data-testid="task-status"]')) return 'task';
        return 'other';
      };
      new MutationObserver(() => {
        const now = state();
        if (seen.at(-1) !== now) seen.push(now);
      }).observe(document, { childList: true, subtree: true });
      (window as unknown as { taskStates: string[] }).taskStates = seen;
    });
  }

  /** Every state the page went through, in order, one entry per change. */
  states(): Promise<PageState[]> {
    return this.page.evaluate(() => (window as unknown as { taskStates: PageState[] }).taskStates);
  }
}
