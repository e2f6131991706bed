import { expect, type Locator, type Page } from '@playwright/test';

/** The console (components/sandbox/Repl.tsx): on /sandbox, and as "Try it" on every lesson. */
export class SandboxConsole {
  /** The console's <section>, named by its heading ("Sandbox · …" or "Try it · …"). */
  readonly region: Locator;
  readonly output: Locator;
  readonly input: Locator;
  readonly runButton: Locator;
  readonly clearButton: Locator;
  /** One <pre data-testid="reply"> per command, in the order the commands were typed. */
  readonly replies: Locator;
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: /real Valkey, your own keys/ });
    this.output = this.region.getByRole('log', { name: 'Sandbox output', exact: true });
    this.input = this.region.getByRole('textbox', { name: 'valkey> Command', exact: true });
    this.runButton = this.region.getByRole('button', { name: 'Run', exact: true });
    this.clearButton = this.region.getByRole('button', { name: 'Clear', exact: true });
    this.replies = this.output.getByTestId('reply');
    this.entries = this.output.getByRole('listitem').filter({ has: page.getByTestId('reply') });
  }

  async goto(): Promise<void> {
    await this.page.goto('/sandbox');
    await this.ready();
  }

  /** The console is visible and React is handling its input. */
  async ready(): Promise<void> {
    await expect(this.input).toBeVisible();
    await expect(this.input).toBeEnabled();
  }

  /**
   * Types a command line and sends it (Enter, or a click on "Run"), then returns the reply to
   * that command. Commands are expected to run one at a time, as a learner does.
   */
  async run(command: string, { via = 'enter' }: { via?: 'enter' | 'button' } = {}): Promise<Locator> {
    const before = await this.replies.count();
    await this.input.fill(command);
    await expect(this.input).toHaveValue(command);
    if (via === 'enter') await this.input.press('Enter');
    else await this.runButton.click();
    await expect(this.input, 'the input is emptied once the command is sent').toHaveValue('');
    await expect(this.replies).toHaveCount(before + 1);
    const entry = this.entries.nth(before);
    await expect(entry, 'the console echoes the command after the prompt').toContainText(`valkey> ${command}`);
    return this.replies.nth(before);
  }

  /** The entry (prompt + reply) of the last command whose line was exactly `command`. */
  lastEntryFor(command: string): Locator {
    return this.entries.filter({ hasText: `valkey> ${command}` }).last();
  }
}
