import { BRIEF_COMMAND } from '../lib/tools/brief-example.fixtures';
import { expectNoSeriousViolations } from './axe';
import { expect, test as base } from './fixtures';
import { CliBuilderPage } from './pages/CliBuilderPage';
import { tabTo } from './pages/keyboard';
import { SizingPage } from './pages/SizingPage';
import { horizontalOverflow } from './pages/layout';

const test = base.extend<{ builder: CliBuilderPage; sizing: SizingPage }>({
  builder: async ({ page }, provide) => provide(new CliBuilderPage(page)),
  sizing: async ({ page }, provide) => provide(new SizingPage(page)),
});

test.describe('ElastiCache tools', () => {
  test.use({ colorScheme: 'dark' });

  test('the command builder builds the brief’s command, ties each error to its field, and copies it', async ({
    page,
    builder,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/tools');
    await page.getByRole('link', { name: 'Command builder' }).click();
    await expect(builder.command).toContainText('aws elasticache');

    // Typed in as a learner would: the command follows every keystroke.
    await builder.field('Replication group ID').fill('');
    await expect(builder.command).not.toContainText('--replication-group-id');
    await builder.expectFieldIssue('Replication group ID', /Error: A replication group ID is required\./);
    await expect(builder.status).toHaveText('1 error: AWS would refuse this command as it stands.');
    await builder.field('Replication group ID').pressSequentially('prod-cache');
    await expect(builder.command).toHaveText(BRIEF_COMMAND);
    await expect(builder.status).toHaveText('No errors, 2 warnings.');

    await builder.field('Replicas per shard').fill('6');
    await builder.expectFieldIssue(
      'Replicas per shard',
      /Error: Replicas per shard must be a whole number from 0 to 5/,
    );
    await expect(builder.field('Replicas per shard')).toHaveAttribute('aria-invalid', 'true');
    await builder.field('Replicas per shard').fill('2');
    await builder.field('Automatic failover').uncheck();
    await builder.expectFieldIssue('Multi-AZ', /Error: Multi-AZ needs automatic failover/);
    await builder.field('Automatic failover').check();
    await expect(builder.command).toHaveText(BRIEF_COMMAND);
    await expect(
      page.getByRole('link', { name: /^Security: network, TLS/ }).first(),
      'each flag links to the lesson that teaches it',
    ).toHaveAttribute('href', '/learn/security');

    // Keyboard only: from the last field to the copy button, then Enter.
    await builder.field('Snapshot retention (days)').focus();
    await tabTo(page, builder.copyButton, 5);
    await page.keyboard.press('Enter');
    await expect(builder.copyButton).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(BRIEF_COMMAND);
    await expectNoSeriousViolations(page, '/tools/cli-builder with the brief’s command (dark)');

    await builder.chooseCommand('create-serverless-cache');
    await expect(builder.command).toContainText(
      `--cache-usage-limits 'DataStorage={Maximum=100,Unit=GB},ECPUPerSecond={Maximum=50000}'`,
    );
    await builder.chooseCommand('create-cache-cluster');
    await expect(builder.command).toContainText(
      'aws elasticache create-cache-cluster \\\n  --cache-cluster-id web-sessions',
    );
  });

  test('the sizing estimator updates a node-based plan and a Serverless estimate as you type', async ({
    page,
    sizing,
  }) => {
    await sizing.goto();
    await expect(sizing.heading).toHaveText('Estimate, as of 2026-11');
    await sizing.field('Engine').selectOption('Redis OSS');
    // The scenario's illustrative 50 GB node, entered by hand (the form otherwise picks from the node-type table).
    await sizing.field('Memory per node (GB, optional)').fill('50');
    await sizing.field('On-demand price per node-hour (USD, optional)').fill('0.5');
    // The interview scenario: 200 GB and 300k requests a second, with 30% headroom and 25% reserved.
    await expect(sizing.figure(sizing.nodeBased, 'Shards')).toHaveText('7');
    await expect(sizing.figure(sizing.nodeBased, 'Total nodes')).toHaveText('14');
    await expect(sizing.figure(sizing.nodeBased, 'Monthly \\(on-demand\\)')).toHaveText('$5,110');
    await expect(sizing.figure(sizing.serverless, 'Data stored')).toHaveText('$18,250');
    await expect(sizing.figure(sizing.serverless, 'ECPUs')).toHaveText('$2,681');
    await expect(sizing.breakEven).toContainText('No break-even: storing 200 GB on Serverless alone costs $18,250');

    await sizing.field('Dataset size (GB)').fill('0.05');
    await expect(sizing.figure(sizing.serverless, 'Metered data')).toHaveText('1 GB (minimum 1 GB)');
    await sizing.field('Engine').selectOption('Valkey');
    await expect(sizing.figure(sizing.serverless, 'Metered data')).toHaveText('0.1 GB (minimum 0.1 GB)');
    // 2 nodes at $0.50 ($730) against the 0.1 GB minimum ($6.13) plus $0.0060444 per request per second.
    await expect(sizing.breakEven).toContainText('at about 120,000 requests per second');
    await expect(
      sizing.breakEven.getByRole('img', { name: /^Monthly cost against requests per second/ }),
    ).toBeVisible();

    await sizing.field('Region').selectOption('eu-west-1');
    await expect(sizing.serverless).toContainText('Our references hold no Valkey Serverless rate for eu-west-1');
    await sizing.field('Dataset size (GB)').fill('0');
    await expect(sizing.field('Dataset size (GB)')).toHaveAccessibleDescription('Error: Must be more than 0.');
    await expect(page.getByText('Fix the fields marked with an error to see the estimate.')).toBeVisible();
    await sizing.field('Dataset size (GB)').fill('200');
    await expect(sizing.figure(sizing.nodeBased, 'Shards')).toHaveText('7');
    // Memcached: no replicas and no reserved memory, so every node holds 50 GB of the 260.
    await sizing.field('Engine').selectOption('Memcached');
    await expect(sizing.field('Replicas per shard')).toHaveCount(0);
    await expect(sizing.figure(sizing.nodeBased, 'Total nodes')).toHaveText('6');
    await expectNoSeriousViolations(page, '/tools/sizing with an estimate (dark)');

    // The pricing lesson prints its figures from the same module.
    await page.getByRole('link', { name: 'limits, quotas and pricing' }).click();
    await expect(page.getByRole('cell', { name: '100 MB, so about $6 a month' })).toBeVisible();
    await expect(
      page.getByText(/≈ 8\.4 billion ECPUs: about \$19 at the third-party Valkey rate, or \$29/),
    ).toBeVisible();
  });
});

test(
  'both tools fit a 360 px phone, and the header still fits and marks Tools',
  { tag: '@layout' },
  async ({ page, builder, sizing, header }) => {
    const sizingWithBreakEven = async () => {
      await sizing.goto();
      await sizing.field('On-demand price per node-hour (USD, optional)').fill('0.5');
      await expect(sizing.breakEven).toBeVisible();
    };
    for (const open of [() => builder.goto(), sizingWithBreakEven]) {
      await open();
      const overflow = (await horizontalOverflow(page)).excess;
      expect(overflow, `no horizontal scrolling on ${page.url()}`).toBeLessThanOrEqual(0);
      const toggle = await header.themeToggle.boundingBox();
      expect(toggle!.x + toggle!.width, 'the theme toggle fits in the header').toBeLessThanOrEqual(
        page.viewportSize()!.width,
      );
      // Below 1024 px the sections are behind the Menu button, which names the current one.
      if (page.viewportSize()!.width < 1024) {
        await expect(header.menuButton).toHaveAccessibleName('Menu, current section: Tools');
      } else {
        await expect(header.section('Tools')).toHaveAttribute('aria-current', 'page');
      }
      // The desktop's axe passes are in the tests above; at 360 px other sizes (touch targets) apply.
      if (page.viewportSize()!.width <= 360) await expectNoSeriousViolations(page, `${page.url()} at 360 px`);
    }
  },
);
