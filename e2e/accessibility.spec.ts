import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { LessonPage } from './pages/LessonPage';
import { SandboxConsole } from './pages/SandboxConsole';
import { SiteHeader } from './pages/SiteHeader';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    // The theme follows the system preference until the learner picks one.
    test.use({ colorScheme: theme });

    async function open(page: Page, path: string): Promise<void> {
      await page.goto(path);
      const header = new SiteHeader(page);
      await header.themeToggleReady();
      await header.expectTheme(theme);
    }

    test('home page', async ({ page }) => {
      await open(page, '/');
      await expectNoSeriousViolations(page, `/ (${theme})`);
    });

    test('lesson page, after answering the quiz and running commands', async ({ page }) => {
      // Two axe passes over the longest page: on a loaded 2-CPU machine that alone nears 30 s.
      test.setTimeout(60_000);
      await open(page, '/learn/choosing-an-engine');
      const lesson = new LessonPage(page);

      const quiz = lesson.quiz(/^A team keeps user sessions/);
      await quiz.answer('Node-based Memcached, because its multi-threaded nodes give the most throughput per node');
      await expect(quiz.wrongMessage).toBeVisible();
      await expectNoSeriousViolations(page, `/learn/choosing-an-engine with a wrong answer checked (${theme})`);

      await quiz.answer('Serverless Valkey');
      await expect(quiz.correctMessage).toBeVisible();

      const ping = lesson.runBlock('PING');
      await ping.run();
      await expect(ping.reply).toHaveText('PONG');
      await lesson.console.ready();
      await expect(await lesson.console.run('DEBUG SLEEP 0')).toHaveText(/^\(error\) ERR/);
      await lesson.sidebarLinks(); // opens the disclosure on phones, so its links are checked too

      await expectNoSeriousViolations(page, `/learn/choosing-an-engine after the quiz and commands (${theme})`);
    });

    test('lesson page with challenge results, and the authoring guide', async ({ page }) => {
      test.setTimeout(60_000);
      await open(page, '/learn/first-commands');
      const lesson = new LessonPage(page);
      const challenge = lesson.challenge('Count three visits');
      await challenge.check();
      await expect(challenge.results).toHaveCount(2);
      await challenge.region.getByRole('button', { name: 'Show a solution' }).click();
      await challenge.region.getByText('Hint', { exact: true }).click();
      await expectNoSeriousViolations(page, `/learn/first-commands with a failed check, the hint and the solution open (${theme})`);

      await open(page, '/authoring');
      await page.locator('summary', { hasText: 'Why TYPE says string for a counter' }).click();
      await expectNoSeriousViolations(page, `/authoring (${theme})`);
    });

    test('drills page with an answer shown, and the home dashboard after a review', async ({ page }) => {
      test.setTimeout(60_000);
      await open(page, '/drills');
      await expect(page.getByTestId('card-question')).toBeVisible();
      await page.getByRole('button', { name: /^Show answer/ }).click();
      await expect(page.getByTestId('card-answer')).toBeVisible();
      await expectNoSeriousViolations(page, `/drills with an answer shown (${theme})`);
      await page.getByRole('button', { name: /^Good/ }).click();
      await open(page, '/');
      await expect(page.getByTestId('drill-streak')).toBeVisible();
      await expectNoSeriousViolations(page, `/ with the drill dashboard (${theme})`);
    });

    test('sandbox page, with replies and errors in the console', async ({ page }) => {
      await open(page, '/sandbox');
      const repl = new SandboxConsole(page);
      await repl.ready();
      await expect(await repl.run('SET a:key "some value"')).toHaveText('OK');
      await expect(await repl.run('GET no:such:key')).toHaveText('(nil)');
      await expect(await repl.run('CONFIG GET maxmemory')).toHaveText(/^\(error\) ERR/);
      await expectNoSeriousViolations(page, `/sandbox with replies (${theme})`);
    });
  });
}
