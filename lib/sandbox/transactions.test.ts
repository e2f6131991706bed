/** MULTI/EXEC/WATCH and blocking commands on each learner's own connection, on real Valkey. */
import { afterAll, describe, expect, it } from 'vitest';
import { closeSandbox, runText } from '@/lib/testing/sandbox';
import { executeLine } from './execute';
import { newLearnerId } from './learner';

afterAll(closeSandbox);

const text = runText;

describe('transactions', () => {
  it('queues commands and answers EXEC with every result, errors included', async () => {
    const me = newLearnerId();
    expect(await text(me, 'MULTI')).toBe('OK');
    expect(await text(me, 'SET a 1')).toBe('QUEUED');
    expect(await text(me, 'INCR a')).toBe('QUEUED');
    expect(await text(me, 'LPUSH a x')).toBe('QUEUED');
    expect(await text(me, 'GET a')).toBe('QUEUED');
    expect(await text(me, 'EXEC')).toBe(
      '1) OK\n2) (integer) 2\n3) (error) WRONGTYPE Operation against a key holding the wrong kind of value\n4) "2"',
    );
  });

  it('discards, and aborts on a queueing error', async () => {
    const me = newLearnerId();
    await text(me, 'MULTI');
    await text(me, 'SET a 1');
    expect(await text(me, 'DISCARD')).toBe('OK');
    expect(await text(me, 'GET a')).toBe('(nil)');
    expect(await text(me, 'EXEC')).toBe('(error) ERR EXEC without MULTI');
    await text(me, 'MULTI');
    expect(await text(me, 'INCR')).toBe("(error) ERR wrong number of arguments for 'incr' command");
    expect(await text(me, 'EXEC')).toBe('(error) EXECABORT Transaction discarded because of previous errors.');
  });

  it("keeps one learner's open transaction away from another learner", async () => {
    const alice = newLearnerId();
    const bob = newLearnerId();
    await text(alice, 'MULTI');
    expect(await text(alice, 'SET shared 1')).toBe('QUEUED');
    expect(await text(bob, 'SET shared 2')).toBe('OK');
    expect(await text(alice, 'EXEC')).toBe('1) OK');
    expect(await text(bob, 'GET shared')).toBe('"2"');
  });

  it('makes WATCH abort the transaction when the key changes', async () => {
    const me = newLearnerId();
    await text(me, 'SET balance 10');
    expect(await text(me, 'WATCH balance')).toBe('OK');
    // Another client (here the sandbox's own admin view of the same key) would do this; the
    // learner's second write from outside the transaction has the same effect on WATCH.
    await text(me, 'SET balance 11');
    await text(me, 'MULTI');
    await text(me, 'INCR balance');
    expect(await text(me, 'EXEC')).toBe('(nil)');
    expect(await text(me, 'GET balance')).toBe('"11"');
  });

  it('refuses emulated commands inside MULTI with a clear message', async () => {
    const me = newLearnerId();
    await text(me, 'MULTI');
    expect(await text(me, 'KEYS *')).toMatch(/^\(error\) ERR KEYS cannot be queued in a sandbox transaction/);
    expect(await text(me, 'DISCARD')).toBe('OK');
  });
});

describe('blocking commands', () => {
  it('wait on their own connection without holding other learners up', async () => {
    const waiter = newLearnerId();
    const other = newLearnerId();
    const started = performance.now();
    const waiting = text(waiter, 'BLPOP queue 1');
    expect(await text(other, 'PING')).toBe('PONG');
    expect(performance.now() - started).toBeLessThan(500);
    expect(await waiting).toBe('(nil)');
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('answer 429 to a second command from the same learner while one is running', async () => {
    const me = newLearnerId();
    const waiting = executeLine(me, 'BLPOP queue 1');
    const second = await executeLine(me, 'PING');
    expect(second.kind === 'rejected' && second.status).toBe(429);
    await waiting;
    expect(await text(me, 'PING')).toBe('PONG');
  });
});
