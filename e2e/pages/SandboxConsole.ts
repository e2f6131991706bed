import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The console (components/sandbox/Repl.tsx): on /sandbox, and as "Try it" on every lesson.
 * Its command line starts as a plain <input>; the first focus loads the Monaco editor, which
 * then replaces it. Both are a textbox named "Command", so `input` finds whichever is there.
 */
export class SandboxConsole {
  /** The console's <section>, named by its heading ("Sandbox · …" or "Try it · …"). */
  readonly region: Locator;
  readonly output: Locator;
  readonly input: Locator;
  /** The <form> around the command line; data-editor="plain" before Monaco, "monaco" after. */
  readonly form: Locator;
  /** Monaco's wrapper: absent until the console is first focused. */
  readonly editor: Locator;
  readonly runButton: Locator;
  readonly clearButton: Locator;
  /** One <pre data-testid="reply"> per command, in the order the commands were typed. */
  readonly replies: Locator;
  readonly entries: Locator;

  /** `region` and `outputName` find another console built from the same parts (the cluster lab's). */
  constructor(
    readonly page: Page,
    region?: Locator,
    outputName = 'Sandbox output',
  ) {
    this.region = region ?? page.getByRole('region', { name: /real Valkey, your own keys/ });
    this.output = this.region.getByRole('log', { name: outputName, exact: true });
    this.input = this.region.getByRole('textbox', { name: 'Command', exact: true });
    this.form = this.region.locator('form');
    this.editor = this.region.getByTestId('command-editor');
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

  /** Focuses the command line and waits until Monaco has taken it over (and kept the focus). */
  async useEditor(): Promise<void> {
    await this.ready();
    await this.input.focus();
    // A 3 MB script to fetch and start: give a busy 2-CPU machine more than the default 10 s.
    await expect(this.form, 'Monaco replaces the plain input once focused').toHaveAttribute('data-editor', 'monaco', {
      timeout: 25_000,
    });
    await expect(this.input).toBeFocused();
  }

  /** The text in the command line: lines joined with \n. */
  async value(): Promise<string> {
    if ((await this.form.getAttribute('data-editor')) === 'plain') return this.input.inputValue();
    return this.editor.evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>('.view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
        .join('\n'),
    );
  }

  async expectValue(text: string, message?: string): Promise<void> {
    await expect
      .poll(() => this.value(), { message: message ?? `the command line reads ${JSON.stringify(text)}` })
      .toBe(text);
  }

  /** Replaces the command line's text, as typed (Shift+Enter between lines). */
  async fill(text: string): Promise<void> {
    await this.useEditor();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      if (index > 0) await this.page.keyboard.press('Shift+Enter');
      await this.page.keyboard.insertText(line);
    }
    await this.expectValue(text);
  }

  /**
   * Types a command line and sends it (Enter, or a click on "Run"), then returns the reply to
   * that command. Commands are expected to run one at a time, as a learner does.
   */
  async run(command: string, { via = 'enter' }: { via?: 'enter' | 'button' } = {}): Promise<Locator> {
    const before = await this.replies.count();
    await this.fill(command);
    if (via === 'enter') await this.page.keyboard.press('Enter');
    else await this.runButton.click();
    await this.expectValue('', 'the command line is emptied once the command is sent');
    await expect(this.replies).toHaveCount(before + 1);
    const entry = this.entries.nth(before);
    await expect(entry, 'the console echoes the command after the prompt').toContainText(`valkey> ${command}`);
    return this.replies.nth(before);
  }

  /**
   * An entry of the completion list, by its label. Monaco gives the entries role "option", or
   * "listitem" where it thinks it runs on Windows, so they are found by their name instead.
   */
  suggestion(label: string): Locator {
    return this.page.getByRole('listbox', { name: 'Suggest' }).getByLabel(new RegExp(`^${label},`));
  }

  /** The entry (prompt + reply) of the last command whose line was exactly `command`. */
  lastEntryFor(command: string): Locator {
    return this.entries.filter({ hasText: `valkey> ${command}` }).last();
  }
}
