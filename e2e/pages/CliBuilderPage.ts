import { expect, type Locator, type Page } from '@playwright/test';

/** The command builder (/tools/cli-builder, components/tools/CliBuilder.tsx): the form, the command, its flags. */
export class CliBuilderPage {
  readonly form: Locator;
  readonly command: Locator;
  readonly status: Locator;
  readonly copyButton: Locator;
  readonly flagList: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Command options' });
    this.command = page.getByLabel('The aws elasticache command');
    this.status = page.getByRole('status');
    // Named "Copy the command", then "Copied" for a moment after a click.
    this.copyButton = page.getByRole('button', { name: /^(Copy the command|Copied)$/ });
    this.flagList = page.locator('dl');
  }

  async goto(): Promise<void> {
    await this.page.goto('/tools/cli-builder');
    await expect(this.command).toContainText('aws elasticache');
  }

  chooseCommand(name: string): Promise<void> {
    return this.form.getByRole('radio', { name }).check();
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(label, { exact: typeof label === 'string' });
  }

  /** The issues a field is described by (aria-describedby), as its assistive technology reads them. */
  async expectFieldIssue(label: string, text: string | RegExp): Promise<void> {
    const field = this.field(label);
    await expect(field).toHaveAccessibleDescription(text);
  }
}
