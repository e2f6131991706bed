/**
 * Introspection, confined (issue 13): OBJECT, MEMORY USAGE, INFO, WAIT and the safe CLIENT
 * subcommands, against the real test Valkey. Another learner's keys and the app's own data never
 * show; the keys of others cannot be named; the host and the app's connection details are scrubbed.
 */
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeSandbox, runText } from '@/lib/testing/sandbox';
import { sandboxKeyPrefix } from '@/lib/valkey/keys';
import { newLearnerId } from './learner';
import { sandboxLimits } from './limits';

let sandbox: Redis;
let app: Redis;
const me = newLearnerId();
const other = newLearnerId();
const APP_KEY = `introspection-test:${me}`;

beforeAll(async () => {
  sandbox = new Redis(inject('sandboxUrl'));
  app = new Redis(inject('appUrl'));
  await app.set(APP_KEY, 'app data');
  // Another learner with many keys, some with a TTL, and a big list.
  for (let i = 0; i < 7; i++) await runText(other, `SET o${i} ${'x'.repeat(100)}`);
  await runText(other, 'EXPIRE o0 1000');
  await runText(other, `RPUSH big ${Array.from({ length: 90 }, (_, i) => `item${i}`).join(' ')}`);
});

afterAll(async () => {
  await app.del(APP_KEY);
  await runText(other, 'FLUSHDB');
  await runText(me, 'FLUSHDB');
  sandbox.disconnect();
  app.disconnect();
  await closeSandbox();
});

describe('OBJECT and MEMORY USAGE on the learner’s own keys', () => {
  it('answers for own keys as Valkey does', async () => {
    await runText(me, 'SET n 12');
    await runText(me, 'SET s hello');
    await runText(me, 'RPUSH small a b');
    expect(await runText(me, 'OBJECT ENCODING n')).toBe('"int"');
    expect(await runText(me, 'OBJECT ENCODING s')).toBe('"embstr"');
    expect(await runText(me, 'OBJECT ENCODING small')).toBe('"listpack"');
    expect(await runText(me, 'OBJECT IDLETIME s')).toMatch(/^\(integer\) \d+$/);
    expect(await runText(me, 'OBJECT REFCOUNT s')).toMatch(/^\(integer\) \d+$/);
    expect(await runText(me, 'OBJECT HELP')).toContain('OBJECT <subcommand>');
    expect(await runText(me, 'MEMORY USAGE s')).toMatch(/^\(integer\) \d+$/);
    expect(await runText(me, 'MEMORY USAGE small SAMPLES 10')).toMatch(/^\(integer\) \d+$/);
  });

  it('passes Valkey’s own OBJECT FREQ error through (the server runs allkeys-lru)', async () => {
    await runText(me, 'SET f 1');
    expect(await runText(me, 'OBJECT FREQ f')).toBe(
      '(error) ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
    );
  });

  it('never sees another learner’s keys or the app’s data, even named in full', async () => {
    const othersKey = `${sandboxKeyPrefix(other)}big`;
    expect(await sandbox.exists(othersKey)).toBe(1);
    expect(await runText(me, 'OBJECT ENCODING big')).toBe('(nil)');
    expect(await runText(me, `OBJECT ENCODING ${othersKey}`)).toBe('(nil)');
    expect(await runText(me, `OBJECT IDLETIME ${othersKey}`)).toBe('(nil)');
    expect(await runText(me, `MEMORY USAGE ${othersKey}`)).toBe('(nil)');
    expect(await runText(me, `MEMORY USAGE ${APP_KEY}`)).toBe('(nil)');
    expect(await runText(me, 'MEMORY USAGE big')).toBe('(nil)');
  });

  it('caps SAMPLES: 0 (the whole key) and more than the work limit are refused', async () => {
    const max = sandboxLimits().maxWorkElements;
    expect(await runText(me, 'MEMORY USAGE small SAMPLES 0')).toMatch(
      /^\(error\) ERR SAMPLES too large for the sandbox: MEMORY USAGE allows 1 to/,
    );
    expect(await runText(me, `MEMORY USAGE small SAMPLES ${max + 1}`)).toMatch(/^\(error\) ERR SAMPLES too large/);
    expect(await runText(me, `MEMORY USAGE small SAMPLES ${max}`)).toMatch(/^\(integer\) \d+$/);
  });

  it('refuses the other MEMORY subcommands with a reason', async () => {
    for (const sub of ['STATS', 'DOCTOR', 'MALLOC-STATS', 'PURGE']) {
      expect(await runText(me, `MEMORY ${sub}`)).toMatch(
        new RegExp(`^\\(error\\) ERR MEMORY ${sub} is disabled in the Keyspace sandbox: `),
      );
    }
    expect(await runText(me, 'MEMORY NOSUCH')).toBe("(error) ERR unknown subcommand 'NOSUCH'. Try MEMORY HELP.");
  });
});

describe('INFO shows only the safe sections, scrubbed', () => {
  it('counts only the learner’s own keys in the keyspace section', async () => {
    const fresh = newLearnerId();
    expect(await runText(fresh, 'INFO keyspace')).toBe('# Keyspace\r');
    await runText(fresh, 'SET a 1');
    await runText(fresh, 'SET b 2');
    expect(await runText(fresh, 'INFO keyspace')).toBe('# Keyspace\r\ndb0:keys=2,expires=0,avg_ttl=0\r');
    await runText(fresh, 'EXPIRE b 100');
    const line = (await runText(fresh, 'INFO keyspace')).split('\r\n')[1] ?? '';
    const [, ttl] = /^db0:keys=2,expires=1,avg_ttl=(\d+)\r$/.exec(line) ?? [];
    expect(Number(ttl)).toBeGreaterThan(90_000);
    expect(Number(ttl)).toBeLessThanOrEqual(100_000);
    await runText(fresh, 'FLUSHDB');
  });

  it('shows server, memory, stats, replication and keyspace, without host details', async () => {
    const text = await runText(me, 'INFO');
    const headers = text.split('\r\n').filter((line) => line.startsWith('# '));
    expect(headers).toEqual(['# Server', '# Memory', '# Stats', '# Replication', '# Keyspace']);
    expect(text).toContain('valkey_version:');
    expect(text).toContain('maxmemory_policy:allkeys-lru');
    expect(text).toContain('role:master');
    for (const hidden of ['executable:', 'config_file:', 'process_id:', 'run_id:', 'tcp_port:', 'os:', 'listener0:'])
      expect(text).not.toContain(`\r\n${hidden}`);
    expect(text).not.toContain('connected_clients');
    // The server holds other learners' keys; the sandbox's INFO does not count them.
    expect(await sandbox.dbsize()).toBeGreaterThan(7);
    expect(text).not.toMatch(/db0:keys=([7-9]|\d\d)/);
  });

  it('shows one named section, and nothing for an unknown one, as Valkey does', async () => {
    const text = await runText(me, 'INFO replication');
    expect(text.startsWith('# Replication\r\nrole:master\r\n')).toBe(true);
    expect(await runText(me, 'INFO nosuchsection')).toBe('');
  });

  // valkey-cli prints INFO's replies raw, errors without "(error) ", and so does the sandbox.
  it('refuses the sections that would show other learners or the host', async () => {
    for (const section of ['clients', 'commandstats', 'errorstats', 'latencystats', 'cpu', 'modules']) {
      expect(await runText(me, `INFO ${section}`)).toMatch(/^ERR INFO .* is not available in the Keyspace/);
    }
    expect(await runText(me, 'INFO server clients')).toMatch(/^ERR INFO clients is not available/);
  });
});

describe('WAIT answers as a server without replicas', () => {
  it('answers 0 at once, whatever the timeout, and points to the cluster lab', async () => {
    expect(await runText(me, 'WAIT 0 0')).toBe('(integer) 0');
    const started = performance.now();
    const text = await runText(me, 'WAIT 1 5000');
    // A real server would wait the 5 s out; 2 s leaves room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(text.split('\n')[0]).toBe('(integer) 0');
    expect(text).toContain('cluster lab');
    expect(await runText(me, 'WAIT 0 -1')).toBe('(error) ERR timeout is negative');
    expect(await runText(me, 'WAIT 0')).toBe("(error) ERR wrong number of arguments for 'wait' command");
  });
});

describe('CLIENT on the learner’s own connection', () => {
  it('runs ID, SETNAME, GETNAME and INFO', async () => {
    expect(await runText(me, 'CLIENT ID')).toMatch(/^\(integer\) \d+$/);
    expect(await runText(me, 'CLIENT GETNAME')).toBe('(nil)');
    expect(await runText(me, 'CLIENT SETNAME mine')).toBe('OK');
    expect(await runText(me, 'CLIENT GETNAME')).toBe('"mine"');
    const info = await runText(me, 'CLIENT INFO');
    expect(info).toMatch(/^id=\d+ addr=hidden laddr=hidden fd=\d+ name=mine /);
    expect(info).toContain(' user=learner ');
    expect(info).not.toContain('lrn_');
    expect(info).not.toContain(me);
    expect(info).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
  });

  it('refuses every other CLIENT subcommand with a reason', async () => {
    for (const sub of ['LIST', 'KILL ID 1', 'PAUSE 1000', 'SETINFO LIB-NAME x', 'NO-EVICT ON', 'UNBLOCK 1']) {
      const name = sub.split(' ')[0];
      expect(await runText(me, `CLIENT ${sub}`)).toMatch(
        new RegExp(`^\\(error\\) ERR CLIENT ${name} is disabled in the Keyspace sandbox: `),
      );
    }
    // An unknown subcommand gets Valkey's own answer, as at valkey-cli.
    expect(await runText(me, 'CLIENT NOSUCH')).toBe("(error) ERR unknown subcommand 'NOSUCH'. Try CLIENT HELP.");
  });

  it('cannot be queued in MULTI (its reply would skip the scrubbing)', async () => {
    expect(await runText(me, 'MULTI')).toBe('OK');
    expect(await runText(me, 'CLIENT INFO')).toMatch(/^\(error\) ERR CLIENT cannot be queued/);
    expect(await runText(me, 'DISCARD')).toBe('OK');
  });
});
