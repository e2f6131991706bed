import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { DrillsPage } from './pages/DrillsPage';

test('a keyboard-only drill session: reveal, grade, undo, focus kept, and the dashboard counts it', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const drills = new DrillsPage(page);
  await drills.goto();
  await expect(drills.figure('new-left')).toHaveText('20');
  const firstQuestion = await drills.question.textContent();
  // Good is due in 10 minutes: today, unless those minutes cross the browser's midnight (a run at 23:50).
  let dueTomorrow = false;

  await test.step('Space shows the answer and the buttons with their intervals; focus moves to Good', async () => {
    await page.keyboard.press('Space');
    await expect(drills.answer).toBeVisible();
    const good = drills.grades.getByRole('button', { name: 'Good, next review in 10 minutes, key 3', exact: true });
    await expect(good).toBeVisible();
    // The key is its own badge, apart from the interval.
    await expect(good.locator('kbd')).toHaveText('3');
    await expect(good).toContainText('in 10 minutes');
    await expect(good).toBeFocused();
  });

  await test.step('3 grades Good: the next card comes, focus is on its reveal button, the first is due later today', async () => {
    await page.keyboard.press('3');
    await expect(drills.answer).toHaveCount(0);
    await expect(drills.question).not.toHaveText(firstQuestion ?? '');
    await expect(drills.revealButton).toBeFocused();
    dueTomorrow = await page.evaluate(() => {
      const now = new Date();
      return new Date(now.getTime() + 11 * 60_000).getDate() !== now.getDate();
    });
    await expect(drills.figure('due-today')).toHaveText(dueTomorrow ? '0' : '1');
    await expect(drills.figure('new-left')).toHaveText('19');
  });

  await test.step('Enter on the focused buttons reveals and grades; U undoes and shows the card again', async () => {
    const secondQuestion = await drills.question.textContent();
    await page.keyboard.press('Enter');
    await expect(drills.answer).toBeVisible();
    await expect(drills.grade('Good')).toBeFocused();
    await page.keyboard.press('1');
    await expect(drills.question).not.toHaveText(secondQuestion ?? '');
    await expect(drills.revealButton).toBeFocused();
    await page.keyboard.press('u');
    await expect(drills.question).toHaveText(secondQuestion ?? '');
    await expect(drills.revealButton).toBeFocused();
    await expect(drills.figure('new-left')).toHaveText('19');
  });

  await test.step('the home dashboard shows the review', async () => {
    await page.goto('/');
    await expect(page.getByTestId('drill-streak')).toHaveText('1 day');
    await expect(page.getByTestId('drill-due-today')).toHaveText(dueTomorrow ? '0' : '1');
    await expect(page.getByTestId('drill-seen')).toHaveText(/^1 \/ \d+$/);
  });
});

test(
  'on a phone the card comes first, the grade buttons stay in view under a long answer, and focus follows',
  { tag: '@layout' },
  async ({ page }) => {
    test.setTimeout(60_000);
    const drills = new DrillsPage(page);
    await drills.goto();
    // The first screen, unscrolled: the question and its reveal button; the deck options come after, closed.
    await expect(drills.question).toBeInViewport({ ratio: 1 });
    await expect(drills.revealButton).toBeInViewport({ ratio: 1 });
    await expect(page.getByLabel('Deck', { exact: true })).toBeHidden();

    // Walk the deck until an answer runs past the bottom of the window.
    const viewport = page.viewportSize()!;
    let long = false;
    for (let shown = 0; shown < 15 && !long; shown++) {
      await drills.revealButton.click();
      await expect(drills.grade('Good')).toBeFocused();
      const box = (await drills.answer.boundingBox())!;
      long = box.y + box.height > viewport.height;
      if (long) break;
      const question = await drills.question.textContent();
      await drills.grade('Easy').click();
      await expect(drills.question).not.toHaveText(question ?? '');
      await expect(drills.revealButton).toBeFocused();
    }
    expect(long, `an answer taller than the ${viewport.height} px window among the first cards`).toBe(true);
    await expect(drills.grades).toBeInViewport({ ratio: 1 });
    await expectNoSeriousViolations(page, '/drills with a long answer shown');

    const question = await drills.question.textContent();
    await drills.grade('Good').click();
    await expect(drills.question).not.toHaveText(question ?? '');
    await expect(drills.revealButton).toBeFocused();
  },
);

test('the deck exports for Anki as a tab-separated file', async ({ page }) => {
  const drills = new DrillsPage(page);
  await drills.goto();
  await drills.chooseDeck('Serverless');
  await expect(drills.deckOptions).toHaveText('Deck options (Serverless)');
  await expect(drills.question).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export this deck for Anki (.txt)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('keyspace-flashcards-serverless.txt');
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile(await file.path(), 'utf8')).trimEnd().split('\n');
  expect(lines[0]).toBe('#separator:tab');
  expect(lines.filter((line) => !line.startsWith('#')).every((line) => line.split('\t').length === 3)).toBe(true);
});
