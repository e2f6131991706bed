/**
 * Integration (issue 13): SORT of a big list and ZUNIONSTORE of big sets are measured before they
 * run (work-limits.ts), on the real test Valkey, while another learner sends PING: refused over the
 * limit (10,000 elements walked by default), and the victim's slowest PING stays short. Data is
 * planted through the admin connection to save thousands of learner commands.
 */
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeSandbox, replyText } from '@/lib/testing/sandbox';
import { executeLine } from './execute';
import { newLearnerId } from './learner';

// Generous: the test machine is shared and busy.
const STALL_MARGIN_MS = 250;

let admin: Redis;
const attacker = newLearnerId();
const victim = newLearnerId();
const own = (key: string) => `sb:${attacker}:${key}`;
const text = async (line: string, learner = attacker) => replyText(await executeLine(learner, line));
const numbered = (count: number) => Array.from({ length: count }, (_, i) => String(i));

/** The victim's slowest PING while `attack` runs, in ms. */
async function victimStall(attack: () => Promise<string>): Promise<{ reply: string; victimMs: number }> {
  let attacking = true;
  let victimMs = 0;
  const pinger = (async () => {
    for (let pings = 0; attacking || pings < 2; pings++) {
      const started = performance.now();
      expect(await text('PING', victim)).toBe('PONG');
      victimMs = Math.max(victimMs, performance.now() - started);
    }
  })();
  const reply = await attack();
  attacking = false;
  await pinger;
  console.info(`[work-limits-data] victim's slowest PING ${victimMs.toFixed(1)} ms`);
  return { reply, victimMs };
}

async function plant(command: 'rpush' | 'sadd' | 'zadd', key: string, count: number) {
  for (let from = 0; from < count; from += 1_000) {
    const chunk = numbered(count).slice(from, from + 1_000);
    await admin.call(command, own(key), ...(command === 'zadd' ? chunk.flatMap((n) => [n, `m${n}`]) : chunk));
  }
}

beforeAll(async () => {
  admin = new Redis(inject('sandboxUrl'));
  expect(await text('PING', victim)).toBe('PONG');
  await plant('rpush', 'big', 20_000);
  await plant('rpush', 'mid', 4_000);
  await plant('zadd', 'z1', 8_000);
  await plant('zadd', 'z2', 8_000);
  await plant('sadd', 's1', 8_000);
});

afterAll(async () => {
  const keys = await admin.keys(`sb:${attacker}:*`);
  if (keys.length > 0) await admin.unlink(...keys);
  await admin.quit();
  await closeSandbox();
});

describe('SORT is measured before it runs', () => {
  it('refuses a big list, even with LIMIT (the server sorts it all), and counts each BY/GET pattern', async () => {
    const { reply, victimMs } = await victimStall(() => text('SORT big BY w_* GET n_* GET # LIMIT 0 1'));
    expect(reply).toMatch(/^\(error\) ERR SORT would walk 60000 elements, over the sandbox's limit of 10000/);
    expect(victimMs).toBeLessThan(STALL_MARGIN_MS);
    expect(await text('SORT big')).toMatch(/^\(error\) ERR SORT would walk 20000 elements/);
    expect(await text('SORT_RO big ALPHA')).toMatch(/^\(error\) ERR SORT_RO would walk 20000 elements/);
    expect(await text('SORT mid BY w_* GET n_*')).toMatch(/^\(error\) ERR SORT would walk 12000 elements/);
    expect(await text('SORT mid LIMIT 0 2')).toBe('1) "0"\n2) "1"');
    expect(await text('SORT mid BY w_* LIMIT 0 1')).toBe('1) "0"');
    expect(await text('SORT mid BY nosort STORE copy')).toBe('(integer) 4000');
  });

  it('refuses SORT in MULTI and SORT … GET … STORE', async () => {
    expect(await text('SORT mid GET n_* STORE d')).toMatch(/^\(error\) ERR SORT … GET … STORE is not available/);
    // A BY/GET pattern names keys, so it has the key-name cap.
    expect(await text(`SORT mid BY ${'w'.repeat(300)}_*`)).toMatch(/^\(error\) ERR key name too long for the sandbox/);
    expect(await text('MULTI')).toBe('OK');
    expect(await text('SORT mid')).toMatch(/^\(error\) ERR SORT cannot be queued in a sandbox transaction/);
    expect(await text('DISCARD')).toBe('OK');
  });
});

describe('ZUNIONSTORE & co. are measured before they run', () => {
  it('refuses big sources, sorted sets and plain sets alike, and repeated sources', async () => {
    const { reply, victimMs } = await victimStall(() => text('ZUNIONSTORE d 3 z1 z2 s1'));
    expect(reply).toMatch(/^\(error\) ERR ZUNIONSTORE would walk 24000 elements, over the sandbox's limit of 10000/);
    expect(victimMs).toBeLessThan(STALL_MARGIN_MS);
    expect(await text('ZINTER 2 z1 s1')).toMatch(/^\(error\) ERR ZINTER would walk 16000 elements/);
    expect(await text('ZINTERCARD 2 z1 z2')).toMatch(/^\(error\) ERR ZINTERCARD would walk 16000 elements/);
    expect(await text('SINTERCARD 2 s1 s1')).toMatch(/^\(error\) ERR SINTERCARD names a source key more than once/);
    expect(await text('ZUNIONSTORE d 2 z1 z1')).toMatch(/^\(error\) ERR ZUNIONSTORE names a source key more than once/);
    expect(await text('ZUNIONSTORE d 1 z1')).toBe('(integer) 8000');
    expect(await text('LMPOP 1 big LEFT COUNT 100000')).toMatch(/^\(error\) ERR count too large for the sandbox/);
  });
});
