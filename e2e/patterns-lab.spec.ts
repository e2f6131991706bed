import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { horizontalOverflow } from './pages/layout';

/*
 * The caching-patterns lab on the real lab servers and origin database of the e2e app. Short runs
 * (2 s) so the whole file adds seconds, not minutes: the charts filling and the summary showing is
 * what a learner must see, whatever the figures. The first experiment also waits for the origin to
 * open: on a fresh clone that is its first seeding (the e2e app seeds a small catalogue, see
 * playwright.config.ts), hence the generous first timeouts.
 */
const ORIGIN_OPENING_MS = 60_000;
/** The pipelining experiment needs only the lab's cache server, which starts on first use in a few seconds. */
const LAB_SERVER_STARTING_MS = 30_000;
/** On a lesson, axe checks the lab and its challenges only: the lessons themselves are checked in accessibility.spec.ts. */
const LAB_AND_CHALLENGES = ['[data-testid="patterns-lab"]', '[data-challenge-id]'];
test('a preset run from the caching-patterns lesson fills the charts and shows the summary', async ({
  page,
  lesson,
  patternsLab,
}) => {
  test.setTimeout(120_000);
  await lesson.goto('caching-patterns');
  await patternsLab.workload.scrollIntoViewIfNeeded();
  // The preset compares cache-aside with no cache; one short cache-aside run is enough here.
  await expect(patternsLab.field('Pattern')).toHaveValue('cache-aside');
  await patternsLab.field('Compare with').selectOption({ label: 'Nothing (one run)' });
  await patternsLab.field('Seconds (s)').fill('2');
  await patternsLab.runButton.click();

  // Done within the 2 s asked for (plus the origin's first opening), with a data point per second.
  await expect(patternsLab.workload.getByText(/^Cache-aside: done, [12] data points?\.$/)).toBeVisible({
    timeout: ORIGIN_OPENING_MS,
  });
  await expect(patternsLab.chart('Hit ratio')).toHaveAccessibleName(/^Hit ratio, [12] of 2 seconds: hit ratio \d/);
  await expect(patternsLab.chart('Read latency \\(p50, p95, p99\\)')).toHaveAccessibleName(/p99 [\d.]+ ms/);
  await expect(patternsLab.summary).toBeVisible();
  await expect(patternsLab.summary.getByRole('row', { name: /^Reads [\d,]+$/ })).toBeVisible();
  // The code beside the commands the run sent.
  await expect(patternsLab.workload.getByRole('region', { name: 'Cache-aside: source' })).toContainText('cache');

  // The lesson's challenge re-checks by itself: the finished run meets its first condition.
  const challenge = lesson.challenge('Get a hit ratio of 80 % with cache-aside');
  await challenge.region.scrollIntoViewIfNeeded();
  await challenge.check();
  await expect(challenge.result('A finished cache-aside run with at least 1 % writes')).toHaveAttribute(
    'data-state',
    'passed',
  );
  await expectNoSeriousViolations(page, '/learn/caching-patterns after a patterns lab run', LAB_AND_CHALLENGES);
});

test('the stampede comparison from the cache-stampedes lesson passes its challenge', async ({
  page,
  lesson,
  patternsLab,
  header,
}) => {
  test.setTimeout(120_000);
  await lesson.goto('cache-stampedes');
  await patternsLab.stampede.scrollIntoViewIfNeeded();
  await expect(patternsLab.stampede.getByLabel('Readers', { exact: true })).toHaveValue('200');
  await patternsLab.stampede.getByRole('button', { name: 'Compare no protection and single-flight lock' }).click();

  // Header row plus one row per strategy, each with its figures.
  await expect(patternsLab.stampedeRows).toHaveCount(3, { timeout: ORIGIN_OPENING_MS });
  await expect(patternsLab.stampedeRows.nth(1)).toContainText('No protection, 200 readers');
  await expect(patternsLab.stampedeRows.nth(2)).toContainText('Single-flight lock, 200 readers');

  const challenge = lesson.challenge('One origin query per expiry, with 200 readers');
  await challenge.region.scrollIntoViewIfNeeded();
  await challenge.check();
  await expect(challenge.passedBadge).toBeVisible();
  await expectNoSeriousViolations(
    page,
    '/learn/cache-stampedes after a stampede comparison (light)',
    LAB_AND_CHALLENGES,
  );
  await header.themeToggleReady();
  await header.themeToggle.click();
  await header.expectTheme('dark');
  await expectNoSeriousViolations(
    page,
    '/learn/cache-stampedes after a stampede comparison (dark)',
    LAB_AND_CHALLENGES,
  );
});

test('the pipelining comparison from the clients-in-production lesson passes its challenge', async ({
  page,
  lesson,
  patternsLab,
}) => {
  test.setTimeout(60_000);
  await lesson.goto('clients-in-production');
  await patternsLab.pipelining.scrollIntoViewIfNeeded();
  await expect(patternsLab.pipelining.getByLabel('Added latency per round trip')).toHaveValue('2');
  // 200 commands keep the 2 ms run under a second (400 round trips one by one).
  await patternsLab.pipelining.getByLabel('Commands (N)').fill('200');
  await patternsLab.pipelining.getByRole('button', { name: 'Compare loopback and 2 ms' }).click();

  // Header row plus four ways of sending for each of the two runs; the lab's cache server may be starting (first use).
  await expect(patternsLab.pipeliningRows).toHaveCount(9, { timeout: LAB_SERVER_STARTING_MS });
  await expect(patternsLab.pipeliningRows.nth(1)).toContainText('One by one, 200 keys, loopback');
  await expect(patternsLab.pipeliningRows.nth(6)).toContainText('One pipeline, 200 keys, +2 ms per round trip');
  await expect(patternsLab.pipelining.getByTestId('pipelining-summary')).toContainText(/proxy added [\d.]+ ms/);

  const challenge = lesson.challenge('Measure what a round trip costs');
  await challenge.region.scrollIntoViewIfNeeded();
  await challenge.check();
  await expect(challenge.passedBadge).toBeVisible();
  await expectNoSeriousViolations(
    page,
    '/learn/clients-in-production after a pipelining comparison',
    LAB_AND_CHALLENGES,
  );
});

test("write-behind with its consumer killed: the queue lag chart and the summary's lost writes", async ({
  patternsLab,
}) => {
  test.setTimeout(120_000);
  await patternsLab.goto();
  await patternsLab.field('Pattern').selectOption({ label: 'Write-behind' });
  await patternsLab.field('Compare with').selectOption({ label: 'Nothing (one run)' });
  await patternsLab.field('Seconds (s)').fill('2');
  await patternsLab.field('Read share').fill('0.5');
  await patternsLab.workload.getByRole('checkbox', { name: 'Kill the consumer after' }).check();
  await patternsLab.field('Seconds before the consumer is killed').fill('1');
  await patternsLab.runButton.click();

  await expect(patternsLab.workload.getByText(/^Write-behind: done, [12] data points?\.$/)).toBeVisible({
    timeout: ORIGIN_OPENING_MS,
  });
  await expect(patternsLab.chart('Write-behind queue lag \\(writes not yet in the database\\)')).toHaveAccessibleName(
    /queued writes [\d,]+$/,
  );
  await expect(patternsLab.summary.getByRole('row', { name: /^Lost writes [1-9][\d,]*$/ })).toBeVisible();
});

test(
  'the patterns lab page at phone width: nothing overflows, axe passes',
  { tag: '@layout' },
  async ({ page, patternsLab }) => {
    await patternsLab.goto();
    await expect(patternsLab.runButton).toBeEnabled();
    await expect(
      patternsLab.workload.getByText('No run yet: choose a workload and run it.', { exact: false }),
    ).toBeVisible();
    const overflow = (await horizontalOverflow(page)).excess;
    expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(page, '/labs/patterns before a run');
  },
);
