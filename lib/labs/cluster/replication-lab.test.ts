/** The replication shape's control plane on a real lab (primary + 2 replicas), shared by the tests in this file. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execInLab, type LabExecReply } from './exec';
import { startFailover } from './failover';
import type { Lab } from './lab';
import { restartNode } from './restart';
import { testLabManager } from './testing';
import { labTopology } from './topology';
import { startWriteLoss, WRITE_LOSS_DEFAULTS } from './write-loss';
import { WRITE_LOSS_KEY, WRITE_LOSS_PADDING_KEY } from './write-loss-experiment';

// A short node timeout: the write-loss experiment kills the primary twice.
const manager = testLabManager('replication', { nodeTimeoutMs: 1_000 });
let lab: Lab;

beforeAll(async () => {
  lab = await manager.start('carol', 'replication');
}, 30_000);
afterAll(() => manager.close());

/** A process's state letter from /proc (R running, S sleeping, T stopped), or "gone". */
function processState(pid: number | undefined): string {
  if (!pid) return 'gone';
  return /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? 'unknown';
}

async function exec(line: string, mode: 'primary' | 'reader' | 'node', node?: string): Promise<LabExecReply> {
  const outcome = await execInLab(lab, line, mode, node);
  if (outcome.kind !== 'reply') throw new Error(`rejected: ${outcome.error}`);
  return outcome.body;
}

describe('a replication lab', () => {
  it('measures write loss: a paused replica loses acknowledged writes without WAIT, none with WAIT, counted exactly', async () => {
    const { done } = await startWriteLoss(lab, { ...WRITE_LOSS_DEFAULTS, writeMs: 300, window: 32 });
    const report = await done;
    expect(report.state, report.message).toBe('done');
    const [plain, waited] = report.rounds;
    for (const round of [plain, waited]) {
      if (!round) throw new Error('a round is missing');
      expect(round.acknowledged).toBeGreaterThan(0);
      expect(round.promoted).not.toBe(round.killed);
      expect(round.survived).not.toBeNull();
      // Each acknowledged INCR returned a distinct value up to lastAcknowledged: what the new primary lacks is the rest.
      expect(round.lost).toBe(Math.max(0, round.lastAcknowledged - (round.survived as number)));
      expect(round.lost as number).toBeLessThanOrEqual(round.acknowledged);
      expect(round.sent).toBe(round.acknowledged + round.unconfirmed + round.failed);
    }
    expect(plain?.writesPerSecond).toBeGreaterThan(100);
    // The replicas were paused while the primary acknowledged more: the promoted one lacks some of them.
    expect(plain?.lost as number).toBeGreaterThan(0);
    // WAIT 1 100 counts a write only once a replica had it: the promoted replica, the least lagged, has them all.
    // During the pause WAIT answered 0: those writes were taken but not acknowledged.
    expect(waited?.lost).toBe(0);
    expect(waited?.unconfirmed).toBeGreaterThan(0);
    expect((await exec(`GET ${WRITE_LOSS_KEY}`, 'primary')).text).toBe(`"${waited?.survived}"`);
    expect(lab.timeline.list().filter((event) => event.kind === 'write-loss')).toHaveLength(2);
    expect((await exec(`DEL ${WRITE_LOSS_KEY} ${WRITE_LOSS_PADDING_KEY}`, 'primary')).text).toBe('(integer) 2');
    // No node is left stopped (state T in /proc/PID/stat): every paused replica was resumed.
    for (const node of lab.nodes) expect(processState(node.instance?.pid), node.address).toMatch(/^[RSD]$/);
  }, 30_000);

  it('fails over gracefully to a replica, loses no acknowledged write and moves the primary endpoint', async () => {
    const before = lab.primaryEndpoint;
    for (let index = 0; index < 50; index++) await exec(`SET key:${index} ${index}`, 'primary');
    const { done } = await startFailover(lab, 1, 'graceful');
    const result = await done;
    expect(
      result.newPrimary,
      lab.timeline
        .list()
        .map((event) => event.text)
        .join('\n'),
    ).not.toBeNull();
    expect(result.newPrimary).not.toBe(before);
    expect(lab.primaryEndpoint).toBe(result.newPrimary);
    expect(await exec('DBSIZE', 'primary')).toMatchObject({ text: '(integer) 50', node: result.newPrimary });
    expect((await exec('ROLE', 'node', before)).text).toMatch(/^1\) "slave"/);
    const topology = await labTopology(lab);
    expect(topology.endpoints.primary).toBe(result.newPrimary);
    expect(topology.shards[0]?.nodes[0]).toMatchObject({ address: result.newPrimary, role: 'primary' });
    expect(topology.shards[0]?.nodes.filter((node) => node.role === 'replica')).toHaveLength(2);
    expect(topology.events.map((event) => event.text).join('\n')).toMatch(
      /least lag[\s\S]*promoted[\s\S]*Primary endpoint moved/,
    );
  }, 30_000);

  it('brings a killed primary back as a replica of the new one', async () => {
    const killed = lab.primaryEndpoint;
    const { done } = await startFailover(lab, 1, 'kill');
    const result = await done;
    expect(result.writeUnavailableMs as number).toBeGreaterThanOrEqual(lab.settings.nodeTimeoutMs);
    expect((await exec('SET after kill', 'primary')).node).toBe(result.newPrimary);
    const afterKill = await labTopology(lab);
    // The former primary is down and still labelled a primary (not a replica); the reader endpoint leaves it out.
    expect(afterKill.shards[0]?.nodes.find((node) => node.address === killed)).toMatchObject({
      role: 'primary',
      health: 'down',
    });
    expect(afterKill.shards[0]?.nodes[0]).toMatchObject({ address: result.newPrimary, role: 'primary', health: 'ok' });
    expect(afterKill.endpoints.reader).toHaveLength(1);
    expect(afterKill.endpoints.reader).not.toContain(killed);
    // The latest move: the write-loss experiment above moved the endpoint too.
    expect(afterKill.events.filter((event) => event.kind === 'endpoint-moved').at(-1)).toMatchObject({
      shard: 1,
      node: result.newPrimary,
      outageMs: expect.any(Number),
    });
    await (
      await restartNode(lab, killed)
    ).done;
    expect((await exec('ROLE', 'node', killed)).text).toMatch(
      /^1\) "slave"\n2\) "127\.0\.0\.1"\n3\) \(integer\) (\d+)/,
    );
    const rejoined = (await labTopology(lab)).shards[0]?.nodes.find((node) => node.address === killed);
    expect(rejoined).toMatchObject({ role: 'replica', health: 'ok' });
    expect(lab.timeline.list().at(-1)?.text).toBe(`Node ${killed} rejoined as a replica of ${lab.primaryEndpoint}`);
  }, 30_000);
});
