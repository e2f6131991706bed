/**
 * Integration, on the real test Valkey: the memory budget and the per-learner key index
 * (issue 10, findings M2, M3 and L1). Binary key names are weighed, listed and deleted; MEMORY
 * USAGE is not fooled by sampling; copies (BITOP, *STORE) are weighed before they run; emulated
 * SCAN walks the learner's own index, so its cursor says nothing about the rest of the server.
 */
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { closeSandbox, replyText } from '@/lib/testing/sandbox';
import { ACTIVE_LEARNERS_KEY, sandboxKeyIndexKey } from '@/lib/valkey/keys';
import { executeLine } from './execute';
import { listLearnerKeys } from './key-browser';
import { newLearnerId } from './learner';
import { learnerSession, resetLearner, sweepIdleLearners } from './learners';
import { sandboxLimits, type SandboxLimits } from './limits';

let admin: Redis;
beforeAll(() => {
  admin = new Redis(inject('sandboxUrl'));
});
afterAll(async () => {
  admin.disconnect();
  await closeSandbox();
});

// The tests below write long members to weigh them: names past the usual cap are allowed here.
const withBudget = (maxMemoryBytes: number): SandboxLimits => ({
  ...sandboxLimits(),
  maxMemoryBytes,
  maxNameBytes: 16 * 1024,
});

async function run(learner: string, line: string, limits: SandboxLimits = sandboxLimits()): Promise<string> {
  return replyText(await executeLine(learner, line, limits));
}

/** Every key of a learner on the server, by exact bytes (admin SCAN, for checking only). */
async function serverKeys(learner: string): Promise<Buffer[]> {
  const found: Buffer[] = [];
  let cursor = '0';
  do {
    const [next, keys] = (await admin.callBuffer('SCAN', cursor, 'MATCH', `sb:${learner}:*`, 'COUNT', '1000')) as [
      Buffer,
      Buffer[],
    ];
    cursor = next.toString();
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

const OVER_BUDGET = /^\(error\) ERR your sandbox uses [\d.]+ MB, over its [\d.]+ MB limit\./;

describe('the key index', () => {
  it('lives outside the learner namespace (sb:<id>:*), where their ACL user cannot reach it', () => {
    expect(sandboxKeyIndexKey('abc123def456')).toBe('keyspace:sandbox:keys:abc123def456');
  });
});

describe('binary key names (M2)', () => {
  it('a key whose name is not UTF-8 is deleted by Reset (To test, item 10)', async () => {
    const me = newLearnerId();
    expect(await run(me, 'SET "\\xff" 1')).toBe('OK');
    expect(await run(me, 'SET plain 1')).toBe('OK');
    expect(await resetLearner(me)).toBe(2);
    expect(await serverKeys(me)).toEqual([]);
    expect(await run(me, 'KEYS *')).toBe('(empty array)');
  });

  it('a key whose name is not UTF-8 is removed by the idle sweep', async () => {
    const idle = newLearnerId();
    expect(await run(idle, 'SET "\\xff" 1')).toBe('OK');
    // Only this learner may look idle: other test files share these servers.
    const twoHoursAgo = Date.now() - 7_200_000;
    learnerSession(idle).lastUsed = twoHoursAgo;
    const app = new Redis(inject('appUrl'));
    // Oldest of all (score 1): a sweep takes at most 100 learners, oldest first, and a reused
    // test server may hold more than that left idle by earlier runs.
    await app.zadd(ACTIVE_LEARNERS_KEY, 1, idle);
    app.disconnect();
    await sweepIdleLearners();
    expect(await serverKeys(idle)).toEqual([]);
    expect(await admin.exists(sandboxKeyIndexKey(idle))).toBe(0);
  });

  it('the key browser lists a binary name escaped as valkey-cli shows it, with its size', async () => {
    const me = newLearnerId();
    await run(me, 'SET "\\xff\\x00a" 1');
    await run(me, 'SET plain 1');
    const { keys } = await listLearnerKeys(me);
    expect(keys.map((key) => [key.name, key.type])).toEqual([
      ['plain', 'string'],
      ['"\\xff\\x00a"', 'string'],
    ]);
    expect(keys[1]!.bytes).toBeGreaterThan(0);
    expect(await run(me, 'KEYS *')).toMatch(/^1\) "(plain|\\xff\\x00a)"\n2\) "(plain|\\xff\\x00a)"$/);
    await resetLearner(me);
  });

  it('a large value under a binary name counts against the budget', async () => {
    const me = newLearnerId();
    const limits = withBudget(256 * 1024);
    expect(await run(me, 'SETRANGE "\\xff0" 65535 x', limits)).toBe('(integer) 65536');
    for (let i = 1; i <= 4; i++) await run(me, `SETRANGE "\\xff${i}" 65535 x`, limits);
    // Over the budget now (5 × 64 KB = 320 KB); the next checks must see it.
    await vi.waitFor(async () => expect(await run(me, 'SETRANGE "\\xff9" 65535 x', limits)).toMatch(OVER_BUDGET), {
      timeout: 10_000,
      interval: 0,
    });
    // FLUSHDB frees the space: the next write is weighed again at once, not 50 commands later.
    expect(await run(me, 'FLUSHDB', limits)).toBe('OK');
    expect(await run(me, 'SET small 1', limits)).toBe('OK');
    await resetLearner(me);
    expect(await serverKeys(me)).toEqual([]);
  });
});

describe('MEMORY USAGE sampling (M2, To test item 11)', () => {
  it('a sorted set with 5 small members first and large ones after weighs its real size', async () => {
    const me = newLearnerId();
    const limits = withBudget(256 * 1024);
    await run(me, 'ZADD z 0 a 1 b 2 c 3 d 4 e', limits);
    const big = (n: number) => String(n).padStart(8, '0') + 'm'.repeat(8 * 1024);
    // 40 × 8 KB = 320 KB real; the default 5 samples see only the first five tiny members.
    for (let n = 5; n < 45; n++) await run(me, `ZADD z ${n} ${big(n)}`, limits);
    const sampled = Number(await admin.call('MEMORY', 'USAGE', `sb:${me}:z`));
    const real = Number(await admin.call('MEMORY', 'USAGE', `sb:${me}:z`, 'SAMPLES', '0'));
    expect(sampled).toBeLessThan(limits.maxMemoryBytes);
    expect(real).toBeGreaterThan(limits.maxMemoryBytes);
    const { keys } = await listLearnerKeys(me);
    expect(keys[0]!.bytes).toBe(real);
    await vi.waitFor(async () => expect(await run(me, `ZADD z 99 x`, limits)).toMatch(OVER_BUDGET), {
      timeout: 10_000,
      interval: 0,
    });
    await resetLearner(me);
  });
});

describe('copies are weighed before they run (M2)', () => {
  it('BITOP and SUNIONSTORE copies that would pass the budget are refused at once', async () => {
    const me = newLearnerId();
    const limits = { ...withBudget(1024 * 1024), maxOffsetBytes: 512 * 1024 };
    expect(await run(me, 'SETRANGE src 299999 x', limits)).toBe('(integer) 300000');
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) answers.push(await run(me, `BITOP NOT copy${i} src`, limits));
    const refused = answers.filter((answer) => answer.startsWith('(error)'));
    expect(refused.length).toBeGreaterThanOrEqual(6);
    expect(refused[0]).toMatch(
      /^\(error\) ERR this command would copy about 0\.\d MB into your sandbox, which holds [\d.]+ MB of its 1 MB limit\. Delete some keys \(DEL, or FLUSHDB for all\) first\.$/,
    );
    let held = 0;
    for (const key of await serverKeys(me)) held += Number(await admin.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
    expect(held).toBeLessThanOrEqual(limits.maxMemoryBytes);

    await run(me, 'FLUSHDB', limits);
    const members = Array.from({ length: 90 }, (_, i) => `${i}`.padStart(4, '0') + 's'.repeat(150)).join(' ');
    for (let i = 0; i < 20; i++) {
      const letter = String.fromCharCode(97 + i);
      expect(await run(me, `SADD set${i} ${members.replaceAll('s', letter)}`, withBudget(1024 * 1024))).toBe(
        '(integer) 90',
      );
    }
    const union = Array.from({ length: 20 }, (_, i) => `set${i}`).join(' ');
    // The 20 sets hold about 20 × 20 KB; one union of them all is fine, the next few are not.
    const unions: string[] = [];
    for (let i = 0; i < 30; i++) unions.push(await run(me, `SUNIONSTORE u${i} ${union}`, withBudget(1024 * 1024)));
    expect(unions.filter((answer) => answer.startsWith('(error) ERR this command would copy')).length).toBeGreaterThan(
      20,
    );
    await resetLearner(me);
  });
});

describe('emulated commands walk the learner index (M3, L1)', () => {
  const crowd = `crowd${newLearnerId()}`;
  beforeAll(async () => {
    // Another "learner" with 5,000 keys: the server's SCAN table is large.
    for (let batch = 0; batch < 5; batch++) {
      const pairs = Array.from({ length: 1000 }, (_, i) => [`sb:${crowd}:k${batch}-${i}`, '1']).flat();
      await admin.mset(...pairs);
    }
  });
  afterAll(async () => {
    for (let batch = 0; batch < 5; batch++)
      await admin.unlink(...Array.from({ length: 1000 }, (_, i) => `sb:${crowd}:k${batch}-${i}`));
  });

  it("SCAN's cursor does not reveal the size of the server's keyspace", async () => {
    const me = newLearnerId();
    await run(me, 'SET a 1');
    await run(me, 'SET b 1');
    const seen: string[] = [];
    let cursor = '0';
    let calls = 0;
    do {
      const reply = await executeLine(me, `SCAN ${cursor} COUNT 1`);
      if (reply.kind !== 'reply' || reply.body.reply === null || !Array.isArray(reply.body.reply))
        throw new Error('SCAN failed');
      const [next, keys] = reply.body.reply as [string, string[]];
      cursor = next;
      seen.push(...keys);
      calls++;
    } while (cursor !== '0' && calls < 50);
    // The server's own cursor would need about a call per bucket of its 8,192-bucket table.
    expect(calls).toBeLessThanOrEqual(3);
    expect([...new Set(seen)].sort()).toEqual(['a', 'b']);
    expect(await run(me, 'DBSIZE')).toBe('(integer) 2');
    await resetLearner(me);
  });

  it('SCAN caps every MATCH pattern, not only the first (the last one given applies)', async () => {
    const me = newLearnerId();
    expect(await run(me, `SCAN 0 MATCH x MATCH *${'a'.repeat(200)}b`)).toBe(
      `(error) ERR pattern too long for the sandbox: a MATCH or KEYS pattern may have at most ${sandboxLimits().maxPatternBytes} bytes.`,
    );
    expect(await run(me, 'SCAN 0 MATCH x TYPE nosuchtype')).toBe("(error) ERR unknown type name 'nosuchtype'");
    await run(me, 'RPUSH l x');
    await run(me, 'SET s x');
    expect(await run(me, 'SCAN 0 TYPE LIST')).toBe('1) "0"\n2) 1) "l"');
    await resetLearner(me);
  });

  it('KEYS, DBSIZE and FLUSHDB see keys the learner wrote, and only through the index', async () => {
    const me = newLearnerId();
    await run(me, 'MSET a 1 b 2');
    await run(me, 'RENAME b c');
    await run(me, 'SET gone 1 PX 1');
    // A key written behind the pipeline's back (not by the learner) is not in the index.
    await admin.set(`sb:${me}:ghost`, '1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await run(me, 'KEYS *')).toMatch(/^1\) "[ac]"\n2\) "[ac]"$/);
    expect(await run(me, 'DBSIZE')).toBe('(integer) 2');
    expect(await run(me, 'FLUSHDB')).toBe('OK');
    expect(await run(me, 'DBSIZE')).toBe('(integer) 0');
    expect(await admin.exists(sandboxKeyIndexKey(me))).toBe(0);
    await admin.del(`sb:${me}:ghost`);
  });
});
