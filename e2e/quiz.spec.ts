import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import type { LessonPage } from './pages/LessonPage';

// The first quiz of "Choosing an engine", its wrong choices and their reasons (content/lessons/choosing-an-engine.mdx).
const QUESTION = /^A team keeps user sessions in its cache\./;
const REDIS = 'Serverless Redis OSS, because it needs no node sizing';
const REDIS_WHY = /It would work, but Serverless Valkey offers the same core features for 33% less/;
const MEMCACHED = 'Node-based Memcached, because its multi-threaded nodes give the most throughput per node';
const MEMCACHED_WHY = /Throughput is not the problem here: node-based Memcached keeps no replica/;
const RIGHT = 'Serverless Valkey';
const EXPLANATION = /^Serverless removes node sizing and AWS runs the redundancy for you/;
/** The quiz alone: e2e/accessibility.spec.ts checks the whole lesson page in both themes. */
const QUIZ_ONLY = ['[data-quiz-id="choosing-an-engine-sessions"]'];

/** Two wrong picks, then the right one: the quiz's busiest feedback state. */
async function answerWrongTwiceThenRight(lesson: LessonPage): Promise<void> {
  const quiz = lesson.quiz(QUESTION);
  await quiz.answer(REDIS);
  await expect(quiz.reasonBeside(REDIS_WHY)).toBeVisible();
  await quiz.answer(MEMCACHED);
  await expect(quiz.reasonBeside(MEMCACHED_WHY)).toBeVisible();
  await quiz.answer(RIGHT);
  await expect(quiz.correctMessage).toBeVisible();
}

test('a wrong quiz choice explains itself at once and stays marked; the right one shows the explanation', async ({
  page,
  lesson,
}) => {
  await lesson.goto('choosing-an-engine');
  const quiz = lesson.quiz(QUESTION);

  await test.step('a wrong pick: its own reason beside it, and read out in the live region', async () => {
    await quiz.answer(REDIS);
    await expect(quiz.wrongMessage).toBeVisible();
    await expect(quiz.reasonBeside(REDIS_WHY)).toBeVisible();
    await expect(quiz.choice(REDIS)).toHaveAccessibleDescription(/^Not this one: It would work, but Serverless Valkey/);
    await expect(quiz.feedback).toContainText('It would work, but Serverless Valkey');
    await expect(quiz.region.locator('[aria-live]'), 'one live region per quiz').toHaveCount(1);
    await expect(quiz.region.getByText(EXPLANATION), 'the general explanation waits for the right answer').toHaveCount(
      0,
    );
  });

  await test.step('a second wrong pick, with the keyboard only: the first stays marked', async () => {
    await quiz.choice(MEMCACHED).focus();
    await page.keyboard.press('Space');
    await expect(quiz.choice(MEMCACHED)).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(quiz.checkButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(quiz.reasonBeside(MEMCACHED_WHY)).toBeVisible();
    await expect(quiz.feedback).toContainText('Throughput is not the problem here');
    await expect(quiz.feedback, 'only the latest pick is read out').not.toContainText('It would work');
    await expect(quiz.reasonBeside(REDIS_WHY)).toBeVisible();
  });

  await test.step('the right pick: "Correct.", the explanation, and the wrong picks still marked', async () => {
    await quiz.answer(RIGHT);
    await expect(quiz.correctMessage).toBeVisible();
    await expect(quiz.wrongMessage).toHaveCount(0);
    await expect(quiz.region.getByText(EXPLANATION)).toBeVisible();
    await expect(quiz.reasonBeside(REDIS_WHY)).toBeVisible();
    await expect(quiz.reasonBeside(MEMCACHED_WHY)).toBeVisible();
    await expect(quiz.choice(RIGHT)).not.toHaveAttribute('aria-describedby');
  });
});

// The notes' rose and amber must read in both themes, at 360 px as well.
test(
  'a quiz with wrong picks marked and the right answer shown passes axe in both themes',
  { tag: '@layout' },
  async ({ page, header, lesson }) => {
    test.setTimeout(60_000);
    await lesson.goto('choosing-an-engine');
    await header.themeToggleReady();
    await header.expectTheme('light');
    await answerWrongTwiceThenRight(lesson);
    await lesson.quiz(QUESTION).region.scrollIntoViewIfNeeded();
    await expectNoSeriousViolations(
      page,
      '/learn/choosing-an-engine with a quiz answered wrongly twice, then rightly (light)',
      QUIZ_ONLY,
    );
    // The theme follows the system's until the learner picks one, so this switches it without a reload.
    await page.emulateMedia({ colorScheme: 'dark' });
    await header.expectTheme('dark');
    await expectNoSeriousViolations(
      page,
      '/learn/choosing-an-engine with a quiz answered wrongly twice, then rightly (dark)',
      QUIZ_ONLY,
    );
  },
);
