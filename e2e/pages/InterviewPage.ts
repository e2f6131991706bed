import { expect, type Dialog, type Locator, type Page } from '@playwright/test';

/** /interview (components/interview/*): setup form, one question at a time, then the summary. */
export class InterviewPage {
  readonly setup: Locator;
  readonly startButton: Locator;
  readonly clearTopicsButton: Locator;
  readonly questionHeading: Locator;
  readonly prompt: Locator;
  readonly answer: Locator;
  readonly showAnswerButton: Locator;
  readonly modelAnswerHeading: Locator;
  readonly rubric: Locator;
  readonly rubricScore: Locator;
  readonly assessment: Locator;
  readonly nextButton: Locator;
  readonly finishButton: Locator;
  readonly endEarlyButton: Locator;
  readonly timers: Locator;
  readonly announcement: Locator;
  readonly summaryHeading: Locator;
  readonly topicTable: Locator;

  constructor(readonly page: Page) {
    this.setup = page.getByRole('form', { name: 'Interview setup' });
    this.startButton = this.setup.getByRole('button', { name: 'Start the interview' });
    this.clearTopicsButton = this.setup.getByRole('button', { name: 'Clear', exact: true });
    this.questionHeading = page.getByRole('heading', { level: 2, name: /^Question \d+ of \d+$/ });
    this.prompt = page.locator('#interview-prompt');
    this.answer = page.getByRole('textbox', { name: /^Your answer/ });
    this.showAnswerButton = page.getByRole('button', { name: 'Show model answer' });
    this.modelAnswerHeading = page.getByRole('heading', { name: 'Model answer' });
    this.rubric = page.getByRole('group', { name: 'Rubric: tick the key points you covered' });
    this.rubricScore = page.getByTestId('rubric-score');
    this.assessment = page.getByRole('group', { name: 'How much of this did you cover?' });
    this.nextButton = page.getByRole('button', { name: 'Next question' });
    this.finishButton = page.getByRole('button', { name: 'Finish and see your results' });
    this.endEarlyButton = page.getByRole('button', { name: 'End the interview early' });
    this.timers = page.getByRole('timer');
    this.announcement = page.getByTestId('interview-announcement');
    this.summaryHeading = page.getByRole('heading', { level: 2, name: 'Your results' });
    this.topicTable = page.getByRole('table', { name: /^Score per topic/ });
  }

  async goto(): Promise<void> {
    await this.page.goto('/interview');
    // Controls stay disabled until React has hydrated them (components/ui/use-hydrated.ts).
    await expect(this.startButton).toBeEnabled();
  }

  length(minutes: 15 | 30 | 45): Locator {
    return this.setup.getByRole('radio', { name: `${minutes} minutes` });
  }

  topic(label: string): Locator {
    return this.setup.getByRole('checkbox', {
      name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`),
    });
  }

  /** Clicks through setup: a length and only the given topics. */
  async start(minutes: 15 | 30 | 45, topics: string[]): Promise<void> {
    await this.length(minutes).check();
    await this.clearTopicsButton.click();
    for (const label of topics) await this.topic(label).check();
    await this.startButton.click();
    await expect(this.questionHeading).toBeVisible();
  }

  /** "Question 2 of 4" → [2, 4]. */
  async position(): Promise<[number, number]> {
    const match = /^Question (\d+) of (\d+)$/.exec((await this.questionHeading.textContent()) ?? '');
    if (!match) throw new Error('no question heading');
    return [Number(match[1]), Number(match[2])];
  }

  /** Seconds left on a timer (0: this question, 1: the interview); negative once over. */
  async secondsLeft(timer: 0 | 1): Promise<number> {
    const match = /(\d+):(\d\d) (left|over)/.exec((await this.timers.nth(timer).textContent()) ?? '');
    if (!match) throw new Error('no time on the timer');
    const seconds = Number(match[1]) * 60 + Number(match[2]);
    return match[3] === 'left' ? seconds : -seconds;
  }

  /** Reloads the page, accepting the "leave this page?" prompt if the browser shows one; answers the prompt's type. */
  async reload(): Promise<string | null> {
    let prompt: string | null = null;
    const accept = (dialog: Dialog) => {
      prompt = dialog.type();
      void dialog.accept();
    };
    this.page.on('dialog', accept);
    try {
      await this.page.reload();
    } finally {
      this.page.off('dialog', accept);
    }
    return prompt;
  }

  /** The score cell of a topic's row in the summary table. */
  topicScore(label: string): Locator {
    return this.topicTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) })
      .getByRole('cell')
      .first();
  }
}
