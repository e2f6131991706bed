/** A real cluster lab (6 valkey-server processes), shared by every test in this file. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { LearnerConnection } from '@/lib/sandbox/learner-connection';
import { execInLab, type LabExecReply } from './exec';
import type { Lab } from './lab';
import { LAB_LEARNER_USER } from './lab-node';
import { keySlot } from './keyslot';
import { startFailover } from './failover';
import { startReshard } from './reshard';
import { restartNode } from './restart';
import { labTopology } from './topology';
import { testLabManager } from './testing';

const manager = testLabManager('cluster');
let lab: Lab;

beforeAll(async () => {
  lab = await manager.start('alice', 'cluster');
}, 30_000);
afterAll(() => manager.close());

async function exec(line: string, mode: 'cluster' | 'node' = 'cluster', node?: string): Promise<LabExecReply> {
  const outcome = await execInLab(lab, line, mode, node);
  if (outcome.kind !== 'reply') throw new Error(`rejected: ${outcome.error}`);
  return outcome.body;
}

/** valkey-cli in its REPL (stdin not a terminal, so no prompt), with terminal formatting forced. */
async function valkeyCli(port: number, lines: string[], cluster: boolean): Promise<string> {
  const args = [
    '--no-raw',
    '--no-auth-warning',
    '-p',
    String(port),
    '--user',
    LAB_LEARNER_USER,
    '--pass',
    lab.password,
  ];
  const child = execFile('valkey-cli', cluster ? ['-c', ...args] : args);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stdin?.end(lines.map((line) => `${line}\n`).join(''));
  await new Promise((resolve) => child.once('exit', resolve));
  return out;
}

const adminOf = (index: number) => lab.nodes[index]?.admin as Redis;

describe('a cluster lab', () => {
  it('computes the same slot as CLUSTER KEYSLOT for 1,000 random keys and hash tags', async () => {
    const keys = Array.from({ length: 1000 }, (_, index) => {
      const random = randomBytes(1 + (index % 12)).toString(index % 3 === 0 ? 'hex' : 'latin1');
      const shapes = [
        random,
        `{${random}}:tail`,
        `user:{42}:${random}`,
        `${random}{}{x}`,
        `{}${random}`,
        `a{b`,
        `}{${random}`,
      ];
      return shapes[index % shapes.length] as string;
    });
    const pipeline = adminOf(0).pipeline();
    for (const key of keys) pipeline.call('cluster', 'keyslot', Buffer.from(key, 'latin1'));
    const replies = (await pipeline.exec()) ?? [];
    expect(replies.map(([, slot]) => slot)).toEqual(keys.map((key) => keySlot(Buffer.from(key, 'latin1'))));
  });

  it('answers MOVED raw in node mode, byte for byte as valkey-cli', async () => {
    const wrong = lab.nodes[0] as Lab['nodes'][number]; // slots 0–5460; foo is in 12182
    const text = (await exec('SET foo bar', 'node', wrong.address)).text;
    expect(text).toMatch(/^\(error\) MOVED 12182 127\.0\.0\.1:\d+$/);
    expect(`${text}\n`).toBe(await valkeyCli(wrong.port, ['SET foo bar'], false));
  });

  it('follows redirects in cluster mode, byte for byte as valkey-cli -c', async () => {
    const first = lab.nodes[0] as Lab['nodes'][number];
    const lines = ['SET foo bar', 'GET foo', 'SET a 1', 'CLUSTER KEYSLOT foo', 'INCR foo'];
    lab.clusterCursor = first.address;
    const ours: string[] = [];
    for (const line of lines) ours.push((await exec(line)).text);
    expect(ours[0]).toMatch(/^-> Redirected to slot \[12182\] located at 127\.0\.0\.1:\d+\nOK$/);
    expect(ours.map((text) => `${text}\n`).join('')).toBe(await valkeyCli(first.port, lines, true));
  });

  it('names the node that answered', async () => {
    lab.clusterCursor = (lab.nodes[0] as Lab['nodes'][number]).address;
    const reply = await exec('GET foo');
    expect(reply.node).toBe(lab.nodes.find((node) => node.address === reply.node)?.address);
    expect(reply.node).not.toBe(lab.nodes[0]?.address);
  });

  it('refuses commands that name an address outside the lab, and the ACL user refuses them too', async () => {
    expect((await exec('REPLICAOF 10.0.0.1 6379')).text).toMatch(
      /^\(error\) ERR REPLICAOF may only name a node of your own lab/,
    );
    expect((await exec('CLUSTER MEET 10.0.0.1 6379')).text).toMatch(
      /^\(error\) ERR CLUSTER MEET is disabled in the cluster lab: it talks to servers outside your lab/,
    );
    expect((await exec('CLUSTER SETSLOT 1 NODE abc')).text).toMatch(
      /^\(error\) ERR CLUSTER SETSLOT is disabled in the cluster lab/,
    );
    expect((await exec('MIGRATE 10.0.0.1 6379 foo 0 1000')).text).toMatch(
      /^\(error\) ERR MIGRATE is disabled in the cluster lab/,
    );
    for (const line of [
      'CONFIG GET *',
      'DEBUG SLEEP 1',
      'SHUTDOWN',
      'MODULE LIST',
      'EVAL "return 1" 0',
      'INFO server',
    ]) {
      expect((await exec(line)).ok, line).toBe(false);
    }
    const learner = new Redis({
      port: lab.nodes[0]?.port,
      username: LAB_LEARNER_USER,
      password: lab.password,
      lazyConnect: true,
    });
    try {
      await learner.connect();
      for (const command of [
        ['cluster', 'meet', '10.0.0.1', '6379'],
        ['migrate', '10.0.0.1', '6379', 'foo', '0', '1000'],
        ['config', 'get', '*'],
        ['shutdown'],
        ['eval', 'return 1', '0'],
        ['acl', 'list'],
      ]) {
        await expect(learner.call(command[0] as string, ...command.slice(1)), command.join(' ')).rejects.toThrow(
          /NOPERM/,
        );
      }
      // DEBUG is also off in every node's config (enable-debug-command no), before the ACL is asked.
      await expect(learner.call('debug', 'sleep', '0')).rejects.toThrow(/NOPERM|not allowed/);
      expect(await learner.call('cluster', 'keyslot', 'foo')).toBe(12182);
    } finally {
      learner.disconnect();
    }
  });

  it('runs the lab-only commands: CLUSTER INFO raw, ROLE, DBSIZE, WAIT, INFO replication', async () => {
    const info = await exec('CLUSTER INFO');
    expect(info.text).toMatch(/^cluster_state:ok\r?\n/);
    expect((await exec('ROLE')).text).toMatch(/^1\) "master"/);
    expect((await exec('WAIT 1 1000')).text).toMatch(/^\(integer\) [01]$/);
    expect((await exec('INFO replication')).text).toMatch(/^# Replication/);
    const all = (await exec('INFO')).text;
    for (const section of ['Replication', 'Memory', 'Stats', 'Cluster', 'Keyspace'])
      expect(all).toContain(`# ${section}`);
    expect(all).not.toContain('# Server');
  });

  it("keeps two learners' labs apart", async () => {
    const bob = await manager.start('bob', 'replication');
    try {
      const foreign = bob.nodes[0]?.address as string;
      await expect(execInLab(lab, 'PING', 'node', foreign)).rejects.toThrow(AppError);
      expect((await exec(`REPLICAOF 127.0.0.1 ${foreign.split(':')[1]}`, 'node', lab.nodes[0]?.address)).text).toMatch(
        /may only name a node of your own lab/,
      );
      expect(bob.password).not.toBe(lab.password);
      const target = { host: '127.0.0.1', port: bob.nodes[0]?.port as number, tls: false };
      await expect(LearnerConnection.open(target, LAB_LEARNER_USER, lab.password, 1024)).rejects.toThrow(/WRONGPASS/);
    } finally {
      await manager.stop('bob');
    }
  });

  it('answers ASK in node mode and follows it in cluster mode, byte for byte as valkey-cli -c', async () => {
    const source = lab.nodes[2] as Lab['nodes'][number]; // slots 10923–16383
    const target = lab.nodes[1] as Lab['nodes'][number];
    const slot = keySlot('foo');
    const [sourceId, targetId] = await Promise.all([
      adminOf(2).call('cluster', 'myid'),
      adminOf(1).call('cluster', 'myid'),
    ]);
    await adminOf(1).call('cluster', 'setslot', String(slot), 'importing', sourceId as string);
    await adminOf(2).call('cluster', 'setslot', String(slot), 'migrating', targetId as string);
    await adminOf(2).call(
      'migrate',
      '127.0.0.1',
      String(target.port),
      'foo',
      '0',
      '5000',
      'auth2',
      'keyspace',
      lab.password,
    );
    try {
      const asked = (await exec('GET foo', 'node', source.address)).text;
      expect(asked).toBe(`(error) ASK ${slot} ${target.address}`);
      expect(`${asked}\n`).toBe(await valkeyCli(source.port, ['GET foo'], false));
      lab.clusterCursor = source.address;
      const followed = (await exec('GET foo')).text;
      expect(followed).toMatch(/^-> Redirected to slot \[12182\] located at 127\.0\.0\.1:\d+\n"/);
      expect(`${followed}\n`).toBe(await valkeyCli(source.port, ['GET foo'], true));
    } finally {
      for (const index of [1, 2, 0])
        await adminOf(index).call('cluster', 'setslot', String(slot), 'node', targetId as string);
    }
    expect((await exec('GET foo', 'node', target.address)).text).toMatch(/^"/);
  });

  it('reshards: moves slots with their keys, losing none', async () => {
    const keys = Array.from({ length: 300 }, (_, index) => `reshard:${index}`);
    for (const key of keys) expect((await exec(`SET ${key} v-${key}`)).ok).toBe(true);
    const before = (await labTopology(lab)).shards;
    const { done } = await startReshard(lab, 1, 2, 200);
    expect(await done).toMatchObject({ slots: 200 });
    const after = (await labTopology(lab)).shards;
    expect(after[0]?.slots).toEqual([[0, (before[0]?.slots[0]?.[1] ?? 0) - 200]]);
    expect(after[1]?.slots[0]?.[0]).toBe((before[0]?.slots[0]?.[1] ?? 0) - 199);
    const total = (shards: typeof after) =>
      shards
        .flatMap((shard) => shard.nodes)
        .filter((node) => node.role === 'primary')
        .reduce((sum, node) => sum + (node.keys ?? 0), 0);
    expect(total(after)).toBe(total(before));
    for (const key of keys) expect((await exec(`GET ${key}`)).text.split('\n').at(-1)).toBe(`"v-${key}"`);
    expect(lab.timeline.list().at(-1)?.text).toMatch(
      /^Resharding done: 200 slots and \d+ keys moved from shard 1 to shard 2$/,
    );
  }, 30_000);

  it('replaces a killed primary and serves every slot again within 3 × cluster-node-timeout; the node rejoins as a replica', async () => {
    const shard = (await labTopology(lab)).shards.find((entry) => entry.id === 3);
    const oldPrimary = shard?.nodes.find((node) => node.role === 'primary');
    expect(oldPrimary).toBeDefined();
    await exec('SET foo survived');
    await exec('WAIT 1 1000');
    const started = Date.now();
    const { done } = await startFailover(lab, 3, 'kill');
    const result = await done;
    const bound = 3 * lab.settings.nodeTimeoutMs;
    expect(result.writeUnavailableMs).not.toBeNull();
    expect(result.writeUnavailableMs as number).toBeLessThanOrEqual(bound);
    for (const node of lab.nodes.filter((entry) => entry.alive)) {
      expect(await node.admin?.call('cluster', 'info')).toMatch(/cluster_state:ok/);
    }
    expect(Date.now() - started).toBeLessThanOrEqual(bound + 500);
    const healed = (await labTopology(lab)).shards.find((entry) => entry.id === 3);
    expect(healed?.nodes.find((node) => node.role === 'primary' && node.health === 'ok')?.address).toBe(
      result.newPrimary,
    );
    expect(healed?.nodes.find((node) => node.address === oldPrimary?.address)?.health).toBe('down');
    expect((await exec('GET foo')).text.split('\n').at(-1)).toBe('"survived"');
    const texts = lab.timeline.list().map((event) => event.text);
    expect(texts.some((text) => /stopped hard \(SIGKILL\)/.test(text))).toBe(true);
    expect(texts.some((text) => /promoted to primary of shard 3/.test(text))).toBe(true);

    const restarted = await restartNode(lab, oldPrimary?.address as string);
    await restarted.done;
    const rejoined = (await labTopology(lab)).shards.find((entry) => entry.id === 3);
    expect(rejoined?.nodes.find((node) => node.address === oldPrimary?.address)).toMatchObject({
      role: 'replica',
      health: 'ok',
    });
  }, 30_000);

  it('fails over gracefully: the replica takes over and no write fails for long', async () => {
    const shard = (await labTopology(lab)).shards.find((entry) => entry.id === 1);
    const replica = shard?.nodes.find((node) => node.role === 'replica');
    const { done } = await startFailover(lab, 1, 'graceful');
    const result = await done;
    expect(result.newPrimary).toBe(replica?.address);
    expect(result.writeUnavailableMs as number).toBeLessThan(lab.settings.nodeTimeoutMs);
  }, 30_000);
});
