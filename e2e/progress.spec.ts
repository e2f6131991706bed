import { expect, test } from './fixtures';

const CHALLENGE = 'Count three visits';

test('a learner answers a quiz, fails then passes a challenge, and still sees the progress after a reload', async ({
  page,
  lesson,
}) => {
  test.setTimeout(60_000);
  await lesson.goto('first-commands');

  await test.step('answer a quiz', async () => {
    const quiz = lesson.quiz(/^You run SET counter 10 and then INCR counter/);
    await quiz.answer('string');
    await expect(quiz.correctMessage).toBeVisible();
  });

  const challenge = lesson.challenge(CHALLENGE);
  await test.step('check an empty keyspace: every failing check says why', async () => {
    await challenge.check();
    await expect(challenge.region.getByText(/^Not yet: 2 of 2 checks failed\.$/)).toBeVisible();
    await expect(challenge.result('The counter reads 3')).toContainText('GET visits:home should answer "3".');
    await expect(challenge.result('The counter reads 3')).toContainText('(nil)');
  });

  await test.step('do the work in the console, a step short, then finish it', async () => {
    await lesson.console.ready();
    await expect(await lesson.console.run('INCR visits:home')).toHaveText('(integer) 1');
    await expect(await lesson.console.run('INCR visits:home')).toHaveText('(integer) 2');
    await challenge.check();
    await expect(challenge.region.getByText(/^Not yet: 1 of 2 checks failed\.$/)).toBeVisible();
    await expect(challenge.result('The counter reads 3')).toContainText('"2"');
    await expect(await lesson.console.run('INCR visits:home')).toHaveText('(integer) 3');
    await challenge.check();
    await expect(challenge.passedMessage).toBeVisible();
    await expect(challenge.passedBadge).toBeVisible();
    await expect(challenge.passedBeforeBadge, 'a first pass is not "passed before"').toHaveCount(0);
  });

  await test.step('read to the end of the lesson', async () => {
    const marked = page.waitForResponse(
      (response) => response.url().endsWith('/api/progress/lessons/first-commands') && response.ok(),
    );
    await lesson.readToTheEnd();
    await marked;
  });

  await test.step('reload: the challenge, the lesson and the track show the progress', async () => {
    await page.reload();
    await expect(challenge.passedBeforeBadge).toBeVisible();
    await expect(challenge.passedBadge, '"✓ Passed" is for the visit it was passed on').toHaveCount(0);
    const links = await lesson.sidebarLinks();
    await expect(links.filter({ hasText: /^First commands/ }).getByText('(started)')).toBeAttached();
    await expect(page.getByTestId('track-percent-foundations').first()).not.toHaveText('0%');
  });

  await test.step('the home page counts it', async () => {
    await page.goto('/');
    await expect(page.getByTestId('progress-challenges-passed')).toHaveText(/^1 \/ \d+$/);
    await expect(page.getByTestId('progress-quizzes-right-first-time')).toHaveText('1 / 1');
    await expect(page.getByRole('link', { name: /^Continue: / })).toBeVisible();
  });
});

test('progress moves to another browser by export and import', async ({ page, lesson, otherLearner }) => {
  test.setTimeout(60_000);
  await lesson.goto('first-commands');
  const quiz = lesson.quiz(/^You run SET counter 10 and then INCR counter/);
  await quiz.answer('string');
  await expect(quiz.correctMessage).toBeVisible();

  await page.goto('/');
  await expect(page.getByTestId('progress-quizzes-right-first-time')).toHaveText('1 / 1');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export progress' }).click();
  const file = await (await download).path();

  const otherPage = otherLearner.page;
  await otherPage.goto('/');
  await expect(otherPage.getByText(/^You have not started yet\./)).toBeVisible();
  await otherPage.getByLabel('Progress file to import').setInputFiles(file);
  await expect(otherPage.getByText(/^Imported 1 item\.$/)).toBeVisible();
  await expect(otherPage.getByTestId('progress-quizzes-right-first-time')).toHaveText('1 / 1');

  await otherPage
    .getByLabel('Progress file to import')
    .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await expect(otherPage.getByText('notes.json is not JSON. Choose a file exported from Keyspace.')).toBeVisible();
});
