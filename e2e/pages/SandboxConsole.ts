import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The console (components/sandbox/Repl.tsx): on /sandbox, and as "Try it" on every lesson.
 * Its command line starts as a plain <input> (a combobox, for its completion list); on desktop
 * the first focus mounts the Monaco editor (a textbox), which then replaces it; on a phone the
 * plain input stays. Both are named "Command", so `input` finds whichever is there.
 * On a lesson below 1280 px the console is docked at the bottom (components/sandbox/SandboxPanel.tsx),
 * folded into a "Console" bar until opened: `ready()` opens it.
 */
export class SandboxConsole {
  /** The console's <section>, named by its heading ("Sandbox · …" or "Try it · …"). */
  readonly region: Locator;
  readonly output: Locator;
  readonly input: Locator;
  /**
   * The <form> around the command line; data-editor="plain" before Monaco, "monaco" after, and
   * "light" where Monaco never loads (a touch screen, a narrow window).
   */
  readonly form: Locator;
  /** Monaco's wrapper: absent until the console is first focused. */
  readonly editor: Locator;
  readonly runButton: Locator;
  readonly clearButton: Locator;
  /** One <pre data-testid="reply"> per command, in the order the commands were typed. */
  readonly replies: Locator;
  readonly entries: Locator;
  /** The docked console's bar button (below 1280 px on lessons), a disclosure: aria-expanded. */
  readonly dockToggle: Locator;
  /** The docked console: the bar and the sheet. */
  readonly dock: Locator;
  /** The plain input's completion list (not Monaco's). */
  readonly completionList: Locator;
  /** What arrived on the console's live stream (messages, invalidations, notices), in order. */
  readonly liveReplies: Locator;
  /** Shown in subscribe mode: leaves it, as Ctrl+C does in valkey-cli. */
  readonly stopListening: Locator;
  /** The engine switch: a radio group named "Engine" (Valkey, Redis OSS, Memcached). */
  readonly engineSwitch: Locator;
  /** The prompt the transcript shows before each command: the selected engine's (chooseEngine). */
  prompt = 'valkey>';

  /** By default the page's console; a challenge passes its own region and the name of its log. */
  constructor(
    readonly page: Page,
    region: Locator = page.getByRole('region', { name: /real (Valkey|Redis OSS|Memcached), your own keys/ }),
    outputName = 'Sandbox output',
  ) {
    this.region = region;
    this.output = this.region.getByRole('log', { name: outputName, exact: true });
    this.input = this.region
      .getByRole('textbox', { name: 'Command', exact: true })
      .or(this.region.getByRole('combobox', { name: 'Command', exact: true }));
    this.form = this.region.locator('form');
    this.editor = this.region.getByTestId('command-editor');
    this.runButton = this.region.getByRole('button', { name: 'Run', exact: true });
    this.clearButton = this.region.getByRole('button', { name: 'Clear', exact: true });
    this.replies = this.output.getByTestId('reply');
    this.entries = this.output.getByRole('listitem').filter({ has: page.getByTestId('reply') });
    this.dock = page.locator('[data-console-dock]');
    this.dockToggle = this.dock.getByRole('button', { name: /^Console/ });
    this.completionList = this.region.getByRole('listbox', { name: 'Command suggestions' });
    this.liveReplies = this.output.getByTestId('live-reply');
    this.stopListening = this.region.getByRole('button', { name: 'Stop listening', exact: true });
    this.engineSwitch = this.region.getByRole('group', { name: 'Engine', exact: true });
  }

  /** One engine's radio button in the switch. */
  engine(name: 'Valkey' | 'Redis OSS' | 'Memcached'): Locator {
    return this.engineSwitch.getByRole('radio', { name, exact: true });
  }

  /** Switches the console to an engine, as a learner does, and expects its prompt from then on. */
  async chooseEngine(name: 'Valkey' | 'Redis OSS' | 'Memcached'): Promise<void> {
    await this.openDock();
    // The radio itself is visually hidden: a learner clicks the segment, its label.
    await this.engineSwitch
      .locator('label')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
    await expect(this.engine(name)).toBeChecked();
    this.prompt = { Valkey: 'valkey>', 'Redis OSS': 'redis>', Memcached: '>' }[name];
  }

  /** True where the console is docked (a lesson below 1280 px), open or not. */
  async isDocked(): Promise<boolean> {
    return this.dockToggle.isVisible();
  }

  /** Opens the docked console with its bar, if it is docked and folded. */
  async openDock(): Promise<void> {
    if (!(await this.isDocked())) return;
    await expect(this.dockToggle).toBeEnabled();
    // From the keyboard: on a lesson whose table is wider than a phone (it pans sideways), the
    // emulated phone's hit test misplaces fixed elements, and a click lands on the table.
    if ((await this.dockToggle.getAttribute('aria-expanded')) === 'false') await this.dockToggle.press('Enter');
    await expect(this.dockToggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** A command offered by the empty console, as a button that fills the command line. */
  example(command: string): Locator {
    return this.output.getByRole('button', { name: command, exact: true });
  }

  /** An entry of the plain input's completion list, by the command or token it writes. */
  completionOption(label: string): Locator {
    return this.completionList.getByRole('option', { name: new RegExp(`^${label}\\b`) });
  }

  /** True where the plain input stays and Monaco never loads. */
  async isLight(): Promise<boolean> {
    return (await this.form.getAttribute('data-editor')) === 'light';
  }

  async goto(): Promise<void> {
    await this.page.goto('/sandbox');
    await this.ready();
  }

  /** The console is visible (opened, where it is docked) and React is handling its input. */
  async ready(): Promise<void> {
    // Wait for the page to show the console or, where it is docked, its bar: isDocked() reads the
    // bar's visibility at once, and a page still laying out would read as not docked.
    await expect(this.input.or(this.dockToggle).filter({ visible: true }).first()).toBeVisible();
    await this.openDock();
    await expect(this.input).toBeVisible();
    await expect(this.input).toBeEnabled();
  }

  /**
   * Focuses the command line and waits until Monaco has taken it over (and kept the focus); where
   * Monaco never loads (a phone), focuses the plain input.
   */
  async useEditor(): Promise<void> {
    await this.ready();
    await this.input.focus();
    if (await this.isLight()) return expect(this.input).toBeFocused();
    // A 3 MB script to fetch and start: give a busy 2-CPU machine more than the default 10 s.
    await expect(this.form, 'Monaco replaces the plain input once focused').toHaveAttribute('data-editor', 'monaco', {
      timeout: 25_000,
    });
    // The swap can land while the page is busy and leave nothing focused (seen once in a second
    // browser context): focus Monaco's own input again, as a learner would click it, until it holds.
    await expect(async () => {
      if (!(await this.input.evaluate((element) => element === document.activeElement))) await this.input.focus();
      await expect(this.input).toBeFocused({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
  }

  /** The text in the command line: lines joined with \n. */
  async value(): Promise<string> {
    if ((await this.form.getAttribute('data-editor')) !== 'monaco') return this.input.inputValue();
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
    if (await this.isLight()) {
      // One line only: the plain input has no Shift+Enter.
      await this.input.fill(text);
      return this.expectValue(text);
    }
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
    await this.openDock(); // a folded dock hides the replies from the count
    const before = await this.replies.count();
    await this.fill(command);
    if (via === 'enter') await this.page.keyboard.press('Enter');
    else await this.runButton.click();
    await this.expectValue('', 'the command line is emptied once the command is sent');
    await expect(this.replies).toHaveCount(before + 1);
    const entry = this.entries.nth(before);
    await expect(entry, 'the console echoes the command after the prompt').toContainText(`${this.prompt} ${command}`);
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
    return this.entries.filter({ hasText: `${this.prompt} ${command}` }).last();
  }
}
