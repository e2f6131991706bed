import { expect, type Locator, type Page } from '@playwright/test';
import { SandboxConsole } from './SandboxConsole';

/** A <Quiz> (components/mdx/QuizWidget.tsx): a region named by its question. */
export class Quiz {
  readonly region: Locator;
  /** The fieldset of choices; a marked choice's reason sits inside it, beside the choice. */
  readonly group: Locator;
  readonly choices: Locator;
  readonly checkButton: Locator;
  /** The quiz's one live region: the verdict, and the reasons read out once per check. */
  readonly feedback: Locator;

  constructor(page: Page, question: string | RegExp) {
    this.region = page.getByRole('region', { name: question });
    this.group = this.region.getByRole('group', { name: question });
    this.choices = this.group.getByRole('radio');
    this.checkButton = this.region.getByRole('button', { name: 'Check answer', exact: true });
    this.feedback = this.region.getByRole('status');
  }

  choice(label: string): Locator {
    return this.region.getByRole('radio', { name: label, exact: true });
  }

  async answer(label: string): Promise<void> {
    const radio = this.choice(label);
    // Controls stay disabled until React has hydrated them (components/ui/use-hydrated.ts).
    await expect(radio).toBeEnabled();
    await radio.check();
    await this.checkButton.click();
  }

  /** The reason shown beside a choice the learner got wrong (from its <Choice why="…">). */
  reasonBeside(why: string | RegExp): Locator {
    return this.group.getByText(why);
  }

  get wrongMessage(): Locator {
    return this.region.getByText('Not quite. Try another answer.', { exact: true });
  }

  get correctMessage(): Locator {
    return this.region.getByText('Correct.', { exact: true });
  }
}

/** A <Challenge> (components/mdx/ChallengeWidget.tsx): a region named by its title. */
export class Challenge {
  readonly region: Locator;
  readonly checkButton: Locator;
  /** One row per check, with data-state "passed", "failed" or "pending". */
  /** Opens (below 1280 px) or focuses the lesson's console. */
  readonly openConsoleButton: Locator;
  readonly results: Locator;
  /** The challenge's own compact console (its last few commands and replies). */
  readonly console: SandboxConsole;
  readonly hint: Locator;
  readonly showSolutionButton: Locator;
  readonly resetButton: Locator;
  /** "✓ Passed" on the visit the learner passes it, "✓ Passed before" when they come back. */
  readonly passedBadge: Locator;
  readonly passedBeforeBadge: Locator;

  constructor(page: Page, title: string) {
    this.region = page.getByRole('region', { name: title, exact: true });
    this.checkButton = this.region.getByRole('button', { name: 'Check', exact: true });
    this.openConsoleButton = this.region.getByRole('button', { name: 'Open console', exact: true });
    this.results = this.region.getByRole('list', { name: 'Check results' }).getByRole('listitem');
    this.console = new SandboxConsole(page, this.region, `Console output: ${title}`);
    this.hint = this.region.getByText('Hint', { exact: true });
    this.showSolutionButton = this.region.getByRole('button', { name: 'Show a solution', exact: true });
    this.resetButton = this.region.getByRole('button', { name: "Reset this challenge's keys", exact: true });
    this.passedBadge = this.region.getByText('✓ Passed', { exact: true });
    this.passedBeforeBadge = this.region.getByText('✓ Passed before', { exact: true });
  }

  async check(): Promise<void> {
    await expect(this.checkButton).toBeEnabled();
    await this.checkButton.click();
  }

  result(label: string): Locator {
    return this.results.filter({ hasText: label });
  }

  get passedMessage(): Locator {
    return this.region.getByText('Passed: every check is green.', { exact: true });
  }
}

/** A <Run command="…"> block (components/mdx/Run.tsx). */
export class RunBlock {
  readonly button: Locator;
  /** Puts the command in the console's command line, to edit before running. */
  readonly openInConsoleButton: Locator;
  /** The block, a group named after its command. */
  readonly container: Locator;
  readonly reply: Locator;

  /** `engine`: the engine name a <Run engine> block shows ("Redis OSS", "Memcached"); none for Valkey's. */
  constructor(page: Page, command: string, engine?: 'Redis OSS' | 'Memcached') {
    const on = engine ? ` on ${engine}` : '';
    this.button = page.getByRole('button', { name: engine ? `Run${on}: ${command}` : `Run ${command}`, exact: true });
    this.openInConsoleButton = page.getByRole('button', { name: `Open in console${on}: ${command}`, exact: true });
    this.container = page.getByRole('group', { name: `Command${on}: ${command}`, exact: true });
    this.reply = this.container.getByTestId('run-reply');
  }

  async run(): Promise<void> {
    await expect(this.button).toBeEnabled();
    await this.button.click();
  }
}

/** /learn/[slug]: sidebar, article (quizzes, Run blocks), pager and the "Try it" console. */
export class LessonPage {
  readonly heading: Locator;
  /** The lesson text: an <article>. */
  readonly article: Locator;
  /** The page's first tab stop, "Skip to content". */
  readonly skipLink: Locator;
  readonly sidebar: Locator;
  /** Phones only: the "All lessons" disclosure that holds the sidebar's links. */
  readonly sidebarDisclosure: Locator;
  readonly pager: Locator;
  readonly console: SandboxConsole;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.article = page.getByRole('article');
    this.skipLink = page.getByRole('link', { name: 'Skip to content', exact: true });
    this.sidebar = page.getByRole('navigation', { name: 'Lessons', exact: true });
    this.sidebarDisclosure = this.sidebar.locator('details');
    this.pager = page.getByRole('navigation', { name: 'Previous and next lessons', exact: true });
    this.console = new SandboxConsole(page);
  }

  async goto(slug: string): Promise<void> {
    await this.page.goto(`/learn/${slug}`);
    await expect(this.heading).toBeVisible();
  }

  quiz(question: string | RegExp): Quiz {
    return new Quiz(this.page, question);
  }

  challenge(title: string): Challenge {
    return new Challenge(this.page, title);
  }

  /** Scrolls to the end of the lesson, which marks it read. */
  async readToTheEnd(): Promise<void> {
    await this.page.getByTestId('lesson-end').scrollIntoViewIfNeeded();
  }

  runBlock(command: string, engine?: 'Redis OSS' | 'Memcached'): RunBlock {
    return new RunBlock(this.page, command, engine);
  }

  /** Links of the sidebar; on a phone, opens the "All lessons" disclosure first. */
  async sidebarLinks(): Promise<Locator> {
    if (await this.sidebarDisclosure.isVisible()) {
      const open = await this.sidebarDisclosure.evaluate((details) => (details as HTMLDetailsElement).open);
      if (!open) await this.sidebar.getByText('All lessons', { exact: true }).click();
      await expect(this.sidebarDisclosure).toHaveAttribute('open', '');
    }
    return this.sidebar.getByRole('link');
  }

  /** The end-of-lesson card: the lesson's steps, what is left, and the next lesson. */
  get endCard(): Locator {
    return this.page.getByRole('region', { name: 'End of the lesson', exact: true });
  }

  pagerLink(direction: 'Previous' | 'Next'): Locator {
    return this.pager.getByRole('link', { name: new RegExp(`^${direction}`) });
  }
}
