import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import type { SiteHeader } from './pages/SiteHeader';
import { horizontalOverflow } from './pages/layout';

/*
 * One axe pass per page and theme, each on the page's busiest state (every widget opened or
 * answered), rather than one per step of a flow: an axe pass costs seconds on a loaded 2-CPU
 * machine. /interview has its passes in interview.spec.ts. The light theme runs on the phone
 * project too (@layout): the 360 px layout shows other elements (the "All lessons" disclosure, the
 * docked console, the Menu) and other sizes. The dark theme runs at desktop width only: colour
 * contrast depends on the theme, not the width, and the phone's dark passes cost ~40 s a run.
 */
for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, { tag: theme === 'light' ? '@layout' : [] }, () => {
    // The theme follows the system preference until the learner picks one.
    test.use({ colorScheme: theme });

    async function open(page: Page, header: SiteHeader, path: string): Promise<void> {
      await page.goto(path);
      await header.themeToggleReady();
      await header.expectTheme(theme);
    }

    test('lesson page, with a right and a wrong quiz answer and commands run', async ({ page, header, lesson }) => {
      test.setTimeout(60_000);
      await open(page, header, '/learn/choosing-an-engine');

      const right = lesson.quiz(/^A team keeps user sessions/);
      await right.answer('Serverless Valkey');
      await expect(right.correctMessage).toBeVisible();
      const wrong = lesson.quiz(/^A retailer needs its cache readable in a second AWS Region/);
      await wrong.answer('Serverless, because it scales across Regions automatically');
      await expect(wrong.wrongMessage).toBeVisible();

      const ping = lesson.runBlock('PING');
      await ping.run();
      await expect(ping.reply).toHaveText('PONG');
      // A <Run engine="memcached"> block switches the console to Memcached.
      const session = lesson.runBlock('set session:ada 0 1800 3 ada', 'Memcached');
      await session.run();
      await expect(session.reply).toHaveText('STORED');
      await lesson.console.ready();
      await expect(lesson.console.engine('Memcached')).toBeChecked();
      await lesson.console.chooseEngine('Valkey');
      await lesson.console.ready();
      await expect(await lesson.console.run('DEBUG SLEEP 0')).toHaveText(/^\(error\) ERR/);
      await lesson.sidebarLinks(); // opens the disclosure on phones, so its links are checked too

      await expectNoSeriousViolations(
        page,
        `/learn/choosing-an-engine with a right and a wrong answer and commands run (${theme})`,
      );
    });

    test('lesson page with challenge results, and the authoring guide', async ({ page, header, lesson }) => {
      test.setTimeout(60_000);
      await open(page, header, '/learn/first-commands');
      const challenge = lesson.challenge('Count three visits');
      await challenge.check();
      // The check rows are listed (pending) from the start: wait for the verdicts.
      await expect(challenge.results.and(challenge.region.locator('[data-state="failed"]'))).toHaveCount(3);
      await challenge.hint.click();
      await challenge.showSolutionButton.click();
      await lesson.readToTheEnd();
      await expect(lesson.endCard.getByTestId('lesson-end-read')).toHaveText('Read ✓');
      // The console opened from the challenge: on a phone, the docked sheet over the lesson.
      await challenge.openConsoleButton.click();
      await expect(lesson.console.input).toBeFocused();
      await expectNoSeriousViolations(
        page,
        `/learn/first-commands with a failed check, the hint and the solution open, read to the end, and the console open (${theme})`,
      );

      await open(page, header, '/authoring');
      await page.locator('summary', { hasText: 'Why TYPE says string for a counter' }).click();
      await expectNoSeriousViolations(page, `/authoring (${theme})`);

      // The learner has started: the home page and the dashboard show their figures and tables.
      await open(page, header, '/progress');
      await expect(page.getByTestId('progress-lessons-started')).toHaveText(/^1 \/ \d+$/);
      await expect(page.getByRole('region', { name: "Each lesson's steps" })).toBeVisible();
      await expectNoSeriousViolations(page, `/progress after a lesson read (${theme})`);
      await open(page, header, '/');
      await expect(page.getByRole('link', { name: /^Continue: / })).toBeVisible();
      await expectNoSeriousViolations(page, `/ after a lesson read (${theme})`);
    });

    // The home page once, with the drill dashboard filled in; its other panels (progress,
    // interviews) are in their empty state there.
    test('drills page with an answer shown, and the home dashboard after a review', async ({ page, header }) => {
      test.setTimeout(60_000);
      await open(page, header, '/drills');
      await expect(page.getByTestId('card-question')).toBeVisible();
      await page.getByRole('button', { name: /^Show answer/ }).click();
      await expect(page.getByTestId('card-answer')).toBeVisible();
      await expectNoSeriousViolations(page, `/drills with an answer shown (${theme})`);
      await page.getByRole('button', { name: /^Good/ }).click();
      await open(page, header, '/');
      await expect(page.getByTestId('drill-streak')).toBeVisible();
      await expect(page.getByText(/^You have not started yet\./)).toBeVisible();
      await expectNoSeriousViolations(page, `/ with the drill dashboard (${theme})`);
    });

    test('sandbox page, with replies and errors in the console', async ({ page, header, repl }) => {
      await open(page, header, '/sandbox');
      await repl.ready();
      await expect(await repl.run('SET a:key "some value"')).toHaveText('OK');
      await expect(await repl.run('GET no:such:key')).toHaveText('(nil)');
      await expect(await repl.run('CONFIG GET maxmemory')).toHaveText(/^\(error\) ERR/);
      // A reply with no space to break at wraps inside the console instead of widening the page.
      await expect(await repl.run(`SET long:reply ${'x'.repeat(200)}`)).toHaveText('OK');
      await expect(await repl.run('GET long:reply')).toHaveText(`"${'x'.repeat(200)}"`);
      expect((await horizontalOverflow(page)).excess, 'a 200-character reply fits a 360 px phone').toBeLessThanOrEqual(
        0,
      );
      // The engine switch, on Memcached (its help, prompt and key browser), with a reply: the one-line form, as on a phone.
      await repl.chooseEngine('Memcached');
      await expect(await repl.run('set a:key 0 60 4 some')).toHaveText('STORED');
      // The link to the command reference follows the console's engine.
      await expect(
        page.getByRole('link', { name: 'Every Memcached command, and whether it runs here' }),
      ).toHaveAttribute('href', '/sandbox/commands#memcached');
      await expectNoSeriousViolations(page, `/sandbox with replies, switched to Memcached (${theme})`);
    });

    // Its own test: axe over the 241-row table takes seconds of a busy 2-core machine.
    test('the sandbox command reference', async ({ page, header }) => {
      test.setTimeout(60_000);
      // Reached from the sandbox page by its link.
      await open(page, header, '/sandbox');
      await page.getByRole('link', { name: 'Every Valkey command, and whether it runs here' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Commands in the sandbox' })).toBeVisible();
      await expect(page.getByRole('row', { name: /^SORT Runs, on your keys/ })).toBeVisible();
      await expect(page.getByRole('row', { name: /^CONFIG Refused CONFIG is disabled/ })).toBeVisible();
      // Redis OSS's differences and Memcached's table are sections of the same page.
      await expect(page.getByRole('heading', { level: 2, name: 'Redis OSS 7.0' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Memcached 1.6' })).toBeVisible();
      await expect(
        page.getByRole('row', { name: /^set key flags exptime bytes \[noreply\] Runs, on your keys/ }),
      ).toBeVisible();
      await expect(
        page.getByRole('row', { name: /^verbosity .* Refused verbosity is refused in the sandbox: / }),
      ).toBeVisible();
      await expectNoSeriousViolations(page, `/sandbox/commands (${theme})`);
    });
  });
}
