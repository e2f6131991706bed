import { describe, expect, it } from 'vitest';
import type { CommandReference } from './command-docs';
import { classifyLine, describeCommand, hoverAt, splitWords, suggestAt } from './completion';

const REFERENCE: CommandReference = {
  GET: {
    summary: 'Returns the string value of a key.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    syntax: 'key',
    tokens: [],
  },
  SET: {
    summary: 'Sets the string value of a key, ignoring its type.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    syntax: 'key value [NX | XX] [GET] [EX seconds | PX milliseconds | KEEPTTL]',
    tokens: [
      { token: 'NX', group: 'condition', branch: 0 },
      { token: 'XX', group: 'condition', branch: 1 },
      { token: 'GET' },
      { token: 'EX', value: 'seconds', group: 'expiration', branch: 0 },
      { token: 'PX', value: 'milliseconds', group: 'expiration', branch: 1 },
      { token: 'KEEPTTL', group: 'expiration', branch: 2 },
    ],
  },
  SETRANGE: { summary: 'Overwrites part of a string.', syntax: 'key offset value', tokens: [] },
  SCAN: {
    summary: 'Iterates over the key names.',
    syntax: 'cursor [MATCH pattern] [COUNT count]',
    tokens: [
      { token: 'MATCH', value: 'pattern' },
      { token: 'COUNT', value: 'count' },
    ],
  },
  OBJECT: {
    summary: 'A container for object introspection commands.',
    syntax: '',
    tokens: [],
    subcommands: {
      ENCODING: { summary: 'Returns the internal encoding of an object.', syntax: 'key', tokens: [] },
      FREQ: { summary: 'Returns the access frequency.', syntax: 'key', tokens: [] },
    },
  },
  SETNX: {
    summary: 'Set only when the key does not exist.',
    syntax: 'key value',
    tokens: [],
    deprecated: '`SET` with the `NX` argument',
  },
};

const labels = (line: string, cursor = line.length) =>
  suggestAt(line, cursor, REFERENCE).items.map((item) => item.label);

describe('splitWords', () => {
  it('splits on spaces and keeps quoted words whole, even unclosed', () => {
    expect(
      splitWords('SET  "a b" \'c d\' "unclosed').map((word) => [word.text, word.start, word.end, word.quoted]),
    ).toEqual([
      ['SET', 0, 3, false],
      ['a b', 5, 10, true],
      ['c d', 11, 16, true],
      ['unclosed', 17, 26, true],
    ]);
    expect(splitWords('"a\\"b" x').map((word) => word.text)).toEqual(['a\\"b', 'x']);
  });
});

describe('classifyLine', () => {
  it("marks the command, strings, numbers and the command's tokens", () => {
    expect(classifyLine('set k "v" ex 10 other', REFERENCE).map((span) => span.kind)).toEqual([
      'command',
      'argument',
      'string',
      'token',
      'number',
      'argument',
    ]);
    expect(classifyLine('object encoding k', REFERENCE).map((span) => span.kind)).toEqual([
      'command',
      'subcommand',
      'argument',
    ]);
  });

  it('highlights the command name even before the reference has loaded', () => {
    expect(classifyLine('PING 3.5', null).map((span) => span.kind)).toEqual(['command', 'number']);
  });
});

describe('suggestAt', () => {
  it('offers command names starting with the typed prefix, in any case', () => {
    expect(labels('se')).toEqual(['SET', 'SETNX', 'SETRANGE']);
    expect(labels('')).toHaveLength(Object.keys(REFERENCE).length);
    expect(suggestAt('  se', 4, REFERENCE)).toMatchObject({ from: 2, to: 4 });
  });

  it('offers subcommands of a container', () => {
    expect(labels('OBJECT ')).toEqual(['ENCODING', 'FREQ']);
    expect(labels('object e')).toEqual(['ENCODING']);
  });

  it('offers argument tokens not yet used, without the alternatives of one already typed', () => {
    expect(labels('SET k v ')).toEqual(['NX', 'XX', 'GET', 'EX', 'PX', 'KEEPTTL']);
    expect(labels('SET k v nx ')).toEqual(['GET', 'EX', 'PX', 'KEEPTTL']);
    expect(labels('SET k v NX EX 10 ')).toEqual(['GET']);
    expect(labels('SET k v k')).toEqual(['KEEPTTL']);
    expect(labels('SCAN 0 ')).toEqual(['MATCH', 'COUNT']);
  });

  it('describes what it offers', () => {
    const [set] = suggestAt('SE', 2, REFERENCE).items;
    expect(set).toMatchObject({
      label: 'SET',
      kind: 'command',
      detail: 'SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | KEEPTTL]',
    });
    expect(set?.documentation).toContain('Sets the string value of a key');
    expect(suggestAt('SET k v E', 9, REFERENCE).items[0]).toMatchObject({
      label: 'EX',
      kind: 'token',
      detail: 'EX seconds',
    });
  });

  it('offers nothing inside a string or after an unknown command, and only before the cursor counts', () => {
    expect(labels('SET k "e')).toEqual([]);
    expect(labels('NOSUCH ')).toEqual([]);
    expect(labels('se k v', 2)).toEqual(['SET', 'SETNX', 'SETRANGE']);
  });
});

describe('hoverAt', () => {
  it('shows summary, complexity, since-version and group for the command', () => {
    const hover = hoverAt('set k v', 1, REFERENCE);
    expect(hover).toMatchObject({ from: 0, to: 3 });
    expect(hover?.markdown).toContain('Sets the string value of a key');
    expect(hover?.markdown).toContain('Complexity: O(1) · Since 1.0.0 · Group: string');
  });

  it('explains a token, a subcommand and a deprecated command, and nothing for a plain argument', () => {
    expect(hoverAt('SET k v EX 10', 9, REFERENCE)?.markdown).toBe('`EX seconds`: an argument of SET.');
    expect(hoverAt('OBJECT ENCODING k', 8, REFERENCE)?.markdown).toContain('internal encoding');
    expect(describeCommand('SETNX', REFERENCE.SETNX!)).toContain(
      'Deprecated: use `SET` with the `NX` argument instead.',
    );
    expect(hoverAt('SET k v', 4, REFERENCE)).toBeNull();
    expect(hoverAt('SET k v', 3, REFERENCE)).toBeNull();
  });
});
