import { expect, type Locator, type Page } from '@playwright/test';

/** /drills (components/drills/*): one card at a time, the grade buttons, the deck options under the card. */
export class DrillsPage {
  readonly question: Locator;
  readonly answer: Locator;
  readonly revealButton: Locator;
  readonly grades: Locator;
  readonly undoButton: Locator;
  readonly deckOptions: Locator;

  constructor(readonly page: Page) {
    this.question = page.getByTestId('card-question');
    this.answer = page.getByTestId('card-answer');
    this.revealButton = page.getByRole('button', { name: /^Show answer/ });
    this.grades = page.getByRole('group', { name: 'Grade your answer' });
    this.undoButton = page.getByRole('button', { name: 'Undo last grade' });
    this.deckOptions = page.locator('summary', { hasText: 'Deck options' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/drills');
    await expect(this.question).toBeVisible();
  }

  /** A grade button by its grade's name: "Again", "Hard", "Good" or "Easy". */
  grade(name: 'Again' | 'Hard' | 'Good' | 'Easy'): Locator {
    return this.grades.getByRole('button', { name: new RegExp(`^${name},`) });
  }

  /** A figure above the card: 'due-now', 'due-today' or 'new-left'. */
  figure(testId: 'due-now' | 'due-today' | 'new-left'): Locator {
    return this.page.getByTestId(testId);
  }

  /** Opens the deck options (closed at first) and picks a deck by its label, or "All topics". */
  async chooseDeck(label: string): Promise<void> {
    const deck = this.page.getByLabel('Deck', { exact: true });
    if (!(await deck.isVisible())) await this.deckOptions.click();
    await deck.selectOption({ label });
  }
}
