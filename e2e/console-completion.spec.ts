import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { watchMonacoDownloads } from './monaco-downloads';

/*
 * The console on a phone (components/sandbox/CommandBar.tsx): Monaco is never loaded there; the
 * plain input has a completion list of its own. @layout, so it runs on the 360 px phone project
 * (a touch screen); the desktop project runs it in a 360 px window, the other case where Monaco
 * is not loaded.
 */
test.describe('the console on a phone or a narrow window', { tag: '@layout' }, () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('never loads Monaco; completes HS with the keyboard and runs the command', async ({ page, lesson }) => {
    const repl = lesson.console;
    const monaco = watchMonacoDownloads(page);
    await page.goto('/learn/first-commands');
    await repl.ready();
    await expect(repl.form).toHaveAttribute('data-editor', 'light');

    await repl.input.focus();
    await page.keyboard.type('HS');
    await expect(repl.completionList).toBeVisible();
    await expect(repl.input).toHaveAttribute('aria-expanded', 'true');
    const hset = repl.completionOption('HSET');
    await expect(hset, 'name, argument hint and summary').toContainText(/HSET\s*key .*field value/);
    const box = await repl.completionList.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360, `the list fits 360 px: ${JSON.stringify(box)}`).toBe(true);
    await expectNoSeriousViolations(page, 'a lesson with the completion list open');

    // ↓ walks the list from its first entry while the focus stays in the input.
    const options = repl.completionList.getByRole('option');
    const labels = (await options.allTextContents()).map((text) => /^[A-Z]+/.exec(text)?.[0]);
    const target = labels.indexOf('HSET');
    expect(target, `HSET is offered: ${labels.join(', ')}`).toBeGreaterThanOrEqual(0);
    for (let press = 0; press <= target; press++) await page.keyboard.press('ArrowDown');
    await expect(hset).toHaveAttribute('aria-selected', 'true');
    await expect(repl.input).toHaveAttribute('aria-activedescendant', (await hset.getAttribute('id'))!);
    await expect(repl.input).toBeFocused();
    await page.keyboard.press('Enter');
    await repl.expectValue('HSET ');
    await expect(repl.completionList).toHaveCount(0);
    await expect(repl.replies, 'accepting an entry runs nothing').toHaveCount(0);

    await page.keyboard.type('phone:1 model pixel');
    await page.keyboard.press('Enter');
    await expect(repl.replies.last()).toHaveText('(integer) 1');
    await repl.expectValue('');

    // Escape closes the list and keeps the text; ↑ then walks the history as before.
    await page.keyboard.type('hg');
    await expect(repl.completionOption('HGET')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(repl.completionList).toHaveCount(0);
    await repl.expectValue('hg');
    await page.keyboard.press('ArrowUp');
    await repl.expectValue('HSET phone:1 model pixel');
    await page.keyboard.press('ArrowDown');
    await repl.expectValue('hg');

    // A tap (or click) on an entry writes it too.
    await repl.input.fill('');
    await page.keyboard.type('hge');
    await repl.completionOption('HGETALL').click();
    await repl.expectValue('HGETALL ');
    await expect(repl.input).toBeFocused();
    await page.keyboard.type('phone:1');
    await page.keyboard.press('Enter');
    await expect(repl.replies.last()).toHaveText('1) "model"\n2) "pixel"');

    // On Memcached the list offers memcached's own commands, in its lower case, never Valkey's.
    await repl.chooseEngine('Memcached');
    await repl.input.fill('');
    await repl.input.focus();
    await page.keyboard.type('fl');
    await expect(repl.completionOption('flush_all')).toBeVisible();
    await expect(repl.completionOption('FLUSHALL')).toHaveCount(0);

    await page.waitForLoadState('networkidle');
    expect(monaco, 'no Monaco chunk was downloaded').toEqual([]);
    await expect(repl.editor).toHaveCount(0);
  });
});
