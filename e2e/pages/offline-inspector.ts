import type { Locator, Page } from '@playwright/test';

/** The offline inspector (/inspect), driven the way a person pastes, drops and reads. */
export class OfflineInspectorPage {
  readonly page: Page;
  readonly text: Locator;
  readonly version: Locator;
  readonly file: Locator;
  readonly loadExample: Locator;
  readonly error: Locator;
  readonly errorMessage: Locator;
  readonly kind: Locator;
  readonly regionTable: Locator;
  readonly rules: Locator;

  constructor(page: Page) {
    this.page = page;
    this.text = page.getByRole('textbox', { name: 'JSON to inspect' });
    this.version = page.getByLabel('API version');
    this.file = page.getByLabel('Open a .json or .png file…');
    this.loadExample = page.getByRole('button', { name: 'Load an example' });
    this.error = page.getByTestId('inspect-error');
    this.errorMessage = page.getByTestId('inspect-error-message');
    this.kind = page.getByTestId('inspect-kind');
    this.regionTable = page.getByTestId('region-table');
    this.rules = page.getByTestId('request-rules').locator('li');
  }

  async open(): Promise<void> {
    await this.page.goto('/inspect');
  }

  /** Puts text in the box as a paste would: all at once. */
  async paste(text: string): Promise<void> {
    await this.text.fill(text);
  }

  async upload(path: string): Promise<void> {
    await this.file.setInputFiles(path);
  }

  /** Drops a file on the text box, as dragging it from the desktop does. */
  async drop(name: string, mimeType: string, contents: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(({ name, mimeType, contents }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([contents], name, { type: mimeType }));
      return dt;
    }, { name, mimeType, contents });
    await this.text.dispatchEvent('dragover', { dataTransfer });
    await this.text.dispatchEvent('drop', { dataTransfer });
  }

  regionRows(): Locator {
    return this.regionTable.locator('tbody tr');
  }

  rule(code: string): Locator {
    return this.page.getByTestId('request-rules').locator(`li[data-code="${code}"]`);
  }
}
