import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { horizontalOverflow } from './pages/layout';

/*
 * The cluster lab on a real lab (6 valkey-server processes per test, stopped at the end). One lab
 * per test: the desktop test walks the whole story, the @phone-only test proves the 360 px layout.
 */
test('a cluster lab: topology, MOVED in node mode, redirects in cluster mode, a killed primary replaced', async ({
  page,
  clusterLab,
  header,
}) => {
  test.setTimeout(120_000);
  await clusterLab.goto();
  await clusterLab.start('Cluster mode enabled');

  for (const id of [1, 2, 3]) {
    const shard = clusterLab.shard(id);
    await expect(clusterLab.nodes(shard, 'primary', 'ok')).toHaveCount(1);
    await expect(clusterLab.nodes(shard, 'replica', 'ok')).toHaveCount(1);
  }
  await expect(clusterLab.topology.getByText('Shard 1: 0–5460 (5,461 slots)')).toBeVisible();
  await expect(clusterLab.timeline).toContainText('Cluster of 3 shards (3 primaries, 3 replicas) ready in');

  // foo hashes to slot 12182, shard 3's: asked on shard 1's primary, it answers MOVED raw.
  const shard1Primary = await clusterLab.addressOf(clusterLab.nodes(clusterLab.shard(1), 'primary'));
  const shard3Primary = await clusterLab.addressOf(clusterLab.nodes(clusterLab.shard(3), 'primary'));
  await clusterLab.chooseMode('One node', shard1Primary);
  const moved = await clusterLab.console.run('GET foo');
  await expect(moved).toHaveText(`(error) MOVED 12182 ${shard3Primary}`);
  await expect(clusterLab.console.entries.last().getByTestId('answered-by')).toHaveText(`from ${shard1Primary}`);

  // Cluster mode follows the redirect as valkey-cli -c does, and says who answered.
  await clusterLab.chooseMode('Cluster');
  const followed = await clusterLab.console.run('SET foo bar');
  await expect(followed).toHaveText(`-> Redirected to slot [12182] located at ${shard3Primary}\nOK`);
  await expect(clusterLab.console.entries.last().getByTestId('answered-by')).toHaveText(`from ${shard3Primary}`);

  // A reshard paused in the middle of slot 10922 (shard 2's last): the moved key answers ASK on shard 2's primary.
  await clusterLab.chooseMode('Cluster');
  await clusterLab.console.run('MSET {order:13704}:a 1 {order:13704}:b 2');
  const shard2Primary = await clusterLab.addressOf(clusterLab.nodes(clusterLab.shard(2), 'primary'));
  await clusterLab.reshard(2, 3, 1, 1);
  await expect(clusterLab.reshardRegion).toContainText('Paused in the middle of slot 10922: 1 key moved so far.');
  await clusterLab.chooseMode('One node', shard2Primary);
  const replies = [
    await (await clusterLab.console.run('GET {order:13704}:a')).textContent(),
    await (await clusterLab.console.run('GET {order:13704}:b')).textContent(),
  ];
  expect(replies.filter((text) => text === `(error) ASK 10922 ${shard3Primary}`)).toHaveLength(1);
  await clusterLab.reshardRegion.getByRole('button', { name: 'Finish the move' }).click();
  await expect(clusterLab.reshardRegion).toContainText('Done: 1 slot and 2 keys moved from shard 2 to shard 3.');

  // A slot left open by hand (MIGRATING on its owner, nothing moved) is closed by Repair open slots.
  const myId = await clusterLab.console.run('CLUSTER MYID');
  const shard2Id = ((await myId.textContent()) ?? '').replaceAll('"', '');
  await clusterLab.chooseMode('One node', shard1Primary);
  await expect(await clusterLab.console.run(`CLUSTER SETSLOT 100 MIGRATING ${shard2Id}`)).toHaveText('OK');
  await clusterLab.reshardRegion.getByRole('button', { name: 'Repair open slots' }).click();
  await expect(clusterLab.timeline).toContainText(
    'Repaired open slot 100, as valkey-cli --cluster fix does: closed (STABLE): no key had moved, shard 1 still owns it',
  );

  // The keyslot explorer agrees with the server.
  await clusterLab.keyslot.getByRole('textbox', { name: 'Key', exact: true }).fill('foo');
  await expect(clusterLab.keyslot.getByTestId('keyslot')).toHaveText('12182');
  await expect(clusterLab.keyslot).toContainText('owned by shard 3');

  // Kill shard 3's primary: its replica is promoted, the timeline measures the outage.
  const shard3 = clusterLab.shard(3);
  const replica = await clusterLab.addressOf(clusterLab.nodes(shard3, 'replica'));
  await shard3.getByRole('button', { name: 'Kill the primary of shard 3' }).click();
  await expect(clusterLab.timeline).toContainText(`Primary ${shard3Primary} of shard 3 stopped hard (SIGKILL)`);
  await expect(clusterLab.timeline).toContainText(`Replica ${replica} promoted to primary of shard 3`, {
    timeout: 20_000,
  });
  await expect(clusterLab.timeline).toContainText(/writes failed for \d+ ms/, { timeout: 20_000 });
  await expect(clusterLab.timeline.getByText(/writes unavailable \d+\.\d\d s/)).toBeVisible();
  await expect(shard3.getByRole('listitem', { name: `${replica}, primary, ok` })).toBeVisible();
  await expect(shard3.getByRole('listitem', { name: new RegExp(`^${shard3Primary}, .*, down$`) })).toBeVisible();
  await expectNoSeriousViolations(page, '/labs/cluster after a failover (light)');

  // The killed node comes back as a replica.
  await shard3.getByRole('button', { name: `Restart ${shard3Primary}` }).click();
  await expect(shard3.getByRole('listitem', { name: `${shard3Primary}, replica, ok` })).toBeVisible({
    timeout: 20_000,
  });

  await header.themeToggleReady();
  await header.themeToggle.click();
  await header.expectTheme('dark');
  await expectNoSeriousViolations(page, '/labs/cluster after a failover (dark)');

  await clusterLab.remove();
  await expect(clusterLab.startButton).toBeVisible();
});

test('a replication lab: a graceful failover moves the primary endpoint, the reader endpoint follows', async ({
  page,
  clusterLab,
}) => {
  test.setTimeout(60_000);
  await clusterLab.goto();
  await clusterLab.start('Cluster mode disabled');
  const group = clusterLab.replicationGroup;
  await expect(clusterLab.nodes(group, 'primary', 'ok')).toHaveCount(1);
  await expect(clusterLab.nodes(group, 'replica', 'ok')).toHaveCount(2);
  const primary = await clusterLab.addressOf(clusterLab.nodes(group, 'primary'));
  await expect(clusterLab.endpoint('Primary endpoint')).toHaveText(`→ ${primary}`);
  await expect(clusterLab.endpoint('Reader endpoint')).not.toContainText(primary);
  await expect(page.getByText(/stopped and deleted after 15 minutes without a command or an operation/)).toBeVisible();

  await group.getByRole('button', { name: 'Graceful failover', exact: true }).click();
  await expect(clusterLab.timeline).toContainText('Primary endpoint moved to', { timeout: 15_000 });
  await expect(clusterLab.endpoint('Primary endpoint')).not.toHaveText(`→ ${primary}`);
  const promoted = await clusterLab.addressOf(clusterLab.nodes(group, 'primary', 'ok'));
  await expect(clusterLab.endpoint('Primary endpoint')).toHaveText(`→ ${promoted}`);
  await expect(clusterLab.endpoint('Reader endpoint')).toContainText(primary);
  await expect(clusterLab.endpoint('Reader endpoint')).not.toContainText(promoted);
  await expect(group.getByRole('listitem', { name: `${primary}, replica, ok` })).toBeVisible();

  await clusterLab.chooseMode('Primary endpoint');
  await expect(await clusterLab.console.run('SET after failover')).toHaveText('OK');
  await expect(clusterLab.console.entries.last().getByTestId('answered-by')).toHaveText(`from ${promoted}`);
  await expectNoSeriousViolations(page, '/labs/cluster, replication shape after a failover');
  await clusterLab.remove();
});

test(
  'the lab at phone width: shards stack, nothing overflows, axe passes',
  { tag: '@phone-only' },
  async ({ page, clusterLab, header }) => {
    test.setTimeout(90_000);
    await clusterLab.goto();
    await expect(clusterLab.startButton).toBeEnabled();
    await expectNoSeriousViolations(page, '/labs/cluster before a lab starts');
    await clusterLab.start('Cluster mode enabled');
    await expect(clusterLab.nodes(clusterLab.shard(3), 'primary', 'ok')).toHaveCount(1);
    await expect(await clusterLab.console.run('CLUSTER KEYSLOT {user:42}:cart')).toHaveText('(integer) 15880');

    const overflow = (await horizontalOverflow(page)).excess;
    expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
    // The header gained a "Lab" item: its last control must still fit the width.
    const toggle = await header.themeToggle.boundingBox();
    expect(toggle!.x + toggle!.width, 'the theme toggle fits in the header').toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );
    const [first, second] = await Promise.all([clusterLab.shard(1).boundingBox(), clusterLab.shard(2).boundingBox()]);
    expect(second!.y, 'shards stack below each other').toBeGreaterThan(first!.y);
    await expectNoSeriousViolations(page, '/labs/cluster with a running cluster lab');

    // Kill shard 1's primary at phone width: the timeline shows the promotion, the replica's card says primary.
    const shard1 = clusterLab.shard(1);
    const killed = await clusterLab.addressOf(clusterLab.nodes(shard1, 'primary'));
    const replica = await clusterLab.addressOf(clusterLab.nodes(shard1, 'replica'));
    await shard1.getByRole('button', { name: 'Kill the primary of shard 1' }).click();
    await expect(clusterLab.timeline).toContainText(`Replica ${replica} promoted to primary of shard 1`, {
      timeout: 20_000,
    });
    await expect(shard1.getByRole('listitem', { name: `${replica}, primary, ok` })).toBeVisible({ timeout: 10_000 });
    await expect(shard1.getByRole('listitem', { name: new RegExp(`^${killed}, .*, down$`) })).toBeVisible();
    await expect(clusterLab.timeline.getByText(/writes unavailable \d+\.\d\d s/)).toBeVisible({ timeout: 10_000 });
    await clusterLab.remove();
  },
);
