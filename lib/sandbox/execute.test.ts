/** Integration: the sandbox pipeline against the real test Valkey (see lib/testing). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Redis from 'ioredis';
import { inject } from 'vitest';
import { closeSandbox, runText } from '@/lib/testing/sandbox';
import { executeLine, type ExecOutcome } from './execute';
import { newLearnerId } from './learner';

afterAll(closeSandbox);

const text = runText;

function rejection(outcome: ExecOutcome): { status: number; error: string } {
  if (outcome.kind !== 'rejected') throw new Error(`expected a rejection, got ${JSON.stringify(outcome.body)}`);
  return outcome;
}

describe('replies look like valkey-cli', () => {
  const me = newLearnerId();

  it('formats status, bulk, integer, nil and arrays', async () => {
    expect(await text(me, 'PING')).toBe('PONG');
    expect(await text(me, 'PING hello')).toBe('"hello"');
    expect(await text(me, 'SET a 1')).toBe('OK');
    expect(await text(me, 'GET a')).toBe('"1"');
    expect(await text(me, 'INCR a')).toBe('(integer) 2');
    expect(await text(me, 'GET nosuch')).toBe('(nil)');
    expect(await text(me, 'TYPE a')).toBe('string');
    expect(await text(me, 'RPUSH l x y z')).toBe('(integer) 3');
    expect(await text(me, 'LRANGE l 0 -1')).toBe('1) "x"\n2) "y"\n3) "z"');
    expect(await text(me, 'MGET a nosuch')).toBe('1) "2"\n2) (nil)');
    expect(await text(me, 'LRANGE empty 0 -1')).toBe('(empty array)');
  });

  it('keeps SET … GET a bulk reply and 64-bit integers exact', async () => {
    await text(me, 'SET g old');
    expect(await text(me, 'SET g new GET')).toBe('"old"');
    expect(await text(me, 'SET big 9223372036854775806')).toBe('OK');
    expect(await text(me, 'INCR big')).toBe('(integer) 9223372036854775807');
    expect(await text(me, 'INCR big')).toBe('(error) ERR increment or decrement would overflow');
  });

  it('round-trips binary and UTF-8 bytes and shows them escaped', async () => {
    await text(me, 'SET bin "\\x41\\xff\\n"');
    expect(await text(me, 'GET bin')).toBe('"A\\xff\\n"');
    await text(me, 'SET utf "é"');
    expect(await text(me, 'STRLEN utf')).toBe('(integer) 2');
  });

  it("passes Valkey's own errors through unchanged", async () => {
    await text(me, 'RPUSH wrongtype x');
    expect(await text(me, 'INCR wrongtype')).toBe(
      '(error) WRONGTYPE Operation against a key holding the wrong kind of value',
    );
    expect(await text(me, 'GET')).toBe("(error) ERR wrong number of arguments for 'get' command");
  });
});

describe('isolation between learners', () => {
  it("never shows one learner's keys to another", async () => {
    const alice = newLearnerId();
    const bob = newLearnerId();
    await text(alice, 'SET greeting hello');
    expect(await text(alice, 'GET greeting')).toBe('"hello"');
    expect(await text(bob, 'GET greeting')).toBe('(nil)');
    expect(await text(bob, 'KEYS *')).toBe('(empty array)');
    expect(await text(bob, 'DBSIZE')).toBe('(integer) 0');
    expect(await text(alice, 'KEYS *')).toBe('1) "greeting"');
    expect(await text(alice, 'SCAN 0 MATCH * COUNT 1000')).toMatch(/^1\) "\d+"\n2\) (1\) "greeting"|\(empty array\))$/);
  });

  it('stores keys under the learner prefix on the server, and MSET/RENAME stay inside it', async () => {
    const learner = newLearnerId();
    await text(learner, 'MSET k1 v1 k2 v2');
    await text(learner, 'RENAME k2 k3');
    const admin = new Redis(inject('sandboxUrl'));
    try {
      const keys = (await admin.keys(`sb:${learner}:*`)).sort();
      expect(keys).toEqual([`sb:${learner}:k1`, `sb:${learner}:k3`]);
      expect(await admin.exists('k1', 'k2', 'k3')).toBe(0);
    } finally {
      admin.disconnect();
    }
  });

  it('FLUSHDB deletes only the learner’s own keys', async () => {
    const alice = newLearnerId();
    const bob = newLearnerId();
    await text(alice, 'SET a 1');
    await text(bob, 'SET b 1');
    expect(await text(alice, 'FLUSHDB')).toBe('OK');
    expect(await text(alice, 'DBSIZE')).toBe('(integer) 0');
    expect(await text(bob, 'GET b')).toBe('"1"');
  });

  describe('FLUSHALL deletes only the learner’s own keys', () => {
    let sandbox: Redis;
    let app: Redis;
    const appKey = 'keyspace:test:flushall-survivor';
    const sandboxKey = 'app:flushall-survivor';

    beforeAll(async () => {
      sandbox = new Redis(inject('sandboxUrl'));
      app = new Redis(inject('appUrl'));
      await app.set(appKey, 'app data');
      await sandbox.set(sandboxKey, 'not a learner key');
    });

    afterAll(async () => {
      await app.del(appKey);
      await sandbox.del(sandboxKey);
      app.disconnect();
      sandbox.disconnect();
    });

    it.each(['FLUSHALL', 'FLUSHALL ASYNC', 'flushall sync'])(
      '%s: her keys go; his keys, the app’s data and the server’s own keys stay',
      async (line) => {
        const alice = newLearnerId();
        const bob = newLearnerId();
        await text(alice, 'MSET a 1 b 2');
        await text(alice, 'RPUSH list x y');
        await text(bob, 'SET b mine');
        await text(bob, 'HSET h f v');
        expect(await text(alice, 'DBSIZE')).toBe('(integer) 3');

        expect(await text(alice, line)).toBe('OK');

        expect(await text(alice, 'DBSIZE')).toBe('(integer) 0');
        expect(await text(alice, 'GET a')).toBe('(nil)');
        expect(await sandbox.keys(`sb:${alice}:*`)).toEqual([]);
        expect(await text(bob, 'GET b')).toBe('"mine"');
        expect(await text(bob, 'HGET h f')).toBe('"v"');
        expect(await text(bob, 'DBSIZE')).toBe('(integer) 2');
        expect(await sandbox.get(sandboxKey)).toBe('not a learner key');
        expect(await app.get(appKey)).toBe('app data');
        expect(await app.exists('keyspace:sandbox:learners')).toBe(1);
      },
    );

    it('answers a learner with no keys OK, and rejects other arguments as FLUSHDB does', async () => {
      const carol = newLearnerId();
      expect(await text(carol, 'FLUSHALL')).toBe('OK');
      expect(await text(carol, 'FLUSHALL NOW')).toBe('(error) ERR syntax error');
      expect(await text(carol, 'FLUSHDB NOW')).toBe('(error) ERR syntax error');
      expect(await text(carol, 'FLUSHALL ASYNC SYNC')).toBe('(error) ERR syntax error');
    });

    it('cannot be queued inside MULTI, like the other emulated commands', async () => {
      const dave = newLearnerId();
      await text(dave, 'SET kept 1');
      expect(await text(dave, 'MULTI')).toBe('OK');
      expect(await text(dave, 'FLUSHALL')).toBe(
        '(error) ERR FLUSHALL cannot be queued in a sandbox transaction: run it after EXEC or DISCARD.',
      );
      expect(await text(dave, 'EXEC')).toBe('(empty array)');
      expect(await text(dave, 'GET kept')).toBe('"1"');
    });
  });
});

describe('refusals', () => {
  const me = newLearnerId();

  it.each([
    'CONFIG SET maxmemory 1',
    'DEBUG SLEEP 30',
    'SHUTDOWN NOSAVE',
    'AUTH default x',
    'SWAPDB 0 1',
    'SELECT 1',
    'MONITOR',
  ])('refuses %s with an explanation', async (line) => {
    const name = line.split(' ')[0]!;
    const reply = await text(me, line);
    expect(reply.startsWith(`(error) ERR ${name} is disabled in the Keyspace sandbox`)).toBe(true);
  });

  it('refuses names that are not commands, including object prototype keys', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'NOSUCHCOMMAND']) {
      // Valkey's own text, byte for byte (issue 13).
      expect(await text(me, `${name} a`)).toBe(`(error) ERR unknown command '${name}', with args beginning with: 'a' `);
    }
  });

  it('refuses a blocking timeout of forever, and runs a capped one', async () => {
    expect(await text(me, 'BLPOP q 0')).toMatch(/^\(error\) ERR timeout must be more than 0 and at most 5 seconds/);
    expect(await text(me, 'BLPOP q 0.1')).toBe('(nil)');
    await text(me, 'RPUSH q job');
    expect(await text(me, 'BLPOP q 1')).toBe('1) "q"\n2) "job"');
  });

  it('the server is unharmed after hostile input', async () => {
    const other = newLearnerId();
    await text(other, 'SET survivor yes');
    await text(me, 'SET mine yes');
    await text(me, 'FLUSHALL');
    await text(me, 'CONFIG SET maxmemory 1');
    await text(me, 'SWAPDB 0 1');
    expect(await text(me, 'GET mine')).toBe('(nil)');
    expect(await text(other, 'GET survivor')).toBe('"yes"');
    expect(await text(me, 'SET maxmemory-check ok')).toBe('OK');
  });
});

describe('lines the sandbox will not run', () => {
  const me = newLearnerId();

  it('rejects unbalanced quotes like valkey-cli', async () => {
    for (const line of ['SET k "abc', 'SET k "a"b', "SET k 'a''b'"]) {
      const outcome = await executeLine(me, line);
      expect(rejection(outcome).status).toBe(400);
      expect(outcome.kind === 'rejected' && outcome.text).toBe('Invalid argument(s)');
    }
  });

  it('rejects empty lines, several lines, long lines and too many arguments', async () => {
    expect(rejection(await executeLine(me, '   ')).status).toBe(400);
    expect(rejection(await executeLine(me, 'GET a\nFLUSHALL')).status).toBe(400);
    expect(rejection(await executeLine(me, `SET k ${'x'.repeat(17 * 1024)}`)).status).toBe(413);
    expect(
      rejection(await executeLine(me, `RPUSH k ${Array.from({ length: 150 }, (_, i) => i).join(' ')}`)).status,
    ).toBe(413);
  });

  it('stores CR/LF inside a quoted argument as data, never as a second command', async () => {
    expect(await text(me, 'SET inj "a\\r\\nFLUSHALL\\r\\n"')).toBe('OK');
    expect(await text(me, 'GET inj')).toBe('"a\\r\\nFLUSHALL\\r\\n"');
  });
});
