import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The caching-patterns lab (components/labs/patterns/): on /labs/patterns, or one experiment of it
 * embedded in a lesson by <PatternsLab preset="…" />. Found by role and label, as a learner would.
 */
export class PatternsLab {
  readonly workload: Locator;
  readonly stampede: Locator;
  readonly eviction: Locator;
  readonly pipelining: Locator;

  constructor(readonly page: Page) {
    this.workload = page.getByRole('region', { name: 'Workload run', exact: true });
    this.stampede = page.getByRole('region', { name: 'Stampede', exact: true });
    this.eviction = page.getByRole('region', { name: 'Eviction', exact: true });
    this.pipelining = page.getByRole('region', { name: 'Pipelining', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/labs/patterns');
    await expect(this.workload).toBeVisible();
  }

  /** A workload field by its label ("Seconds", "Compare with"…). */
  field(label: string): Locator {
    return this.workload.getByLabel(label, { exact: true });
  }

  /** The run button, whatever it says about the patterns it runs. */
  get runButton(): Locator {
    return this.workload.getByRole('button', { name: /^Run/ });
  }

  /** A live chart, by its title: its accessible name says how many seconds it holds. */
  chart(title: string): Locator {
    return this.workload.getByRole('img', { name: new RegExp(`^${title}, \\d+ of \\d+ seconds`) });
  }

  get summary(): Locator {
    return this.workload.getByRole('table', { name: /^(Summary of the run|The two runs compared)$/ });
  }

  /** The stampede's comparison, as its screen-reader table: one row per run. */
  get stampedeRows(): Locator {
    return this.stampede.getByRole('table', { name: 'Strategies compared' }).getByRole('row');
  }

  /** The pipelining comparison, as its screen-reader table: one row per way of sending, per run. */
  get pipeliningRows(): Locator {
    return this.pipelining.getByRole('table', { name: 'Ways of sending compared' }).getByRole('row');
  }
}
