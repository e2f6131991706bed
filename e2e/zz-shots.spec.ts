import { expect, test } from './fixtures';

test('shots', { tag: '@layout' }, async ({ page, lesson }, info) => {
  await lesson.goto('first-commands');
  await page.screenshot({ path: `/tmp/shots/${info.project.name}-top.png` });
  const challenge = lesson.challenge('Count three visits');
  await challenge.check();
  await expect(challenge.showSolutionButton).toBeVisible();
  await expect(await challenge.console.run('INCR visits:home')).toHaveText('(integer) 1');
  await challenge.region.screenshot({ path: `/tmp/shots/${info.project.name}-failed.png` });
  const first = lesson.challenge('Your first key');
  await expect(await first.console.run('SET name Ada')).toHaveText('OK');
  await expect(first.passedBadge).toBeVisible();
  await first.region.screenshot({ path: `/tmp/shots/${info.project.name}-passed.png` });
});
