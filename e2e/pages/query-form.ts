import { expect, type Locator, type Page } from '@playwright/test';

/** The query form, driven the way a person fills it in. */
export class QueryFormPage {
  readonly page: Page;
  readonly submit: Locator;

  constructor(page: Page) {
    this.page = page;
    this.submit = page.getByRole('button', { name: 'Open task' });
  }

  field(name: 'AppId' | 'RoomId' | 'TaskId' | 'UserId'): Locator {
    return this.page.getByLabel(name, { exact: false }).and(this.page.getByRole('textbox'));
  }

  /** On the demo's home page the form sits behind "Open a task by its IDs": opens it when closed. */
  async reveal(): Promise<void> {
    const disclosure = this.page.getByTestId('query-disclosure');
    // Whichever the page shows first: the closed disclosure (demo) or the form itself (with keys, or a task's error page).
    await expect(disclosure.or(this.page.getByRole('textbox', { name: /^AppId/ })).first()).toBeVisible();
    if ((await disclosure.count()) > 0 && !(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open))) await disclosure.locator('summary').click();
  }

  async fill(values: Partial<Record<'AppId' | 'RoomId' | 'TaskId' | 'UserId', string>>): Promise<void> {
    await this.reveal();
    for (const [name, value] of Object.entries(values)) {
      await this.page.getByRole('textbox', { name: new RegExp(`^${name}`) }).fill(value);
    }
  }

  async chooseVersion(version: string): Promise<void> {
    await this.reveal();
    await this.page.getByLabel('API version').selectOption(version);
  }
}
