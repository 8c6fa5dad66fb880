import type { Locator, Page } from '@playwright/test';

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

  async fill(values: Partial<Record<'AppId' | 'RoomId' | 'TaskId' | 'UserId', string>>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      await this.page.getByRole('textbox', { name: new RegExp(`^${name}`) }).fill(value);
    }
  }

  async chooseVersion(version: string): Promise<void> {
    await this.page.getByLabel('API version').selectOption(version);
  }
}
