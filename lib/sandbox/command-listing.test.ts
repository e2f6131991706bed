import Redis from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { commandListing, memcachedCommandListing, NOT_IN_REDIS_7_0, redisDifferences } from './command-listing';

const entry = (name: string) => commandListing().find((command) => command.name === name);

describe('the command listing of the reference page', () => {
  const listing = commandListing();
  const entry = (name: string) => listing.find((command) => command.name === name);

  it('lists every command of the table once, sorted by name', () => {
    const names = listing.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(listing.length).toBeGreaterThan(200);
  });

  it('says what runs, what the app answers itself, and why the rest is refused', () => {
    expect(entry('SET')).toEqual({ name: 'SET', status: 'runs' });
    expect(entry('SORT')).toEqual({ name: 'SORT', status: 'runs' });
    expect(entry('KEYS')).toEqual({ name: 'KEYS', status: 'emulated' });
    // Pub/sub runs live, on the learner's own channels, with its bounds listed.
    for (const name of ['PUBLISH', 'SPUBLISH', 'SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'UNSUBSCRIBE', 'PUBSUB'])
      expect(entry(name), name).toMatchObject({ status: 'live', bounds: expect.stringMatching(/own/) });
    expect(entry('SUBSCRIBE')?.bounds).toMatch(/20 channels and patterns per learner, 20 messages a second/);
    expect(entry('CONFIG')).toMatchObject({
      status: 'refused',
      why: expect.stringMatching(/^CONFIG is disabled in the Keyspace sandbox: \S/),
    });
    for (const command of listing.filter((listed) => listed.status === 'refused'))
      expect(command.why, command.name).toMatch(
        new RegExp(`^${command.name} is (disabled|not available|not needed) in the Keyspace sandbox: .+`),
      );
  });
});

describe('the Redis OSS listing: Valkey rules, on redis-server 7.0', () => {
  // Both engines' real servers (the test profile's Valkey and redis-server 7.0), once for the file.
  const valkey = new Redis(inject('sandboxUrl'), { lazyConnect: true });
  const redis = new Redis(inject('redisUrl'), { lazyConnect: true });
  afterAll(() => {
    valkey.disconnect();
    redis.disconnect();
  });
  /** Every command and subcommand the server has (`CLIENT CAPA`), from COMMAND INFO: the admin user may not run COMMAND LIST. */
  const commandList = async (server: Redis) => {
    type Info = [name: string, ...rest: unknown[]];
    const all = (await server.call('COMMAND', 'INFO')) as Info[];
    const subcommands = (info: Info) => (info[9] ?? []) as Info[];
    const names = all.flatMap((info) => [info, ...subcommands(info)].map(([name]) => name));
    return new Set(names.map((name) => name.toUpperCase().replace('|', ' ')));
  };

  it('names exactly the Valkey 8 commands and subcommands that Redis OSS 7.0 lacks (and it lacks nothing more)', async () => {
    const [onValkey, onRedis] = await Promise.all([commandList(valkey), commandList(redis)]);
    expect([...onValkey].filter((name) => !onRedis.has(name)).sort()).toEqual([...NOT_IN_REDIS_7_0].sort());
    expect([...onRedis].filter((name) => !onValkey.has(name))).toEqual([]);
  });

  it('says what the sandbox does with each on both engines: refused with the console’s reason', () => {
    const differences = redisDifferences();
    expect(differences.map((command) => command.name)).toEqual(NOT_IN_REDIS_7_0);
    expect(differences.find((command) => command.name === 'WAITAOF')).toEqual(entry('WAITAOF'));
    expect(differences.find((command) => command.name === 'CLIENT CAPA')).toMatchObject({
      status: 'refused',
      why: expect.stringMatching(/^CLIENT CAPA is disabled in the Keyspace sandbox: \S/),
    });
    for (const command of differences) expect(command.status, command.name).toBe('refused');
  });
});

describe('the Memcached listing', () => {
  const listing = memcachedCommandListing();
  const entry = (name: string) => listing.find((command) => command.name === name);

  it('lists every command the sandbox runs, then every one it refuses, once each and in lower case', () => {
    const names = listing.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((name) => name === name.toLowerCase())).toBe(true);
    const refusedFrom = listing.findIndex((command) => command.status === 'refused');
    expect(listing.slice(refusedFrom).every((command) => command.status === 'refused')).toBe(true);
    expect(names).toEqual(
      expect.arrayContaining(['set', 'get', 'cas', 'incr', 'touch', 'flush_all', 'mg', 'verbosity']),
    );
  });

  it('gives each its syntax and summary, what the sandbox answers itself, and the console’s reason for a refusal', () => {
    expect(entry('set')).toMatchObject({ status: 'runs', syntax: 'key flags exptime bytes [noreply]' });
    expect(entry('set')?.summary).toMatch(/^Stores the data block/);
    expect(entry('flush_all')).toMatchObject({
      status: 'emulated',
      summary: expect.stringMatching(/only your own keys/),
    });
    expect(entry('stats')?.status).toBe('emulated');
    expect(entry('verbosity')).toMatchObject({
      status: 'refused',
      why: "verbosity is refused in the sandbox: it sets the server's logging for every learner.",
    });
    for (const command of listing.filter((listed) => listed.status === 'refused'))
      expect(command.why, command.name).toMatch(new RegExp(`^${command.name} is refused in the sandbox: .+\\.$`));
    expect(listing.filter((listed) => listed.status !== 'refused').every((listed) => listed.why === undefined)).toBe(
      true,
    );
  });
});
