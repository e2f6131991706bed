import { expect, test } from './fixtures';

const QUESTION = /^A team keeps user sessions in its cache\./;

// The one whole journey, so also on the phone (@layout): the reply under its Run button is a layout check.
test(
  'a learner reads a lesson, answers its quiz and uses the console; another learner sees none of it',
  { tag: '@layout' },
  async ({ page, lesson, otherLearner }) => {
    // A whole session in one test (two pages, a second browser context): longer than the default.
    test.setTimeout(60_000);

    await test.step('open the home page and follow the link to the first lesson', async () => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Learn caching by doing.' })).toBeVisible();
      const tracks = page.getByRole('region', { name: 'Lesson tracks' });
      await tracks.getByRole('link', { name: /^Choosing an engine/ }).click();
      await expect(page).toHaveURL(/\/learn\/choosing-an-engine$/);
    });

    await expect(lesson.heading).toHaveText('Choosing an engine: Valkey, Redis OSS or Memcached');

    await test.step('answer the quiz wrongly, then rightly', async () => {
      const quiz = lesson.quiz(QUESTION);
      await expect(quiz.choices).toHaveCount(4);
      await expect(quiz.checkButton, 'nothing to check before a choice is made').toBeDisabled();

      await quiz.answer('Serverless Redis OSS, because it needs no node sizing');
      await expect(quiz.wrongMessage).toBeVisible();
      await expect(quiz.correctMessage).toHaveCount(0);

      await quiz.answer('Serverless Valkey');
      await expect(quiz.correctMessage).toBeVisible();
      await expect(quiz.wrongMessage).toHaveCount(0);
      await expect(
        quiz.region.getByText(/^Serverless removes node sizing and AWS runs the redundancy for you/),
      ).toBeVisible();
    });

    await test.step('run the PING block: PONG under it and in the console', async () => {
      const ping = lesson.runBlock('PING');
      await ping.run();
      await expect(ping.reply).toHaveText('PONG');
      const [buttonBox, replyBox] = [await ping.button.boundingBox(), await ping.reply.boundingBox()];
      expect(
        buttonBox && replyBox && replyBox.y >= buttonBox.y + buttonBox.height,
        'the reply shows under the button',
      ).toBe(true);

      await lesson.console.ready(); // on a phone, opens the docked console
      const entry = lesson.console.lastEntryFor('PING');
      await expect(entry.getByTestId('reply')).toHaveText('PONG');
    });

    await test.step('type SET and GET in the console', async () => {
      const repl = lesson.console;
      await repl.ready();
      await expect(await repl.run('SET greeting hello')).toHaveText('OK');
      await expect(await repl.run('GET greeting')).toHaveText('"hello"');
      // Exactly the characters valkey-cli prints, not just after whitespace normalisation.
      expect(await repl.replies.last().textContent()).toBe('"hello"');
    });

    await test.step('ArrowUp recalls the previous commands', async () => {
      const repl = lesson.console;
      await repl.useEditor();
      await repl.input.press('ArrowUp');
      await repl.expectValue('GET greeting');
      await repl.input.press('ArrowUp');
      await repl.expectValue('SET greeting hello');
      await repl.input.press('ArrowDown');
      await repl.expectValue('GET greeting');
    });

    await test.step('another learner (a new browser context) has none of these keys', async () => {
      const other = otherLearner.repl;
      await other.goto();
      await expect(await other.run('GET greeting')).toHaveText('(nil)');
      await expect(await other.run('KEYS *')).toHaveText('(empty array)');
    });

    await test.step('while the first learner still has theirs', async () => {
      await expect(await lesson.console.run('KEYS *')).toHaveText('1) "greeting"');
    });
  },
);
