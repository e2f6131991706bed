import Redis from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { fixedKeyCommands, keyLocator, runRule, SANDBOX_COMMANDS } from './command-table';
import { keyPositions, sortOptions, streamReaderKeyIndexes } from './commands';

describe('keyPositions', () => {
  it('follows first/last/step, counting a negative last from the end', () => {
    expect(keyPositions([-3, 1, -1, 2], 5)).toEqual([1, 3]);
    expect(keyPositions([-4, 2, -1, 1], 5)).toEqual([2, 3, 4]);
    expect(keyPositions([3, 1, 2, 1], 3)).toEqual([1, 2]);
    expect(keyPositions([-1, 0, 0, 0], 2)).toEqual([]);
    // A short (wrong-arity) command must not index past its arguments.
    expect(keyPositions([3, 1, 2, 1], 2)).toEqual([1]);
  });
});

describe('the allow-list matches the real server', () => {
  it('has the same arity and key positions as COMMAND INFO, and no movable-key command', async () => {
    const client = new Redis(inject('sandboxUrl'));
    try {
      const specs = Object.fromEntries(fixedKeyCommands());
      const names = Object.keys(specs);
      const info = (await client.call('COMMAND', 'INFO', ...names)) as (
        [string, number, string[], number, number, number] | null
      )[];
      names.forEach((name, index) => {
        const row = info[index];
        expect(row, `${name} exists on the server`).not.toBeNull();
        const [, arity, flags, first, last, step] = row!;
        expect([arity, first, last, step], name).toEqual([...specs[name]!]);
        expect(flags, name).not.toContain('movablekeys');
        // Blocking commands are allowed only with a capped timeout (argument-limits.ts).
        expect(runRule(name)?.blocking, name).toBe(flags.includes('blocking') ? 'last-argument-seconds' : undefined);
      });
    } finally {
      client.disconnect();
    }
  });
});

describe('every command of the server is in the table', () => {
  it('runs, emulates or refuses each one, so a name outside the table gets "unknown command" as on the server', async () => {
    const client = new Redis(inject('sandboxUrl'));
    try {
      const info = (await client.call('COMMAND', 'INFO')) as [string][];
      const missing = info.map(([name]) => name.toLowerCase()).filter((name) => !Object.hasOwn(SANDBOX_COMMANDS, name));
      expect(missing).toEqual([]);
    } finally {
      client.disconnect();
    }
  });
});

describe('container subcommands and stream readers', () => {
  it('match COMMAND INFO for every allowed subcommand', async () => {
    const client = new Redis(inject('sandboxUrl'));
    try {
      const containers = Object.entries(SANDBOX_COMMANDS).flatMap(([name, rule]) =>
        rule.action === 'run' && 'subcommands' in rule.keys ? [[name, rule.keys.subcommands] as const] : [],
      );
      expect(containers.map(([name]) => name).sort()).toEqual(['client', 'memory', 'object', 'xgroup', 'xinfo']);
      for (const [container, subs] of containers) {
        for (const [sub, spec] of Object.entries(subs)) {
          const [row] = (await client.call('COMMAND', 'INFO', `${container}|${sub}`)) as [
            [string, number, string[], number, number, number],
          ];
          expect([row[1], row[3], row[4], row[5]], `${container} ${sub}`).toEqual([...spec]);
        }
      }
    } finally {
      client.disconnect();
    }
  });

  it('runs every movable-key command with a key parser, blocking ones with a capped timeout', async () => {
    const client = new Redis(inject('sandboxUrl'));
    try {
      const movable = Object.entries(SANDBOX_COMMANDS).flatMap(([name, rule]) =>
        rule.action === 'run' && 'parse' in rule.keys ? [[name, rule.keys.arity] as const] : [],
      );
      const info = (await client.call('COMMAND', 'INFO', ...movable.map(([name]) => name))) as [
        string,
        number,
        string[],
      ][];
      info.forEach(([, arity, flags], index) => {
        const [name, ourArity] = movable[index]!;
        // COPY's keys are fixed; it has a parser only to list its destination first (commands.ts).
        if (name !== 'copy') expect(flags, name).toContain('movablekeys');
        expect(ourArity, name).toBe(arity);
        if (flags.includes('blocking')) expect(runRule(name)?.blocking, name).toMatch(/first-argument|block-option/);
      });
    } finally {
      client.disconnect();
    }
  });

  it("finds the same keys as the server's COMMAND GETKEYS, never by value", async () => {
    // The app's admin user may not run COMMAND GETKEYS (ADMIN_COMMANDS): a user for this test may.
    const admin = new Redis(inject('sandboxUrl'));
    const user = `getkeys_test_${process.pid}`;
    await admin.call('ACL', 'SETUSER', user, 'reset', 'on', '>getkeys-test', 'nocommands', '+command|getkeys');
    const url = new URL(inject('sandboxUrl'));
    const client = new Redis({ host: url.hostname, port: Number(url.port), username: user, password: 'getkeys-test' });
    // Keys and values named like options, so that finding keys by value would go wrong.
    const lines = [
      'ZUNION 2 a b',
      'ZUNION 2 weights aggregate WEIGHTS 1 2 AGGREGATE MAX WITHSCORES',
      'ZINTER 1 numkeys',
      // numkeys the command refuses but GETKEYS (the ACL check) reads as 1: the key is found too.
      'LMPOP 01 a LEFT',
      'LMPOP +1x a LEFT',
      'ZDIFF 3 a b c WITHSCORES',
      'ZINTERCARD 2 limit b LIMIT 3',
      'ZUNIONSTORE d 2 a b WEIGHTS 2 3',
      'ZINTERSTORE 2 1 2',
      'ZDIFFSTORE d 2 a b',
      'SINTERCARD 2 a b LIMIT 1',
      'LMPOP 2 left right LEFT COUNT 2',
      'ZMPOP 1 min MIN',
      'BLMPOP 1 2 a b RIGHT',
      'BZMPOP 1 1 a MAX COUNT 3',
      'COPY a b',
      'COPY db replace REPLACE',
      'GEORADIUS g 0 0 1 km',
      'GEORADIUS store 0 0 1 km STORE d',
      'GEORADIUS g 0 0 1 km STORE d STOREDIST e',
      'GEORADIUSBYMEMBER g store 1 km STOREDIST d',
      'XREAD COUNT 2 STREAMS a b 0 0',
      'XREADGROUP GROUP streams c STREAMS s >',
      'SORT k',
      'SORT store BY w_* GET # GET h_*->f LIMIT 0 10 DESC ALPHA STORE dest',
      'SORT k STORE a STORE b',
      'SORT k BY store GET store',
      'SORT_RO k BY w_* GET #',
    ];
    try {
      const covered = new Set(lines.map((line) => line.split(' ')[0]!.toLowerCase()));
      for (const [name, rule] of Object.entries(SANDBOX_COMMANDS)) {
        if (rule.action === 'run' && 'parse' in rule.keys) expect(covered, name).toContain(name);
      }
      for (const line of lines) {
        const args = line.split(' ').map((word) => Buffer.from(word));
        const rule = runRule(args[0]!.toString().toLowerCase())!;
        const ours = keyLocator(rule, args)(args).map((index) => args[index]!.toString());
        const server = (await client.call('COMMAND', 'GETKEYS', ...args)) as string[];
        expect(ours.sort(), line).toEqual(server.sort());
      }
      // The server writes after the LAST STORE, but GETKEYS (its ACL check) names only the first:
      // the sandbox prefixes every one, the last listed first.
      const repeated = 'GEORADIUS g 0 0 1 km STORE d STORE e STOREDIST f'.split(' ').map((word) => Buffer.from(word));
      const found = keyLocator(runRule('georadius')!, repeated)(repeated).map((index) => repeated[index]!.toString());
      expect(found).toEqual(['f', 'e', 'd', 'g']);
      expect(found).toEqual(expect.arrayContaining((await client.call('COMMAND', 'GETKEYS', ...repeated)) as string[]));
      // A numkeys the server refuses gives no keys: the server answers before reading any.
      for (const line of ['ZUNION 0 a', 'ZUNION 3 a b', 'ZUNION x a', 'ZUNIONSTORE d -1 a', 'LMPOP 0x1 a LEFT']) {
        const args = line.split(' ').map((word) => Buffer.from(word));
        expect(keyLocator(runRule(args[0]!.toString().toLowerCase())!, args)(args), line).toEqual([]);
        await expect(client.call('COMMAND', 'GETKEYS', ...args), line).rejects.toThrow();
      }
    } finally {
      client.disconnect();
      await admin.call('ACL', 'DELUSER', user);
      admin.disconnect();
    }
  });

  it("finds SORT's BY and GET patterns (not GET #) as sortCommand reads its options", () => {
    const args = (line: string) => line.split(' ').map((word) => Buffer.from(word));
    expect(sortOptions(args('SORT k BY w_* GET # GET n_* STORE d'), false)).toEqual({
      store: 9,
      patterns: [3, 7],
      lookups: 1,
    });
    // LIMIT takes two values, even ones named like options; SORT_RO has no STORE.
    expect(sortOptions(args('SORT k LIMIT get by GET x'), false).patterns).toEqual([6]);
    expect(sortOptions(args('SORT_RO k STORE d GET x'), true)).toEqual({ store: null, patterns: [], lookups: 0 });
  });

  it('finds XREAD/XREADGROUP keys after STREAMS by parsing options, not by searching values', () => {
    const args = (line: string) => line.split(' ').map((word) => Buffer.from(word));
    expect(streamReaderKeyIndexes('xread', args('XREAD COUNT 2 STREAMS a b 0 0'))).toEqual([4, 5]);
    expect(streamReaderKeyIndexes('xreadgroup', args('XREADGROUP GROUP streams streams COUNT 1 STREAMS s >'))).toEqual([
      7,
    ]);
    expect(streamReaderKeyIndexes('xread', args('XREAD STREAMS a b 0'))).toEqual([]);
  });
});
