import { expect, test } from './fixtures';

test('a keyboard-only drill session: reveal, grade, undo, and the dashboard counts it', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/drills');
  const question = page.getByTestId('card-question');
  const answer = page.getByTestId('card-answer');
  await expect(question).toBeVisible();
  await expect(page.getByTestId('new-left')).toHaveText('20');
  const firstQuestion = await question.textContent();

  await test.step('Space shows the answer and the buttons with their intervals', async () => {
    await page.keyboard.press('Space');
    await expect(answer).toBeVisible();
    await expect(page.getByRole('button', { name: /^Good, next review in 10m \(key 3\)$/ })).toBeVisible();
  });

  await test.step('3 grades Good: the next card comes, and the first is due later today', async () => {
    await page.keyboard.press('3');
    await expect(answer).toHaveCount(0);
    await expect(question).not.toHaveText(firstQuestion ?? '');
    await expect(page.getByTestId('due-today')).toHaveText('1');
    await expect(page.getByTestId('new-left')).toHaveText('19');
  });

  await test.step('grade the second card Again, then U undoes it and shows it again', async () => {
    const secondQuestion = await question.textContent();
    await page.keyboard.press('Space');
    await expect(answer).toBeVisible();
    await page.keyboard.press('1');
    await expect(question).not.toHaveText(secondQuestion ?? '');
    await page.keyboard.press('u');
    await expect(question).toHaveText(secondQuestion ?? '');
    await expect(page.getByTestId('new-left')).toHaveText('19');
  });

  await test.step('the home dashboard shows the review', async () => {
    await page.goto('/');
    await expect(page.getByTestId('drill-streak')).toHaveText('1 day');
    await expect(page.getByTestId('drill-due-today')).toHaveText('1');
    await expect(page.getByTestId('drill-seen')).toHaveText(/^1 \/ \d+$/);
  });
});

test('the deck exports for Anki as a tab-separated file', async ({ page }) => {
  await page.goto('/drills');
  await expect(page.getByTestId('card-question')).toBeVisible();
  await page.getByLabel('Deck', { exact: true }).selectOption('serverless');
  await expect(page.getByTestId('card-question')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export this deck for Anki (.txt)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('keyspace-flashcards-serverless.txt');
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile(await file.path(), 'utf8')).trimEnd().split('\n');
  expect(lines[0]).toBe('#separator:tab');
  expect(lines.filter((line) => !line.startsWith('#')).every((line) => line.split('\t').length === 3)).toBe(true);
});
