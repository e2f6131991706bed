import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { tabTo } from './pages/keyboard';
import { contentLibrary } from '../lib/content/lessons';
import type { ChallengeSpec } from '../lib/content/challenge-schema';

/*
 * The lesson's console within reach at every width (components/sandbox/SandboxPanel.tsx): a
 * sticky side panel from 1280 px (the desktop project), a sheet docked at the bottom below it (the
 * 360 px phone, @layout). The challenge, its solution and the Run block come from the content.
 */
const LESSON = contentLibrary().lessons.find((lesson) => lesson.slug === 'first-commands')!;
// The lesson's first challenge: the first one a new learner meets (a sandbox one).
const CHALLENGE = LESSON.challenges!.at(0)! as ChallengeSpec;

/** Where the page is scrolled to, and how tall the window is. */
function scrollState(page: Page): Promise<{ y: number; height: number }> {
  return page.evaluate(() => ({ y: window.scrollY, height: window.innerHeight }));
}

test(
  'keyboard only: from the home page to a passed first challenge, the console never more than a screen away',
  { tag: '@layout' },
  async ({ page, lesson }) => {
    test.setTimeout(60_000);
    await test.step('the home page leads a new learner to the first lesson', async () => {
      await page.goto('/');
      const start = page.getByRole('main').getByRole('link', { name: 'Start the first lesson' });
      await tabTo(page, start, 40);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/learn/${LESSON.slug}`);
      await expect(page.getByRole('heading', { level: 1, name: LESSON.title })).toBeVisible();
    });
    const challenge = lesson.challenge(CHALLENGE.title);
    const repl = lesson.console;
    await expect(challenge.openConsoleButton).toBeEnabled();

    await test.step('the skip link lands on the lesson text, before the sidebar', async () => {
      // After a client-side navigation the browser resumes Tab where the clicked link was; a
      // reload (F5) starts the Tab order at the top of the page, where the skip link is.
      await page.reload();
      await expect(challenge.openConsoleButton).toBeEnabled();
      await page.keyboard.press('Tab');
      await expect(lesson.skipLink).toBeFocused();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const inArticle = await lesson.article.evaluate((article) => article.contains(document.activeElement));
      expect(inArticle, 'the first stop after the skip link is in the article').toBe(true);
    });

    await tabTo(page, challenge.openConsoleButton, 60);
    const scrolls = [await scrollState(page)];
    const viewportHeight = scrolls[0]!.height;

    await test.step('open the console from the challenge: its command line has the focus, in view', async () => {
      await page.keyboard.press('Enter');
      await expect(repl.input).toBeFocused();
      // The form, not the textbox: Monaco's textarea, once it takes over, is a 1 px box.
      const box = await repl.form.boundingBox();
      expect(box, 'the command line is on screen').not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewportHeight);
      if (await repl.isDocked()) {
        const [opener, sheet] = [await challenge.openConsoleButton.boundingBox(), await repl.dock.boundingBox()];
        expect(opener!.y + opener!.height, 'the challenge stays in view above the sheet').toBeLessThanOrEqual(sheet!.y);
      }
      scrolls.push(await scrollState(page));
    });

    await test.step('type the solution, one command at a time', async () => {
      for (const [index, command] of CHALLENGE.solution.entries()) {
        await page.keyboard.insertText(command);
        await page.keyboard.press('Enter');
        await expect(repl.replies).toHaveCount(index + 1);
        await expect(repl.input).toBeFocused();
      }
      await expect(repl.replies.last()).not.toHaveText(/^\(error\)/);
      scrolls.push(await scrollState(page));
    });

    await test.step('Escape goes back to the challenge, and its Check passes', async () => {
      await page.keyboard.press('Escape');
      await expect(challenge.openConsoleButton, 'focus returns to where the console was opened').toBeFocused();
      if (await repl.isDocked()) await expect(repl.dockToggle).toHaveAttribute('aria-expanded', 'false');
      await page.keyboard.press('Tab');
      await expect(challenge.checkButton).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(challenge.passedMessage).toBeVisible();
      await expect(challenge.passedMessage).toBeInViewport();
      scrolls.push(await scrollState(page));
    });

    const ys = scrolls.map((state) => state.y);
    expect(
      Math.max(...ys) - Math.min(...ys),
      `scrolled less than one window height between the challenge and the console: ${ys.join(', ')}`,
    ).toBeLessThan(viewportHeight);
  },
);

test(
  '"Open in console" fills the command line; the docked console opens, folds and gives the focus back',
  { tag: '@layout' },
  async ({ page, lesson }) => {
    await lesson.goto(LESSON.slug);
    const repl = lesson.console;
    const block = lesson.runBlock('INCR page:views');

    await test.step('Open in console puts the command in the command line, to edit before running', async () => {
      await expect(block.openInConsoleButton).toBeEnabled();
      await block.openInConsoleButton.click();
      if (await repl.isDocked()) await expect(repl.dockToggle).toHaveAttribute('aria-expanded', 'true');
      await expect(repl.input).toBeFocused();
      await repl.expectValue('INCR page:views');
      await expect(repl.replies, 'nothing ran yet').toHaveCount(0);
      await page.keyboard.insertText(' ');
      await page.keyboard.press('Enter');
      // A new learner's first command also creates their sandbox user: slow on a loaded machine.
      await expect(repl.replies).toHaveCount(1, { timeout: 20_000 });
      await expect(repl.replies.first()).toHaveText(/^\(integer\) \d+$/);
    });

    await test.step('Escape folds it and returns to the block', async () => {
      await page.keyboard.press('Escape');
      await expect(block.openInConsoleButton).toBeFocused();
      if (!(await repl.isDocked())) return;
      await expect(repl.dockToggle).toHaveAttribute('aria-expanded', 'false');
      await expect(repl.input).toBeHidden();
      await expect(repl.dockToggle, 'the bar shows the last reply').toContainText('valkey> INCR page:views');
    });

    await test.step('the bar opens and folds the console, and keeps the focus', async () => {
      if (!(await repl.isDocked())) return;
      await repl.dockToggle.focus();
      await page.keyboard.press('Enter');
      await expect(repl.input).toBeFocused();
      const [sheet, viewport] = [await repl.dock.boundingBox(), page.viewportSize()];
      expect(sheet!.y, 'the lesson stays in view above the sheet').toBeGreaterThan(viewport!.height * 0.3);
      await page.keyboard.press('Escape');
      await expect(repl.dockToggle).toHaveAttribute('aria-expanded', 'false');
      await expect(repl.dockToggle).toBeFocused();
    });

    await test.step('an error reply wraps between words, not inside them', async () => {
      const reply = await repl.run('CONFIG GET maxmemory');
      await expect(reply).toHaveText(/^\(error\) ERR CONFIG is disabled/);
      const split = await reply.evaluate((pre) => {
        const text = pre.firstChild!;
        const words = [...(text.textContent ?? '').matchAll(/\S+/g)];
        return words
          .filter((word) => {
            const range = document.createRange();
            range.setStart(text, word.index);
            range.setEnd(text, word.index + word[0].length);
            const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            return tops.size > 1;
          })
          .map((word) => word[0]);
      });
      expect(split, 'words broken across two lines').toEqual([]);
    });
  },
);

test('/ jumps to the console and Escape comes back; an empty console offers examples; one announcement per reply', async ({
  page,
  lesson,
}) => {
  await lesson.goto(LESSON.slug);
  const repl = lesson.console;
  await expect(repl.region.getByText('to focus')).toBeVisible();

  const get = lesson.runBlock('GET greeting');
  await expect(get.button).toBeEnabled();
  await get.button.focus();
  await page.keyboard.press('/');
  await expect(repl.input).toBeFocused();
  await repl.expectValue('', 'the / is not typed into the console');
  await page.keyboard.press('Escape');
  await expect(get.button).toBeFocused();

  await repl.example('SET greeting hello').click();
  await repl.expectValue('SET greeting hello');
  await expect(repl.input).toBeFocused();

  await get.button.click();
  await expect(get.reply, 'a new learner has no greeting yet').toHaveText('(nil)');
  const reply = '(nil)';
  // Every element a screen reader reads out on change: aria-live, or a role that implies it.
  const liveRegionsWithReply = await page.evaluate((text) => {
    const live = [
      ...document.querySelectorAll<HTMLElement>('[aria-live], [role="status"], [role="log"], [role="alert"]'),
    ]
      .filter((element) => element.getAttribute('aria-live') !== 'off')
      .filter((element) => !element.parentElement?.closest('[aria-live]:not([aria-live="off"])'));
    return live.filter((element) => (element.textContent ?? '').includes(text)).length;
  }, reply);
  expect(liveRegionsWithReply, 'the reply is in exactly one live region').toBe(1);
  await expect(page.getByTestId('console-announcer')).toHaveText(`GET greeting: ${reply}`);
});

test('at the end of a lesson the sticky console and sidebar stay below the site header', async ({ page, lesson }) => {
  await lesson.goto(LESSON.slug);
  await lesson.console.ready();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const header = page.getByRole('banner');
  const headerBottom = async () => (await header.boundingBox())!.y + (await header.boundingBox())!.height;
  const sidebar = page.locator('aside').filter({ has: lesson.sidebar });
  await expect
    .poll(async () => (await lesson.console.region.boundingBox())!.y - (await headerBottom()), {
      message: 'the console starts below the header',
    })
    .toBeGreaterThanOrEqual(0);
  expect(
    (await sidebar.boundingBox())!.y - (await headerBottom()),
    'the sidebar starts below the header',
  ).toBeGreaterThanOrEqual(0);
});
