import { request } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';

/*
 * The lab cap, for real: other learners (request contexts, each with a cookie of its own) start
 * replication labs until the app answers 503, then this learner's Start shows "all labs are busy".
 * Its own project, after every other test (playwright.config.ts), so no other test meets the cap.
 */
test('at the lab cap the page says all labs are busy and when to try again', async ({ page, clusterLab, baseURL }) => {
  test.setTimeout(60_000);
  // The e2e app's cap is 3 (playwright.config.ts): the fourth start at the latest is refused.
  const others = await Promise.all(Array.from({ length: 4 }, () => request.newContext({ baseURL })));
  try {
    let refused = false;
    for (const other of others) {
      const response = await other.post('/api/labs/cluster', { data: { shape: 'replication' } });
      if (response.status() === 503) {
        refused = true;
        expect(Number(response.headers()['retry-after'])).toBeGreaterThanOrEqual(60);
        break;
      }
      expect(response.status()).toBe(200);
    }
    expect(refused, 'the cap answered 503').toBe(true);

    await clusterLab.goto();
    await clusterLab.requestStart('Cluster mode disabled');
    await expect(page.getByText(/^All labs are busy, try again in \d+ minutes?\.$/)).toBeVisible();
    await expect(clusterLab.startButton).toBeEnabled();
    await expectNoSeriousViolations(page, '/labs/cluster when every lab is taken');
  } finally {
    await Promise.all(others.map((other) => other.delete('/api/labs/cluster').finally(() => other.dispose())));
  }
});
