import Redis from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { fixedKeyCommands, runRule, SANDBOX_COMMANDS } from './command-table';
import { keyPositions, streamReaderKeyIndexes } from './commands';

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

  it('runs XREAD and XREADGROUP, the only movable-key commands, with a key parser and a capped BLOCK', async () => {
    const client = new Redis(inject('sandboxUrl'));
    try {
      const movable = Object.entries(SANDBOX_COMMANDS).flatMap(([name, rule]) =>
        rule.action === 'run' && 'parse' in rule.keys ? [name] : [],
      );
      expect(movable).toEqual(['xread', 'xreadgroup']);
      const info = (await client.call('COMMAND', 'INFO', ...movable)) as [string, number, string[]][];
      info.forEach(([, , flags], index) => {
        expect(flags).toEqual(expect.arrayContaining(['movablekeys', 'blocking']));
        expect(runRule(movable[index]!)?.blocking).toBe('block-option-milliseconds');
      });
    } finally {
      client.disconnect();
    }
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
