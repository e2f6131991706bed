import { expect, test } from './fixtures';
import { contentLibrary, lessonNeighbours, lessonSource } from '../lib/content/lessons';
import { indexMdx } from '../lib/content/mdx-index';

// The curriculum's order, from the same content files the app is built from (never a hard-coded slug).
const LESSONS = contentLibrary().lessons;
const titleOf = (slug: string) => LESSONS.find((lesson) => lesson.slug === slug)!.title;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
    await expect(challenge.region.getByText(/^Not yet: 3 of 3 checks failed\.$/)).toBeVisible();
    await expect(challenge.result('The counter reads 3')).toContainText('GET visits:home should answer "3".');
    await expect(challenge.result('The counter reads 3')).toContainText('(nil)');
  });

  await test.step('do the work in the console, a step short, then finish it', async () => {
    await lesson.console.ready();
    await expect(await lesson.console.run('INCR visits:home')).toHaveText('(integer) 1');
    await expect(await lesson.console.run('INCR visits:home')).toHaveText('(integer) 2');
    await challenge.check();
    await expect(challenge.region.getByText(/^Not yet: 2 of 3 checks failed\.$/)).toBeVisible();
    await expect(challenge.result('The counter reads 3')).toContainText('"2"');
    await expect(await lesson.console.run('INCR visits:home')).toHaveText('(integer) 3');
    await challenge.check();
    await expect(challenge.passedMessage).toBeVisible();
    await expect(challenge.passedBadge).toBeVisible();
    await expect(challenge.passedBeforeBadge, 'a first pass is not "passed before"').toHaveCount(0);
  });

  await test.step('read to the end of the lesson: the card says what is done, what is left and what is next', async () => {
    const marked = page.waitForResponse(
      (response) => response.url().endsWith('/api/progress/lessons/first-commands') && response.ok(),
    );
    await lesson.readToTheEnd();
    await marked;
    const card = lesson.endCard;
    await expect(card.getByTestId('lesson-end-read')).toHaveText('Read ✓');
    await expect(card.getByTestId('lesson-end-quizzes')).toHaveText(/^Quizzes right 1 \/ \d+$/);
    await expect(card.getByTestId('lesson-end-challenges')).toHaveText(/^Challenges passed 1 \/ \d+$/);
    await expect(card.getByTestId('lesson-end-rule')).toHaveText(
      /^This lesson counts as done when you answer \d+ more quiz(zes)? right( and pass \d+ more challenges?)?\.$/,
    );
    const next = lessonNeighbours('first-commands').next;
    if (next) {
      const link = card.getByRole('link', { name: `Next: ${next.title}`, exact: true });
      await expect(link).toHaveAttribute('href', `/learn/${next.slug}`);
    }
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
    await expect(page.getByRole('link', { name: `Continue: ${titleOf('first-commands')}`, exact: true })).toBeVisible();
  });
});

test('"Continue" leads to the lesson last worked on, and the dashboard counts each lesson\'s steps', async ({
  page,
  lesson,
}) => {
  test.setTimeout(60_000);
  const [first, , third] = LESSONS;
  const quiz = indexMdx(lessonSource(third!.slug)).quizzes.find(
    (candidate) => candidate.choices.filter((choice) => choice.correct).length === 1,
  )!;
  const hero = page
    .getByRole('main')
    .getByRole('link', { name: /^(Start the first lesson|Continue: .*)$/ })
    .first();

  await test.step('a new learner starts at the first lesson of the curriculum', async () => {
    await page.goto('/');
    await expect(hero).toHaveText('Start the first lesson');
    await expect(hero).toHaveAttribute('href', `/learn/${first!.slug}`);
  });

  await test.step('read the first lesson to the end, then answer a quiz in the third', async () => {
    await lesson.goto(first!.slug);
    const marked = page.waitForResponse(
      (response) => response.url().endsWith(`/api/progress/lessons/${first!.slug}`) && response.ok(),
    );
    await lesson.readToTheEnd();
    await marked;
    await lesson.goto(third!.slug);
    const answer = lesson.quiz(new RegExp(`^${escape(quiz.question!)}`));
    await answer.answer(quiz.choices.find((choice) => choice.correct)!.text);
    await expect(answer.correctMessage).toBeVisible();
  });

  await test.step('home: Continue leads to the third lesson, not the first one not done', async () => {
    await page.goto('/');
    await expect(hero).toHaveText(`Continue: ${third!.title}`);
    await expect(hero).toHaveAttribute('href', `/learn/${third!.slug}`);
    await expect(page.getByTestId('progress-lessons-started')).toHaveText(`2 / ${LESSONS.length}`);
    await expect(page.getByText(/^A lesson counts as done when you have read it to the end/)).toBeVisible();
  });

  await test.step("the dashboard shows each lesson's steps", async () => {
    await page.getByRole('link', { name: "See each lesson's steps" }).click();
    await expect(page).toHaveURL(/\/progress$/);
    const firstRow = page.getByTestId(`lesson-steps-${first!.slug}`);
    await expect(firstRow.getByRole('cell').first()).toHaveText('✓ Yes');
    await expect(firstRow.getByRole('cell').last()).toHaveText('Started');
    const thirdRow = page.getByTestId(`lesson-steps-${third!.slug}`);
    await expect(thirdRow.getByRole('cell').nth(1)).toHaveText(/^1 \/ \d+$/);
    await expect(page.getByRole('link', { name: `Continue: ${third!.title}`, exact: true })).toBeVisible();
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
