import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import type { InterviewPage } from './pages/InterviewPage';
import { tabTo } from './pages/keyboard';

const TOPICS = ['Caching patterns', 'Cache stampedes'];

/**
 * Answers the current question with the keyboard only: type, Ctrl+Enter for the model answer,
 * then tick the first key point (scenario) or pick "Partly" (flashcard), and go on. Every topic
 * then scores at most 50%, so every topic comes out weak.
 */
async function answerWithKeyboard(page: Page, interview: InterviewPage): Promise<void> {
  await expect(interview.questionHeading).toBeFocused();
  await tabTo(page, interview.answer, 5);
  await page.keyboard.type('Clarify the read:write ratio, then cache-aside with TTL jitter.');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(interview.modelAnswerHeading).toBeFocused();
  if (await interview.rubric.isVisible()) {
    const first = interview.rubric.getByRole('checkbox').first();
    await tabTo(page, first, 60);
    await page.keyboard.press('Space');
    await expect(first).toBeChecked();
    await expect(interview.rubricScore).toHaveText(/^1 of \d+ key points: \d+%$/);
  } else {
    const covered = interview.assessment.getByRole('radio', { name: /^Covered it/ });
    await tabTo(page, covered, 60);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect(interview.assessment.getByRole('radio', { name: /^Partly/ })).toBeChecked();
  }
  const [current, total] = await interview.position();
  await tabTo(page, current === total ? interview.finishButton : interview.nextButton, 10);
  await page.keyboard.press('Enter');
}

test(
  'the setup form fits the screen: nothing sticks out sideways, header included',
  { tag: '@layout' },
  async ({ page, interview }) => {
    await interview.goto();
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((element) => `${element.tagName} ${element.textContent?.slice(0, 30)}`),
    );
    expect(overflowing, 'elements wider than the viewport').toEqual([]);
  },
);

test('a 15-minute interview, answered with the keyboard only, ends with a summary that links the weak topics', async ({
  page,
  interview,
}) => {
  test.setTimeout(60_000);
  await interview.goto();
  await tabTo(page, interview.length(15), 30);
  await expect(interview.length(15)).toBeChecked();
  await tabTo(page, interview.clearTopicsButton);
  await page.keyboard.press('Enter');
  for (const label of TOPICS) {
    await tabTo(page, interview.topic(label));
    await page.keyboard.press('Space');
    await expect(interview.topic(label)).toBeChecked();
  }
  await tabTo(page, interview.startButton, 30);
  await page.keyboard.press('Enter');

  await expect(interview.questionHeading).toHaveText(/^Question 1 of \d$/);
  await expect(interview.timers).toHaveCount(2);
  await expect(interview.timers.first()).toContainText(/\d\d:\d\d left/);
  const [, total] = await interview.position();
  expect(total).toBeGreaterThanOrEqual(2);
  for (let question = 1; question <= total; question++) await answerWithKeyboard(page, interview);

  await expect(interview.summaryHeading).toBeFocused();
  await expect(page.getByTestId('interview-overall-score')).toHaveText(/^\d+%$/);
  for (const label of TOPICS) await expect(interview.topicScore(label)).toHaveText(/^\d+%$/);
  await expect(page.getByRole('heading', { name: 'Weak topics: go over these lessons' })).toBeVisible();
  // A lesson that teaches two weak topics is listed under each of them.
  await expect(page.getByRole('link', { name: /^Caching patterns/ }).first()).toHaveAttribute(
    'href',
    '/learn/caching-patterns',
  );
  await expect(page.getByRole('link', { name: /^Cache stampedes/ }).first()).toHaveAttribute(
    'href',
    '/learn/cache-stampedes',
  );
  await expect(page.getByRole('link', { name: 'drills', exact: true })).toHaveAttribute('href', '/drills');

  // The same result, as the dashboard reads it.
  const history = (await (await page.request.get('/api/interview/results')).json()) as {
    sessions: { questions: unknown[] }[];
    topics: { topic: string; weak: boolean }[];
  };
  expect(history.sessions).toHaveLength(1);
  expect(history.sessions[0]!.questions).toHaveLength(total);
  expect(history.topics.map((topic) => [topic.topic, topic.weak])).toEqual([
    ['caching-patterns', true],
    ['stampedes', true],
  ]);

  await page.getByRole('button', { name: 'Start another interview' }).click();
  await expect(interview.startButton).toBeEnabled();

  // The home dashboard shows the scores per topic, the weak ones marked.
  await page.goto('/');
  const scores = page.getByRole('list', { name: 'Interview score per topic' });
  await expect(
    scores.getByRole('progressbar', { name: /^Caching patterns: \d+% average over 1 interview, weak$/ }),
  ).toBeAttached();
  await expect(
    scores.getByRole('progressbar', { name: /^Cache stampedes: \d+% average over 1 interview, weak$/ }),
  ).toBeAttached();
});

test('a reload resumes the interview: the same question, the draft, the clocks running on, and later the summary', async ({
  page,
  interview,
}) => {
  test.setTimeout(60_000);
  await interview.goto();
  await interview.start(15, TOPICS);
  // The first question is a flashcard: mark it and go on, so the resumed place is not the start.
  await interview.showAnswerButton.click();
  await interview.assessment.getByRole('radio', { name: /^Covered it/ }).check();
  await interview.nextButton.click();
  await expect(interview.questionHeading).toHaveText(/^Question 2 of \d$/);
  const prompt = await interview.prompt.innerHTML();
  const draft = 'Jittered TTLs, then a lock per key so one caller rebuilds.';
  await interview.answer.pressSequentially(draft);
  // A couple of seconds of answering on the clocks before the reload.
  const budget = await interview.secondsLeft(0);
  await expect.poll(() => interview.secondsLeft(0), { timeout: 10_000 }).toBeLessThanOrEqual(budget - 2);
  const [questionLeft, interviewLeft] = [await interview.secondsLeft(0), await interview.secondsLeft(1)];

  expect(await interview.reload(), 'the browser asks before leaving an answer being written').toBe('beforeunload');
  await expect(interview.questionHeading).toHaveText(/^Question 2 of \d$/);
  await expect(interview.questionHeading).toBeFocused();
  expect(await interview.prompt.innerHTML()).toBe(prompt);
  await expect(interview.answer).toHaveValue(draft);
  // Counting on from before the reload, not started again (a reset would show the whole budget).
  const [questionAfter, interviewAfter] = [await interview.secondsLeft(0), await interview.secondsLeft(1)];
  expect(questionAfter).toBeLessThanOrEqual(questionLeft);
  expect(questionAfter).toBeGreaterThan(questionLeft - 15);
  expect(interviewAfter).toBeLessThanOrEqual(interviewLeft);
  await expectNoSeriousViolations(page, '/interview resumed after a reload');

  await interview.showAnswerButton.click();
  await interview.endEarlyButton.click();
  await page.getByRole('button', { name: 'End and score' }).click();
  await expect(interview.summaryHeading).toBeFocused();
  const score = await page.getByTestId('interview-overall-score').textContent();
  expect(await interview.reload(), 'no prompt once nothing is being written').toBeNull();
  await expect(interview.summaryHeading).toBeVisible();
  await expect(page.getByTestId('interview-overall-score')).toHaveText(score!);

  // Starting another interview forgets this one: a reload shows the setup.
  await page.getByRole('button', { name: 'Start another interview' }).click();
  await expect(interview.startButton).toBeEnabled();
  await interview.reload();
  await expect(interview.startButton).toBeEnabled();
});

test('an interview saved before the course changed is not resumed: the page says so and offers a new one', async ({
  page,
  interview,
}) => {
  await interview.goto();
  // What lib/interview/saved-interview.ts writes, for questions the server no longer builds from this seed.
  await page.evaluate(() => {
    const progress = { index: 0, revealed: false, drafts: ['x'], reviews: [{ covered: [], assessment: null }] };
    const saved = {
      version: 1,
      savedAt: Date.now(),
      request: { minutes: 15, topics: ['caching-patterns'], seed: 1 },
      questionIds: ['flashcard:a-card-since-removed'],
      phase: 'running',
      progress: { ...progress, spent: [0], since: Date.now() },
    };
    localStorage.setItem('keyspace:interview', JSON.stringify(saved));
  });
  await interview.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be resumed' })).toHaveText(
    /^Your interview could not be resumed: its questions have changed/,
  );
  await page.getByRole('button', { name: 'Start a new interview' }).click();
  await expect(interview.startButton).toBeEnabled();
  expect(await page.evaluate(() => localStorage.getItem('keyspace:interview'))).toBeNull();
});

test('the timers count down, pause on the model answer and announce only milestones', async ({ page, interview }) => {
  await page.clock.install();
  await interview.goto();
  await interview.start(15, TOPICS);
  const [questionTimer, interviewTimer] = [interview.timers.nth(0), interview.timers.nth(1)];
  // The first question is a two-minute flashcard.
  await expect(questionTimer).toContainText('02:00 left');
  await expect(interviewTimer).toContainText('15:00 left');
  await page.clock.runFor(61_000);
  // The page clock also flows on its own between steps, hence the ranges.
  await expect(questionTimer).toContainText(/00:5\d left/);
  await expect(interviewTimer).toContainText(/13:5\d left/);
  await expect(interview.announcement).toHaveText('');
  await page.clock.runFor(60_000);
  await expect(interview.announcement).toHaveText(/^Time is up for this question\./);
  await page.clock.runFor(10_000);
  await expect(questionTimer).toContainText(/00:1\d over/);

  await interview.showAnswerButton.click();
  await expect(questionTimer).toContainText('(paused)');
  const [questionShown, interviewShown] = [await questionTimer.textContent(), await interviewTimer.textContent()];
  await page.clock.runFor(30_000);
  await expect(questionTimer).toHaveText(questionShown!);
  await expect(interviewTimer).toHaveText(interviewShown!);
});

for (const theme of ['light', 'dark'] as const) {
  // The 360 px layout too (@layout) in the light theme, as in accessibility.spec.ts.
  test.describe(`${theme} theme`, { tag: theme === 'light' ? '@layout' : [] }, () => {
    test.use({ colorScheme: theme });

    test('axe: setup, a question with its rubric, and the summary', async ({ page, header, interview }) => {
      test.setTimeout(90_000);
      await interview.goto();
      await header.themeToggleReady();
      await header.expectTheme(theme);
      await expectNoSeriousViolations(page, `/interview setup (${theme})`);

      await interview.start(15, TOPICS);
      await interview.showAnswerButton.click();
      await interview.nextButton.click();
      await expect(interview.assessment.getByRole('alert')).toHaveText('Choose how much you covered first.');
      await expectNoSeriousViolations(page, `/interview flashcard self-assessment with its error (${theme})`);
      // Flashcards until the first scenario (the session is random; it has at least one).
      for (;;) {
        await interview.assessment.getByRole('radio', { name: /^Covered it/ }).check();
        await interview.nextButton.click();
        await expect(interview.showAnswerButton).toBeVisible();
        await interview.answer.fill('Cache-aside with jittered TTLs.');
        await interview.showAnswerButton.click();
        await expect(interview.modelAnswerHeading).toBeVisible();
        if (await interview.rubric.isVisible()) break;
      }
      await interview.rubric.getByRole('checkbox').first().check();
      // Paused, the timers' labels stay on one line, so the two timers stay level (at 360 px too).
      const [questionBox, interviewBox] = [
        await interview.timers.nth(0).boundingBox(),
        await interview.timers.nth(1).boundingBox(),
      ];
      expect(questionBox!.height, 'the paused timers are the same height').toBe(interviewBox!.height);
      await expectNoSeriousViolations(page, `/interview scenario with model answer and rubric (${theme})`);

      await interview.endEarlyButton.click();
      await page.getByRole('button', { name: 'End and score' }).click();
      await expect(interview.summaryHeading).toBeVisible();
      await expectNoSeriousViolations(page, `/interview summary (${theme})`);
    });
  });
}
