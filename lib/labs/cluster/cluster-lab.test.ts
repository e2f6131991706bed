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
import { pausedSlot, resumeReshard, startReshard } from './reshard';
import { restartNode } from './restart';
import { labTopology } from './topology';
import { keyInSlots } from './shard-probe';
import { repairOpenSlots } from './open-slots';
import { replicaOfKey } from './lab-placeholders';
import { testLabManager, waitForSlotAgreement } from './testing';

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

  it('answers help itself, as valkey-cli -c does, with no node named', async () => {
    const ours = await exec('help set');
    expect(ours.node).toBeNull();
    // The CLI styles its help (bold, grey) and ends lines with CR LF; the console prints plain text.
    const cli = await valkeyCli(lab.nodes[0]?.port as number, ['help set'], true);
    expect(`${ours.text}\n`).toBe(cli.replace(/\x1b\[[0-9;]*m/g, '').replace(/\r/g, ''));
    expect(ours.text).toContain('summary: Sets the string value of a key');
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
    expect((await exec('CLUSTER SETSLOT 1 NODE abc')).text).toBe(
      '(error) ERR CLUSTER SETSLOT NODE may only name a node of your own lab: find their ids with CLUSTER NODES.',
    );
    expect((await exec('MIGRATE 10.0.0.1 6379 foo 0 1000')).text).toMatch(
      /^\(error\) ERR MIGRATE may only move keys to a node of your own lab \(127\.0\.0\.1:\d+/,
    );
    const own = lab.nodes[1]?.port;
    expect((await exec(`MIGRATE 127.0.0.1 ${own} foo 0 1000 AUTH2 keyspace guess`)).text).toBe(
      '(error) ERR MIGRATE in the cluster lab is signed in by the lab itself: leave out AUTH and AUTH2.',
    );
    expect((await exec(`MIGRATE 127.0.0.1 ${own} "" 0 1000 auth x KEYS foo`)).ok).toBe(false);
    expect((await exec('RESTORE-ASKING foo 0 x')).ok).toBe(false);
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

  it('runs on a replica of the shard that owns a key (<LabRun replicaOf>): MOVED, then READONLY, then the value', async () => {
    await exec('SET foo bar');
    expect((await exec('WAIT 1 1000')).text).toBe('(integer) 1');
    const replica = replicaOfKey(await labTopology(lab), 'foo');
    expect(replica?.role).toBe('replica');
    const onReplica = async (line: string) => (await exec(line, 'node', replica?.address)).text;
    expect(await onReplica('GET foo')).toMatch(/^\(error\) MOVED 12182 127\.0\.0\.1:\d+$/);
    expect(await onReplica('READONLY')).toBe('OK');
    // The console's connection to the replica stays open, so READONLY holds for the next line.
    expect(await onReplica('GET foo')).toBe('"bar"');
    expect(await onReplica('SET foo baz')).toMatch(/^\(error\) MOVED 12182 /);
    expect(await onReplica('READWRITE')).toBe('OK');
    expect(await onReplica('GET foo')).toMatch(/^\(error\) MOVED 12182 /);
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

  it('lets the learner move a slot by hand: ASK raw in node mode, followed in cluster mode, byte for byte as valkey-cli -c', async () => {
    const source = lab.nodes[2] as Lab['nodes'][number]; // slots 10923–16383
    const target = lab.nodes[1] as Lab['nodes'][number];
    const slot = keySlot('foo');
    const [sourceId, targetId] = await Promise.all([
      adminOf(2).call('cluster', 'myid'),
      adminOf(1).call('cluster', 'myid'),
    ]);
    await exec('SET {foo}:stays here');
    const onNode = async (node: Lab['nodes'][number], line: string) => (await exec(line, 'node', node.address)).text;
    expect(await onNode(target, `CLUSTER SETSLOT ${slot} IMPORTING ${sourceId}`)).toBe('OK');
    expect(await onNode(source, `CLUSTER SETSLOT ${slot} MIGRATING ${targetId}`)).toBe('OK');
    // The app signs MIGRATE in on the target as the learner's own user: the learner never sees the password.
    expect(await onNode(source, `MIGRATE 127.0.0.1 ${target.port} foo 0 5000`)).toBe('OK');

    const asked = await onNode(source, 'GET foo');
    expect(asked).toBe(`(error) ASK ${slot} ${target.address}`);
    expect(`${asked}\n`).toBe(await valkeyCli(source.port, ['GET foo'], false));
    expect(await onNode(source, 'GET {foo}:stays')).toBe('"here"');
    lab.clusterCursor = source.address;
    const followed = (await exec('GET foo')).text;
    expect(followed).toBe(`-> Redirected to slot [12182] located at ${target.address}\n"bar"`);
    expect(`${followed}\n`).toBe(await valkeyCli(source.port, ['GET foo'], true));
    expect(await onNode(target, `CLUSTER COUNTKEYSINSLOT ${slot}`)).toBe('(integer) 1');

    expect(await onNode(source, `MIGRATE 127.0.0.1 ${target.port} "" 0 5000 KEYS {foo}:stays`)).toBe('OK');
    for (const node of [target, source, lab.nodes[0] as Lab['nodes'][number]])
      expect(await onNode(node, `CLUSTER SETSLOT ${slot} NODE ${targetId}`)).toBe('OK');
    expect(await onNode(target, `CLUSTER COUNTKEYSINSLOT ${slot}`)).toBe('(integer) 2');
    expect(await onNode(source, 'GET foo')).toBe(`(error) MOVED ${slot} ${target.address}`);
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

  it('pauses a reshard in the middle of a slot, answering ASK there, and finishes it on resume', async () => {
    // The test above left slot 12182 (foo, {foo}:stays) on shard 2 as its last slot: move it back, pausing after 1 key.
    await exec('SET {foo}:third v');
    const keys = ['foo', '{foo}:stays', '{foo}:third'];
    const source = (await labTopology(lab)).shards[1]?.nodes[0]?.address as string;
    const { done } = await startReshard(lab, 2, 3, 1, 1);
    const deadline = Date.now() + 5_000;
    while (pausedSlot(lab) === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pausedSlot(lab)).toBe(12182);
    expect(lab.timeline.list().at(-1)).toMatchObject({ kind: 'reshard-paused', slot: 12182, progress: { keys: 1 } });
    const answers: string[] = [];
    for (const key of keys) answers.push((await exec(`GET ${key}`, 'node', source)).text);
    expect(answers.filter((text) => /^\(error\) ASK 12182 127\.0\.0\.1:\d+$/.test(text))).toHaveLength(1);
    expect(answers.filter((text) => text.startsWith('"'))).toHaveLength(2);
    expect(resumeReshard(lab)).toBe(true);
    expect(await done).toEqual({ slots: 1, keys: 3 });
    const shard3 = (await labTopology(lab)).shards[2];
    expect(shard3?.slots).toEqual([[10923, 16383]]);
    for (const key of keys) expect((await exec(`GET ${key}`)).text.split('\n').at(-1)).toMatch(/^"/);
  });

  it('repairs a slot half moved by hand before a reshard, as valkey-cli --cluster fix does', async () => {
    // After the tests above shard 1 owns 0–5260 and shard 2 5261–10922, so a reshard from 2 to 1 takes 5261 first.
    // Open 5261 by hand from shard 2 towards shard 3 and move 1 of its 3 keys: SETSLOT NODE shard 1 would then fail.
    const [shard2, shard3] = [lab.nodes[1], lab.nodes[2]] as [Lab['nodes'][number], Lab['nodes'][number]];
    const tag = keyInSlots([[5261, 5261]], 'repair:');
    const keys = [tag, `{${tag}}:a`, `{${tag}}:b`];
    await exec(`MSET ${keys.map((key) => `${key} v`).join(' ')}`);
    const ids = await Promise.all([adminOf(1).call('cluster', 'myid'), adminOf(2).call('cluster', 'myid')]);
    expect((await exec(`CLUSTER SETSLOT 5261 IMPORTING ${ids[0]}`, 'node', shard3.address)).text).toBe('OK');
    expect((await exec(`CLUSTER SETSLOT 5261 MIGRATING ${ids[1]}`, 'node', shard2.address)).text).toBe('OK');
    expect((await exec(`MIGRATE 127.0.0.1 ${shard3.port} ${tag} 0 5000`, 'node', shard2.address)).text).toBe('OK');
    // And a slot only half opened (IMPORTING on shard 3, nothing moved): rolled back.
    expect((await exec(`CLUSTER SETSLOT 5300 IMPORTING ${ids[0]}`, 'node', shard3.address)).text).toBe('OK');
    // And one opened on both sides with no key moved yet: the move is finished.
    expect((await exec(`CLUSTER SETSLOT 5400 IMPORTING ${ids[0]}`, 'node', shard3.address)).text).toBe('OK');
    expect((await exec(`CLUSTER SETSLOT 5400 MIGRATING ${ids[1]}`, 'node', shard2.address)).text).toBe('OK');

    const { done } = await startReshard(lab, 2, 1, 1);
    expect(await done).toEqual({ slots: 1, keys: 3 });
    // Keys on both sides: valkey-cli makes the primary with the most keys (shard 2) the owner and moves the other key back.
    const repaired = lab.timeline.list().filter((event) => event.kind === 'slot-repaired');
    expect(repaired.map(({ slot, shard, progress }) => ({ slot, shard, keys: progress?.keys }))).toEqual([
      { slot: 5261, shard: 2, keys: 1 },
      { slot: 5300, shard: 2, keys: 0 },
      { slot: 5400, shard: 3, keys: 0 },
    ]);
    expect(repaired[0]?.text).toMatch(
      /^Repaired open slot 5261, as valkey-cli --cluster fix does: rolled back: 1 key moved back to shard 2/,
    );
    const shards = (await labTopology(lab)).shards;
    expect(shards[0]?.slots).toEqual([[0, 5261]]);
    expect(shards[1]?.slots.slice(0, 2)).toEqual([
      [5262, 5399],
      [5401, 10922],
    ]);
    expect(shards[2]?.slots[0]).toEqual([5400, 5400]);
    for (const node of [0, 1, 2]) expect(String(await adminOf(node).call('cluster', 'nodes'))).not.toContain('[');
    expect(await repairOpenSlots(lab)).toEqual([]);
    for (const key of keys) expect((await exec(`GET ${key}`)).text.split('\n').at(-1)).toBe('"v"');
  });

  it('replaces a killed primary and serves every slot again within 3 × cluster-node-timeout; the node rejoins as a replica', async () => {
    const shard = (await labTopology(lab)).shards.find((entry) => entry.id === 3);
    const oldPrimary = shard?.nodes.find((node) => node.role === 'primary');
    expect(oldPrimary).toBeDefined();
    await exec('SET foo survived');
    await exec('WAIT 1 1000');
    // The repair above gave shard 3 a slot: its replica must know before its primary dies.
    await waitForSlotAgreement(lab);
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
    await waitForSlotAgreement(lab);
    const { done } = await startFailover(lab, 1, 'graceful');
    const result = await done;
    expect(result.newPrimary).toBe(replica?.address);
    expect(result.writeUnavailableMs as number).toBeLessThan(lab.settings.nodeTimeoutMs);
  }, 30_000);
});
