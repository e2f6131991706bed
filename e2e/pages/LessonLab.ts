import { expect, type Locator, type Page } from '@playwright/test';
import { SandboxConsole } from './SandboxConsole';

/** The lab embedded in a lesson (components/labs/lesson/): its panel, console, Run in lab blocks and lab challenges. */
export class LessonLab {
  readonly panel: Locator;
  readonly startButton: Locator;
  readonly topology: Locator;
  readonly consoleRegion: Locator;
  readonly console: SandboxConsole;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Your lab', exact: true });
    this.startButton = this.panel.getByRole('button', { name: 'Start the lab', exact: true });
    this.topology = this.panel.getByRole('region', { name: /^Topology/ });
    this.consoleRegion = this.panel.getByRole('region', { name: /^Lab console/ });
    this.console = new SandboxConsole(page, this.consoleRegion, 'Lab console output');
  }

  /** Starts the learner's lab from the lesson and waits for its topology. */
  async start(): Promise<void> {
    await this.startButton.click();
    await expect(this.topology).toBeVisible({ timeout: 20_000 });
  }

  /** A `<LabRun>` block's button. */
  runButton(command: string): Locator {
    return this.page.getByRole('button', { name: `Run ${command} in your lab`, exact: true }).first();
  }

  /** The `nth` `<LabRun replicaOf="key">` block running `command` on a replica of the key's shard. */
  replicaRunButton(command: string, key: string, nth = 0): Locator {
    const name = `Run ${command} in your lab on a replica of ${key}'s shard`;
    return this.page.getByRole('button', { name, exact: true }).nth(nth);
  }

  /** Clicks a `<LabRun>` button and returns the console's reply to it. */
  async runBlock(button: Locator): Promise<Locator> {
    const before = await this.console.replies.count();
    await button.click();
    await expect(this.console.replies).toHaveCount(before + 1);
    return this.console.replies.nth(before);
  }

  challenge(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Stops the lab; every test that starts one ends with this. */
  async remove(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Delete the lab', exact: true }).click();
    await expect(this.page.getByText('Your lab was stopped and deleted.')).toBeVisible();
  }
}
