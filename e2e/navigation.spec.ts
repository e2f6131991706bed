import { expect, test } from './fixtures';
import { tabTo } from './pages/keyboard';
import { contentLibrary } from '../lib/content/lessons';
import { horizontalOverflow } from './pages/layout';

// The lessons in reading order, from the same content files the app is built from.
const LESSONS = contentLibrary().lessons.map(({ slug, title }) => ({ slug, title }));
const ENGINE = LESSONS[0]!;
const SECOND = LESSONS[1]!;

test.describe('lesson navigation', () => {
  // On a phone the sidebar's links sit in an "All lessons" disclosure (@layout).
  test(
    'the sidebar lists every lesson in reading order and marks the current one',
    { tag: '@layout' },
    async ({ page, lesson }) => {
      await lesson.goto(ENGINE.slug);

      const links = await lesson.sidebarLinks();
      await expect(links).toHaveText(LESSONS.map((entry) => entry.title));
      await expect(links.filter({ hasText: ENGINE.title })).toHaveAttribute('aria-current', 'page');
      await expect(links.filter({ hasText: SECOND.title })).not.toHaveAttribute('aria-current');
      await expect(lesson.sidebar.locator('[aria-current="page"]:visible')).toHaveCount(1);

      await links.filter({ hasText: SECOND.title }).click();
      await expect(page).toHaveURL(new RegExp(`/learn/${SECOND.slug}$`));
      await expect(lesson.heading).toHaveText(SECOND.title);
      const linksThere = await lesson.sidebarLinks();
      await expect(linksThere.filter({ hasText: SECOND.title })).toHaveAttribute('aria-current', 'page');
      await expect(linksThere.filter({ hasText: ENGINE.title })).not.toHaveAttribute('aria-current');
    },
  );

  test('next and previous links move between lessons, from the first to the last', async ({ page, lesson }) => {
    await lesson.goto(ENGINE.slug);
    await expect(lesson.pagerLink('Previous'), 'the first lesson has no previous one').toHaveCount(0);

    const next = lesson.pagerLink('Next');
    await expect(next).toContainText(SECOND.title);
    await expect(next).toHaveAttribute('rel', 'next');
    await next.click();
    await expect(page).toHaveURL(new RegExp(`/learn/${SECOND.slug}$`));
    await expect(lesson.heading).toHaveText(SECOND.title);

    const previous = lesson.pagerLink('Previous');
    await expect(previous).toContainText(ENGINE.title);
    await expect(previous).toHaveAttribute('rel', 'prev');
    await previous.click();
    await expect(page).toHaveURL(new RegExp(`/learn/${ENGINE.slug}$`));
    await expect(lesson.heading).toHaveText(ENGINE.title);

    const last = LESSONS.at(-1)!;
    await lesson.goto(last.slug);
    await expect(lesson.pagerLink('Next'), 'the last lesson has no next one').toHaveCount(0);
    await expect(lesson.pagerLink('Previous')).toContainText(LESSONS.at(-2)!.title);
  });

  test('an unknown lesson is a 404 "Page not found"', async ({ page }) => {
    const response = await page.goto('/learn/no-such-lesson');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See all lessons' })).toHaveAttribute('href', '/learn');
  });
});

test.describe('theme', () => {
  test('the toggle switches <html> to dark and back', async ({ page, header }) => {
    await page.goto('/');
    await header.themeToggleReady();
    await header.expectTheme('light');

    await header.themeToggle.click();
    await header.expectTheme('dark');
    await expect(header.themeToggle).toHaveAttribute('aria-pressed', 'true');

    await header.themeToggle.click();
    await header.expectTheme('light');
    await expect(header.themeToggle).toHaveAttribute('aria-pressed', 'false');
  });

  test('the choice survives a reload', async ({ page, header }) => {
    await page.goto('/');
    await header.themeToggleReady();
    await header.themeToggle.click();
    await header.expectTheme('dark');
    await page.reload();
    await header.expectTheme('dark');
  });

  test('the toggle works from the keyboard', async ({ page, header }) => {
    await page.goto('/');
    await header.themeToggleReady();
    await header.expectTheme('light');

    await tabTo(page, header.themeToggle);
    await page.keyboard.press('Enter');
    await header.expectTheme('dark');
    await expect(header.themeToggle, 'focus stays on the toggle').toBeFocused();

    await page.keyboard.press('Enter');
    await header.expectTheme('light');
  });
});

test.describe('layout and keyboard', () => {
  for (const path of ['/', `/learn/${ENGINE.slug}`, '/sandbox']) {
    test(`${path} does not scroll horizontally`, { tag: '@layout' }, async ({ page, header }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await header.themeToggleReady();
      // Names what sticks out, so a failure says where to look.
      const overflow = () => horizontalOverflow(page);
      await expect
        .poll(async () => (await overflow()).excess, {
          message: `no horizontal scroll: ${JSON.stringify(await overflow())}`,
        })
        .toBeLessThanOrEqual(0);
    });
  }

  test('a keyboard-only learner reaches the console and runs PING', async ({ page, repl }) => {
    await repl.goto();
    // Monaco mounts by itself once the page is idle. Tabbing while it swaps in for the plain input
    // races the swap (sandbox-editor.spec.ts covers typing across it), so tab to the editor itself.
    await expect(repl.form).toHaveAttribute('data-editor', 'monaco');
    await tabTo(page, repl.input);
    await page.keyboard.type('PING');
    await repl.expectValue('PING');
    await page.keyboard.press('Enter');
    await expect(repl.replies).toHaveCount(1);
    await expect(repl.replies.first()).toHaveText('PONG');
    await expect(repl.input, 'focus stays in the editor for the next command').toBeFocused();
    await repl.expectValue('');

    // Tab leaves the editor (no keyboard trap) and reaches the Run button.
    await page.keyboard.press('Tab');
    await expect(repl.runButton).toBeFocused();
  });
});

test.describe('where am I', () => {
  // [path, the header section it belongs to]: a lesson is in Learn, the dashboard in Progress.
  const SECTIONS: [string, string][] = [
    ['/learn', 'Learn'],
    [`/learn/${ENGINE.slug}`, 'Learn'],
    ['/sandbox', 'Sandbox'],
    ['/labs', 'Labs'],
    ['/labs/cluster', 'Labs'],
    ['/labs/patterns', 'Labs'],
    ['/tools/sizing', 'Tools'],
    ['/drills', 'Drills'],
    ['/interview', 'Interview'],
    ['/progress', 'Progress'],
  ];

  test('the header marks the section of every page, and none on the home page', async ({ page, header }) => {
    // Eleven page loads: on a busy 2-core machine they took more than the default 30 s once.
    test.setTimeout(60_000);
    for (const [path, section] of SECTIONS) {
      await page.goto(path);
      await expect(header.currentSections, path).toHaveCount(1);
      await expect(header.section(section), path).toHaveAttribute('aria-current', 'page');
    }
    await page.goto('/');
    await expect(header.currentSections).toHaveCount(0);
    await header.section('Progress').click();
    await expect(page).toHaveURL(/\/progress$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
  });

  test.describe('at phone width', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('the sections are behind a Menu button that marks the current one and closes with Escape', async ({
      page,
      header,
    }) => {
      await page.goto('/labs');
      await expect(header.section('Learn')).toBeHidden();
      await expect(header.menuButton).toHaveAttribute('aria-expanded', 'false');
      await expect(header.menuButton).toHaveAccessibleName('Menu, current section: Labs');
      await header.menuButton.click();
      await expect(header.menuButton).toHaveAttribute('aria-expanded', 'true');
      await expect(header.currentSections).toHaveText('Labs');
      await page.keyboard.press('Escape');
      await expect(header.section('Learn')).toBeHidden();
      await expect(header.menuButton).toBeFocused();

      // Keyboard only: open, Tab to a section, follow it; the new page has the menu closed.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await expect(header.section('Learn')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/learn$/);
      await expect(header.menuButton).toHaveAttribute('aria-expanded', 'false');
      await expect(header.section('Learn')).toBeHidden();
    });
  });

  test(
    'a lesson table scrolls inside itself on a phone, the page does not, and the header fits',
    { tag: '@layout' },
    async ({ page, lesson, header }) => {
      await lesson.goto('choosing-an-engine');
      const toggle = await header.themeToggle.boundingBox();
      expect(toggle!.x + toggle!.width, 'the last control of the header is inside the screen').toBeLessThanOrEqual(
        page.viewportSize()!.width,
      );
      const table = page.getByRole('region', { name: /^Table: / }).first();
      await expect(table).toBeVisible();
      await expect(table).toHaveAttribute('tabindex', '0');
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      expect(widths.page, 'the page does not pan sideways').toBeLessThanOrEqual(widths.viewport);
      if (widths.viewport <= 400) {
        const box = await table.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
        expect(box.scroll, 'the table is wider than its box, and scrolls inside it').toBeGreaterThan(box.client);
        await table.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => table.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
      }
    },
  );
});
