import { expect, type Locator, type Page } from '@playwright/test';
import { SandboxConsole } from './SandboxConsole';

/**
 * The cluster and failover lab (/labs/cluster, components/labs/cluster/): the shape chooser, the
 * lab console (the sandbox's console parts with a mode selector), the live topology, the timeline.
 */
export class ClusterLabPage {
  readonly startButton: Locator;
  readonly deleteButton: Locator;
  readonly console: SandboxConsole;
  readonly consoleRegion: Locator;
  readonly topology: Locator;
  readonly timeline: Locator;
  readonly keyslot: Locator;
  readonly reshardRegion: Locator;

  constructor(readonly page: Page) {
    this.startButton = page.getByRole('button', { name: 'Start the lab', exact: true });
    this.deleteButton = page.getByRole('button', { name: 'Delete the lab', exact: true });
    this.consoleRegion = page.getByRole('region', { name: /^Lab console/ });
    this.console = new SandboxConsole(page, this.consoleRegion, 'Lab console output');
    this.topology = page.getByRole('region', { name: /^Topology/ });
    this.timeline = page.getByRole('list', { name: 'Lab events, newest first' });
    this.keyslot = page.getByRole('region', { name: 'Keyslot explorer' });
    this.reshardRegion = page.getByRole('region', { name: 'Resharding', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/labs/cluster');
  }

  /** Chooses a shape, starts the lab and waits for its topology (a cluster is ready within seconds). */
  async start(shape: 'Cluster mode enabled' | 'Cluster mode disabled'): Promise<void> {
    await this.requestStart(shape);
    await expect(this.topology).toBeVisible({ timeout: 20_000 });
  }

  /** Chooses a shape and presses Start, without waiting for the lab (it may be refused). */
  async requestStart(shape: 'Cluster mode enabled' | 'Cluster mode disabled'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${shape}`) }).check();
    await this.startButton.click();
  }

  /** The replication shape's endpoints: "→ 127.0.0.1:PORT" (the reader lists its replicas, comma-separated). */
  endpoint(name: 'Primary endpoint' | 'Reader endpoint'): Locator {
    // A definition takes no name from its term: the endpoints are the topology's first two "→" definitions, in this order.
    const endpoints = this.topology.getByRole('definition').filter({ hasText: /^→ / });
    return endpoints.nth(name === 'Primary endpoint' ? 0 : 1);
  }

  /** The replication shape's one shard. */
  get replicationGroup(): Locator {
    return this.topology.getByRole('region', { name: 'Replication group', exact: true });
  }

  shard(id: number): Locator {
    return this.topology.getByRole('region', { name: `Shard ${id}`, exact: true });
  }

  /** A shard's node cards with a role and, optionally, a health ("ok", "down"…). */
  nodes(shard: Locator, role: 'primary' | 'replica', health?: string): Locator {
    const cards = shard.locator(`li[data-role="${role}"]`);
    return health ? cards.and(this.page.locator(`[data-health="${health}"]`)) : cards;
  }

  async addressOf(card: Locator): Promise<string> {
    const label = await card.getAttribute('aria-label');
    return (label ?? '').split(',')[0] ?? '';
  }

  async chooseMode(mode: 'Cluster' | 'One node' | 'Primary endpoint' | 'Reader endpoint', node?: string) {
    await this.consoleRegion.getByRole('radio', { name: mode, exact: true }).check();
    if (node) await this.consoleRegion.getByRole('combobox', { name: 'Node', exact: true }).selectOption(node);
  }

  /** Moves slots with the Resharding form; `pauseAfterKeys` ticks "Pause in the middle of a slot". */
  async reshard(from: number, to: number, slots: number, pauseAfterKeys?: number): Promise<void> {
    const form = this.reshardRegion;
    await form.getByRole('combobox', { name: 'From shard' }).selectOption(String(from));
    await form.getByRole('combobox', { name: 'To shard' }).selectOption(String(to));
    await form.getByRole('spinbutton', { name: 'Slots to move' }).fill(String(slots));
    if (pauseAfterKeys !== undefined) {
      await form.getByRole('checkbox', { name: 'Pause in the middle of a slot' }).check();
      await form.getByRole('spinbutton', { name: 'after this many keys' }).fill(String(pauseAfterKeys));
    }
    await form.getByRole('button', { name: 'Move slots' }).click();
  }

  /** Stops the lab; every test that starts one ends with this. */
  async remove(): Promise<void> {
    await this.deleteButton.click();
    await expect(this.page.getByText('Your lab was stopped and deleted.')).toBeVisible();
  }
}
