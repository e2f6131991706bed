import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { LessonLab } from './pages/LessonLab';

/*
 * The lab inside a lesson (components/labs/lesson/, docs/writing-lessons.md): start it from the
 * cluster-mode lesson, run a <LabRun> block in its console, pass a lab challenge checked on it.
 */
test('cluster-mode: start the lab from the lesson, run a LabRun block, pass a lab challenge, read from a replica', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const lab = new LessonLab(page);
  await page.goto('/learn/cluster-mode');
  await lab.start();
  await expect(lab.topology.getByText('Shard 1: 0–5460 (5,461 slots)')).toBeVisible();

  await lab.runButton('CLUSTER KEYSLOT foo').click();
  await expect(lab.console.entries.last()).toContainText('(integer) 12182');

  const challenge = lab.challenge('In your cluster: a profile and a cart in one slot');
  const check = challenge.getByRole('button', { name: 'Check', exact: true });
  await check.click();
  await expect(challenge).toContainText('Not yet: 2 of 2 checks failed.');

  // The console (cluster mode) follows the redirect to shard 3 and stays there for the same slot.
  await expect(await lab.console.run('HSET {user:42}:profile name Ada')).toHaveText(
    /^-> Redirected to slot \[15880\] located at 127\.0\.0\.1:\d+\n\(integer\) 1$/,
  );
  await expect(await lab.console.run('RPUSH {user:42}:cart sku:1')).toHaveText('(integer) 1');
  await check.click();
  await expect(challenge).toContainText('Passed: every check is green.');
  await expect(challenge).toHaveAttribute('data-passed', 'true');

  // READONLY on a replica (<LabRun replicaOf="foo">): MOVED first, then the replica serves the read.
  await lab.console.run('SET foo bar');
  await lab.console.run('WAIT 1 1000');
  await expect(await lab.runBlock(lab.replicaRunButton('GET foo', 'foo'))).toHaveText(
    /^\(error\) MOVED 12182 127\.0\.0\.1:\d+$/,
  );
  await expect(await lab.runBlock(lab.replicaRunButton('READONLY', 'foo'))).toHaveText('OK');
  await expect(await lab.runBlock(lab.replicaRunButton('GET foo', 'foo', 1))).toHaveText('"bar"');
  await expectNoSeriousViolations(page, '/learn/cluster-mode with a lab');

  await lab.remove();
  await expect(lab.startButton).toBeVisible();
});
