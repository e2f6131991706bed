import { expect, type Locator, type Page } from '@playwright/test';

/** The sizing and cost estimator (/tools/sizing, components/tools/SizingEstimator.tsx). */
export class SizingPage {
  readonly form: Locator;
  readonly heading: Locator;
  readonly nodeBased: Locator;
  readonly serverless: Locator;
  /** Shown once a node-hour price is entered: the sentence and the cost-vs-rate chart. */
  readonly breakEven: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Workload' });
    this.heading = page.getByRole('heading', { level: 2, name: /^Estimate, as of/ });
    this.nodeBased = page.getByRole('region', { name: 'Node-based' });
    this.serverless = page.getByRole('region', { name: 'Serverless' });
    this.breakEven = page.getByRole('region', { name: 'Break-even: Serverless or node-based' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/tools/sizing');
    await expect(this.nodeBased).toBeVisible();
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** The value beside a term in a result panel ("Shards" → "7"). */
  figure(panel: Locator, term: string): Locator {
    return panel.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  }
}
