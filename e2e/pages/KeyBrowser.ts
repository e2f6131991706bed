import { expect, type Locator, type Page } from '@playwright/test';

/** The key browser (components/sandbox/KeyBrowser.tsx) beside the console on /sandbox. */
export class KeyBrowser {
  readonly region: Locator;
  readonly table: Locator;
  readonly resetButton: Locator;
  readonly refreshButton: Locator;
  readonly status: Locator;
  readonly emptyMessage: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Your keys', exact: true });
    this.table = this.region.getByRole('table');
    this.resetButton = this.region.getByRole('button', { name: 'Reset', exact: true });
    this.refreshButton = this.region.getByRole('button', { name: 'Refresh', exact: true });
    this.status = this.region.getByRole('status');
    // "No Valkey keys yet", "No Memcached keys yet": the engine the console is on.
    this.emptyMessage = this.region.getByText(/^No (Valkey|Redis OSS|Memcached) keys yet/);
  }

  /** The table row of a key, found by its name (the row header). */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The cell of a key's row under a column: "Type", "TTL" or "Size". */
  cell(name: string, column: 'Type' | 'TTL' | 'Size'): Locator {
    const index = { Type: 0, TTL: 1, Size: 2 }[column];
    return this.row(name).getByRole('cell').nth(index);
  }

  /** Reset, confirmed. */
  async reset(): Promise<void> {
    await expect(this.resetButton).toBeEnabled();
    await this.resetButton.click();
    const confirm = this.region.getByRole('group', { name: 'Confirm reset' });
    await expect(confirm.getByRole('button', { name: 'Cancel' }), 'focus lands on Cancel').toBeFocused();
    await confirm.getByRole('button', { name: 'Delete all keys' }).click();
  }
}
