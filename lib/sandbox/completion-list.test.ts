import { describe, expect, it } from 'vitest';
import type { CommandReference } from './command-docs';
import { acceptCompletion, argumentHint, completionListAt, moveActive } from './completion-list';

const REFERENCE: CommandReference = {
  HSET: { summary: 'Creates or modifies the value of a field in a hash.', syntax: 'key data [data ...]', tokens: [] },
  HSETNX: { summary: 'Sets the value of a field only when it does not exist.', syntax: 'key field value', tokens: [] },
  HSTRLEN: { summary: 'Returns the length of the value of a field.', syntax: 'key field', tokens: [] },
  GET: { summary: 'Returns the string value of a key.', syntax: 'key', tokens: [] },
  SET: {
    summary: 'Sets the string value of a key, ignoring its type.',
    syntax: 'key value [NX | XX] [EX seconds | KEEPTTL]',
    tokens: [
      { token: 'NX', group: 'condition', branch: 0 },
      { token: 'XX', group: 'condition', branch: 1 },
      { token: 'EX', value: 'seconds', group: 'expiration', branch: 0 },
      { token: 'KEEPTTL', group: 'expiration', branch: 1 },
    ],
  },
  OBJECT: {
    summary: 'A container for object introspection commands.',
    syntax: '',
    tokens: [],
    subcommands: { ENCODING: { summary: 'Returns the internal encoding of an object.', syntax: 'key', tokens: [] } },
  },
};

const labels = (line: string, cursor = line.length) =>
  completionListAt(line, cursor, REFERENCE)?.items.map((item) => item.label) ?? null;

describe('completionListAt', () => {
  it('opens on a started word, with the same entries as the Monaco editor, in any case', () => {
    expect(labels('HS')).toEqual(['HSET', 'HSETNX', 'HSTRLEN']);
    expect(labels('hse')).toEqual(['HSET', 'HSETNX']);
    expect(labels('object e')).toEqual(['ENCODING']);
    expect(labels('SET k v e')).toEqual(['EX']);
    expect(completionListAt('HS', 2, REFERENCE)?.items[0]).toMatchObject({
      summary: 'Creates or modifies the value of a field in a hash.',
      detail: 'HSET key data [data ...]',
    });
  });

  it('stays closed before a word is started, without a match, and once the only match is typed', () => {
    expect(labels('')).toBeNull();
    expect(labels('SET k v ')).toBeNull();
    expect(labels('ZZ')).toBeNull();
    expect(labels('get')).toBeNull();
    expect(labels('SET k "e')).toBeNull();
    expect(labels('HSET'), 'HSET typed, HSETNX still possible').toEqual(['HSET', 'HSETNX']);
  });

  it('replaces the whole word the cursor is in', () => {
    expect(completionListAt('HS k', 2, REFERENCE)).toMatchObject({ from: 0, to: 2 });
    expect(completionListAt('hsxx k', 2, REFERENCE)).toMatchObject({ from: 0, to: 4 });
    expect(completionListAt('SET k v e', 9, REFERENCE)).toMatchObject({ from: 8, to: 9 });
  });
});

describe('acceptCompletion', () => {
  it('writes the label and one space, with the cursor after it', () => {
    expect(acceptCompletion('hs', { from: 0, to: 2 }, 'HSET')).toEqual({ line: 'HSET ', cursor: 5 });
    expect(acceptCompletion('SET k v e', { from: 8, to: 9 }, 'EX')).toEqual({ line: 'SET k v EX ', cursor: 11 });
  });

  it('keeps what follows the word, without doubling its space', () => {
    expect(acceptCompletion('hsxx k v', { from: 0, to: 4 }, 'HSET')).toEqual({ line: 'HSET k v', cursor: 5 });
  });
});

describe('argumentHint', () => {
  it("is the syntax after the entry's name", () => {
    expect(argumentHint({ label: 'HSET', detail: 'HSET key data [data ...]' })).toBe('key data [data ...]');
    expect(argumentHint({ label: 'ENCODING', detail: 'OBJECT ENCODING key' })).toBe('key');
    expect(argumentHint({ label: 'NX', detail: 'NX' })).toBe('');
  });
});

describe('moveActive', () => {
  it('starts at the first entry going down and the last going up, and wraps', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(1, 1, 3)).toBe(2);
    expect(moveActive(-1, 1, 0)).toBe(-1);
  });
});
