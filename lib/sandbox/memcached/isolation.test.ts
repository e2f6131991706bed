/** Learners on the Memcached engine cannot reach each other's keys: the key mapping, flush_all (now or delayed) and stats. */
import { describe, expect, it, vi } from 'vitest';
import { newLearnerId } from '@/lib/sandbox/learner';
import { pendingFlushAt } from './delayed-flush';
import { listMemcachedKeys, readMemcachedKey, resetMemcachedKeys } from './index';
import { memcachedText, rawMemcachedForFile } from './test-helpers.fixtures';

const raw = rawMemcachedForFile();

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

  it('flush_all <delay> flushes at the deadline every key stored before it, those stored after the command too', async () => {
    const a = newLearnerId();
    const b = newLearnerId();
    await memcachedText(a, 'set before 0 0 1\nx');
    await memcachedText(b, 'set other 0 0 1\nx');
    expect(await memcachedText(a, 'flush_all 100')).toBe('OK');
    expect(await pendingFlushAt(a)).toBeGreaterThan(Date.now() + 95_000);
    expect(await memcachedText(a, 'flush_all 50')).toBe('OK'); // replaces the pending one, as in memcached
    expect(await pendingFlushAt(a)).toBeLessThanOrEqual(Date.now() + 50_000);
    expect(await memcachedText(a, 'set after 0 0 1\ny')).toBe('STORED');
    expect(await memcachedText(a, 'get before after')).toBe('VALUE before 0 1\nx\nVALUE after 0 1\ny\nEND');
    // Until the deadline the keys keep memcached's own TTLs (a flush does not touch them).
    expect((await listMemcachedKeys(a)).keys.map((key) => key.ttl)).toEqual([-1, -1]);
    expect(await memcachedText(a, 'flush_all 1')).toBe('OK');
    // Once it has passed, the key browser and checks see them gone, before any command applies it.
    await vi.waitFor(async () => expect((await listMemcachedKeys(a)).keys).toEqual([]), {
      timeout: 3_000,
      interval: 50,
    });
    expect(await readMemcachedKey(a, 'after')).toBeNull();
    expect(await memcachedText(a, 'set later 0 0 1\nz')).toBe('STORED'); // after the deadline: kept
    expect(await memcachedText(a, 'get before after later')).toBe('VALUE later 0 1\nz\nEND');
    expect(await raw.send(`get sb:${a}:before sb:${a}:after\r\n`, 'values')).toBe('END\r\n');
    expect(await pendingFlushAt(a)).toBeNull();
    expect(await memcachedText(b, 'get other')).toBe('VALUE other 0 1\nx\nEND');
  });

  it('flush_all now, and Reset, cancel a pending flush_all <delay>; a Unix time is a deadline too', async () => {
    const a = newLearnerId();
    expect(await memcachedText(a, 'flush_all 60')).toBe('OK');
    expect(await memcachedText(a, 'flush_all 0')).toBe('OK');
    expect(await pendingFlushAt(a)).toBeNull();
    expect(await memcachedText(a, 'flush_all 60 noreply')).toMatch(/answered: OK$/);
    expect(await pendingFlushAt(a)).not.toBeNull();
    await resetMemcachedKeys(a); // Reset and the idle sweep
    expect(await pendingFlushAt(a)).toBeNull();
    // Over 30 days, memcached reads the delay as a Unix time: one already past means now.
    const now = Math.floor(Date.now() / 1000);
    await memcachedText(a, 'set k 0 0 1\nx');
    expect(await memcachedText(a, `flush_all ${now - 10}`)).toBe('OK');
    expect(await memcachedText(a, 'get k')).toBe('END');
    expect(await memcachedText(a, `flush_all ${now + 3600}`)).toBe('OK');
    expect(await pendingFlushAt(a)).toBe((now + 3600) * 1000);
    await resetMemcachedKeys(a);
  });
});
