/** The command groups the pipeline reads from the real server's COMMAND INFO (flags and ACL categories). */
import { afterAll, describe, expect, it } from 'vitest';
import { closeSandbox } from '@/lib/testing/sandbox';
import { commandFlags } from './command-flags';

afterAll(closeSandbox);

describe('command flags from COMMAND INFO', () => {
  it('knows which writes may bring a key into being (the key index adds only those)', async () => {
    const { mayCreateKeys } = await commandFlags();
    for (const name of [
      'set',
      'incr',
      'hset',
      'lpush',
      'sadd',
      'zadd',
      'xadd',
      'sunionstore',
      'lmove',
      'rename',
      'renamenx',
      'smove',
    ])
      expect(mayCreateKeys, name).toContain(name);
    for (const name of ['expire', 'ltrim', 'del', 'unlink', 'hdel', 'srem', 'lpop', 'get'])
      expect(mayCreateKeys, name).not.toContain(name);
  });

  it('knows which writes may leave a string at a key (the HyperLogLog guard distrusts only those)', async () => {
    const { mayWriteString } = await commandFlags();
    for (const name of [
      'set',
      'setnx',
      'getset',
      'mset',
      'append',
      'setrange',
      'incr',
      'setbit',
      'bitfield',
      'bitop',
      'pfadd',
      'pfmerge',
      'rename',
      'renamenx',
    ])
      expect(mayWriteString, name).toContain(name);
    for (const name of ['hset', 'lpush', 'sadd', 'zadd', 'xadd', 'expire', 'ltrim', 'get', 'pfcount'])
      expect(mayWriteString, name).not.toContain(name);
  });
});
