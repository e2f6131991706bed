import { expect, test } from './fixtures';
import type { Challenge } from './pages/LessonPage';
import { contentLibrary } from '../lib/content/lessons';

const FIRST_LESSON = contentLibrary().lessons[0]!.slug;
const FIRST_KEY = 'Your first key';
const COUNTER = 'Count three visits';

/** Every check of a challenge shows this state (passed, failed or pending). */
async function expectEveryCheck(challenge: Challenge, state: 'passed' | 'failed' | 'pending'): Promise<void> {
  await expect(challenge.results.first()).toBeVisible();
  for (const row of await challenge.results.all()) await expect(row).toHaveAttribute('data-state', state);
}

test('the first lesson starts with a command, and its first challenge ticks by itself from its own console', async ({
  lesson,
}) => {
  test.setTimeout(60_000);
  await test.step('the first lesson in reading order has its first Run block on the first screen', async () => {
    expect(FIRST_LESSON, 'the home page\'s "first lesson" is the first in reading order').toBe('first-commands');
    await lesson.goto(FIRST_LESSON);
    await expect(lesson.runBlock('PING').button).toBeInViewport();
    await lesson.runBlock('PING').run();
    await expect(lesson.runBlock('PING').reply).toHaveText('PONG');
  });

  const challenge = lesson.challenge(FIRST_KEY);
  await test.step('before any work: checks pending, the hint offered, no solution yet, no badge', async () => {
    await expectEveryCheck(challenge, 'pending');
    await expect(challenge.region.getByText('This challenge uses:')).toContainText('name');
    await expect(challenge.hint).toBeVisible();
    await expect(challenge.showSolutionButton, 'the solution is offered only after a failure').toHaveCount(0);
    await expect(challenge.passedBadge).toHaveCount(0);
  });

  await test.step("typing the solution in the challenge's console ticks every check, with no Check press", async () => {
    await expect(await challenge.console.run('SET name Ada')).toHaveText('OK');
    await expectEveryCheck(challenge, 'passed');
    await expect(challenge.passedMessage).toBeVisible();
    await expect(challenge.passedBadge).toBeVisible();
    await expect(challenge.passedBeforeBadge, 'a first pass is not "passed before"').toHaveCount(0);
    // The command went through the page's console too.
    await expect(lesson.console.lastEntryFor('SET name Ada').getByTestId('reply')).toHaveText('OK');
  });
});

test("a failed check offers the solution after the hint, and the reset deletes the challenge's keys", async ({
  lesson,
}) => {
  test.setTimeout(60_000);
  await lesson.goto('first-commands');
  const challenge = lesson.challenge(COUNTER);

  await test.step('a failed Check explains each check and only then offers the solution, after the hint', async () => {
    await challenge.check();
    await expect(challenge.region.getByText(/^Not yet: 3 of 3 checks failed\.$/)).toBeVisible();
    await expectEveryCheck(challenge, 'failed');
    await expect(challenge.result('The counter reads 3')).toContainText('GET visits:home should answer "3".');
    await expect(challenge.showSolutionButton).toBeVisible();
    const [hintBox, solutionBox] = [
      await challenge.hint.boundingBox(),
      await challenge.showSolutionButton.boundingBox(),
    ];
    expect(hintBox && solutionBox && hintBox.y < solutionBox.y, 'the hint comes before the solution').toBe(true);
    await challenge.showSolutionButton.click();
    await expect(challenge.region.getByRole('button', { name: 'Run INCR visits:home', exact: true })).toHaveCount(3);
  });

  await test.step('one INCR too few: the counter check fails by itself, saying what it read', async () => {
    await expect(await challenge.console.run('INCR visits:home')).toHaveText('(integer) 1');
    await expect(await challenge.console.run('INCR visits:home')).toHaveText('(integer) 2');
    await expect(challenge.result('The counter reads 3')).toContainText('"2"');
    await expect(challenge.result('The counter reads 3')).toHaveAttribute('data-state', 'failed');
    await expect(challenge.result('visits:home is a string')).toHaveAttribute('data-state', 'passed');
    await expect(await challenge.console.run('INCR visits:home')).toHaveText('(integer) 3');
    await expectEveryCheck(challenge, 'passed');
    await expect(challenge.passedBadge).toBeVisible();
  });

  await test.step('the reset deletes visits:home, and only it', async () => {
    await expect(await lesson.console.run('SET greeting hello')).toHaveText('OK');
    await challenge.resetButton.click();
    await expect(challenge.region.getByText('Deleted visits:home. Your other keys are untouched.')).toBeVisible();
    await expect(challenge.console.lastEntryFor('EXISTS visits:home').getByTestId('reply')).toHaveText('(integer) 0');
    await expectEveryCheck(challenge, 'failed');
    await expect(await lesson.console.run('GET greeting')).toHaveText('"hello"');
  });
});

test(
  "on a phone, the challenge's own console runs the solution and the check ticks",
  { tag: '@layout' },
  async ({ page, lesson }) => {
    test.setTimeout(60_000);
    await lesson.goto('first-commands');
    const challenge = lesson.challenge(FIRST_KEY);
    await challenge.region.scrollIntoViewIfNeeded();
    await expect(await challenge.console.run('SET name "Ada Lovelace"')).toHaveText('OK');
    await expectEveryCheck(challenge, 'passed');
    await expect(challenge.passedBadge).toBeVisible();
    const box = await challenge.region.boundingBox();
    expect(
      box && box.x >= 0 && box.x + box.width <= (page.viewportSize()?.width ?? 0),
      'the card fits the screen',
    ).toBe(true);
  },
);

test('a challenge on Memcached is solved in its own console, checked on Memcached, and reset there', async ({
  lesson,
}) => {
  await lesson.goto('choosing-an-engine');
  const challenge = lesson.challenge('Store a session with a TTL on Memcached');
  challenge.console.prompt = '>';
  await expect(await challenge.console.run('set session:grace 0 1800 5 grace')).toHaveText('STORED');
  await expectEveryCheck(challenge, 'passed');
  await expect(lesson.console.engine('Memcached'), "the page's console follows the challenge's engine").toBeChecked();
  await challenge.resetButton.click();
  await expect(challenge.region.getByText('Deleted session:grace. Your other keys are untouched.')).toBeVisible();
  await expect(challenge.console.lastEntryFor('get session:grace').getByTestId('reply')).toHaveText('END');
});
