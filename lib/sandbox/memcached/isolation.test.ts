/** Learners on the Memcached engine cannot reach each other's keys: the key mapping, flush_all and stats. */
import { afterAll, describe, expect, it } from 'vitest';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeLearnerSessions } from '@/lib/sandbox/learners';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { closeMemcachedConnections, listMemcachedKeys, readMemcachedKey } from './index';
import { memcachedText } from './test-helpers.fixtures';

afterAll(async () => {
  closeMemcachedConnections();
  closeLearnerSessions();
  await closeValkeyClients();
});

describe('Memcached isolation', () => {
  it("learner B cannot get, change or delete learner A's key, even by naming A's prefix", async () => {
    const a = newLearnerId();
    const b = newLearnerId();
    expect(await memcachedText(a, 'set secret 0 0 2\n42')).toBe('STORED');
    for (const name of ['secret', `sb:${a}:secret`]) {
      expect(await memcachedText(b, `get ${name}`)).toBe('END');
      expect(await memcachedText(b, `gets ${name}`)).toBe('END');
      expect(await memcachedText(b, `gat 100 ${name}`)).toBe('END');
      expect(await memcachedText(b, `touch ${name} 1`)).toBe('NOT_FOUND');
      expect(await memcachedText(b, `incr ${name} 1`)).toBe('NOT_FOUND');
      expect(await memcachedText(b, `append ${name} 0 0 1\nx`)).toBe('NOT_STORED');
      expect(await memcachedText(b, `replace ${name} 0 0 1\nx`)).toBe('NOT_STORED');
      expect(await memcachedText(b, `delete ${name}`)).toBe('NOT_FOUND');
    }
    // Tabs, CRs and other control bytes are part of a key for memcached, never a separator.
    for (const separator of ['\t', '\r', '\v', '\f']) {
      expect(await memcachedText(b, `get x${separator}sb:${a}:secret`)).toBe('END');
      expect(await memcachedText(b, `delete x${separator}sb:${a}:secret`)).toBe('NOT_FOUND');
    }
    expect(await memcachedText(b, 'set secret 0 0 4\nmine')).toBe('STORED');
    expect(await memcachedText(a, 'get secret')).toBe('VALUE secret 0 2\n42\nEND');
    expect(await memcachedText(b, 'get secret')).toBe('VALUE secret 0 4\nmine\nEND');
    expect(await readMemcachedKey(a, 'secret')).toEqual({ value: '42', flags: 0, ttl: -1 });
  });

  it("flush_all empties only the learner's own keys, and stats counts only theirs", async () => {
    const a = newLearnerId();
    const b = newLearnerId();
    await memcachedText(a, 'set one 0 0 1\n1');
    await memcachedText(a, 'set two 0 0 2\n22');
    await memcachedText(b, 'set kept 0 0 4\nkept');
    const stats = await memcachedText(a, 'stats');
    expect(stats).toMatch(/^STAT uptime \d+\nSTAT time \d+\nSTAT version 1\.6\.\d+\n/);
    expect(stats).toContain('STAT curr_items 2\nSTAT bytes 9\n'); // names and values: one1 + two22
    expect(stats).toMatch(/\nEND$/);
    expect(stats).not.toMatch(/curr_connections|total_items|pid/);
    expect(await memcachedText(a, 'flush_all')).toBe('OK');
    expect(await memcachedText(a, 'get one two')).toBe('END');
    expect(await memcachedText(b, 'get kept')).toBe('VALUE kept 0 4\nkept\nEND');
    expect(await memcachedText(a, 'stats')).toContain('STAT curr_items 0\nSTAT bytes 0\n');
    expect((await listMemcachedKeys(b)).keys.map((key) => key.name)).toEqual(['kept']);
  });

  it('flush_all with a delay expires only the keys that would outlive it', async () => {
    const a = newLearnerId();
    const b = newLearnerId();
    await memcachedText(a, 'set forever 0 0 1\nx');
    await memcachedText(a, 'set soon 0 5 1\nx');
    await memcachedText(b, 'set other 0 0 1\nx');
    expect(await memcachedText(a, 'flush_all 100')).toBe('OK');
    const ttls = Object.fromEntries((await listMemcachedKeys(a)).keys.map((key) => [key.name, key.ttl]));
    expect(ttls.forever).toBeGreaterThan(95);
    expect(ttls.forever).toBeLessThanOrEqual(100);
    expect(ttls.soon).toBeLessThanOrEqual(5);
    expect((await listMemcachedKeys(b)).keys).toEqual([{ name: 'other', type: 'string', ttl: -1, bytes: 1 }]);
  });
});
