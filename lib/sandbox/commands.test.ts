import Redis from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { ALLOWED_COMMANDS, keyPositions } from './commands';

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
      const names = Object.keys(ALLOWED_COMMANDS);
      const info = (await client.call('COMMAND', 'INFO', ...names)) as ([string, number, string[], number, number, number] | null)[];
      names.forEach((name, index) => {
        const row = info[index];
        expect(row, `${name} exists on the server`).not.toBeNull();
        const [, arity, flags, first, last, step] = row!;
        expect([arity, first, last, step], name).toEqual([...ALLOWED_COMMANDS[name]!]);
        expect(flags, name).not.toContain('movablekeys');
        // Blocking commands are allowed only with a capped timeout (argument-limits.ts).
        if (flags.includes('blocking')) expect(['blpop', 'brpop', 'blmove', 'brpoplpush', 'bzpopmin', 'bzpopmax'], name).toContain(name);
      });
    } finally {
      client.disconnect();
    }
  });
});
