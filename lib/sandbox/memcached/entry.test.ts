/** Reading console entries and replies as memcached reads them (pure: no server). */
import { describe, expect, it } from 'vitest';
import { parseSigned32, parseUnsigned32, readStorageEntry, splitEntry, tokenize } from './entry';
import { readReplyFrame } from './reply-reader';

const read = (entry: string) => {
  const { line, rest } = splitEntry(Buffer.from(entry));
  const result = readStorageEntry(line.toString().split(' ')[0] ?? '', line, rest, 234);
  return 'data' in result ? { ...result, key: result.key.toString(), data: result.data.toString() } : result;
};

describe('memcached numbers', () => {
  it.each([
    ['5', 5],
    ['+7', 7],
    ['-0', 0],
    ['4294967297', 1],
    ['-18446744073709551615', 1],
    ['-1', null],
    ['18446744073709551616', null],
    ['5x', null],
    ['x', null],
  ])('flags %s → %s', (text, expected) => expect(parseUnsigned32(text)).toBe(expected));

  it.each([
    ['-1', -1],
    ['4294967297', 1],
    ['2147483648', -2147483648],
    ['9223372036854775808', null],
    ['1.5', null],
  ])('exptime or bytes %s → %s', (text, expected) => expect(parseSigned32(text)).toBe(expected));
});

describe('storage entries', () => {
  it('take the data block from the next line or, split by the byte count, from the same line', () => {
    expect(read('set user:1 0 60 3\nada')).toMatchObject({ key: 'user:1', exptime: 60, data: 'ada', noreply: false });
    expect(read('set user:1 0 60 3\r\nada\r\n')).toMatchObject({ data: 'ada' });
    expect(read('set user:1 0 60 5 a  da')).toMatchObject({ data: 'a  da' });
    expect(read('set k 0 0 3 noreply abc')).toMatchObject({ data: 'abc', noreply: true });
    expect(read('set k 0 0 7 noreply')).toMatchObject({ data: 'noreply', noreply: false });
    expect(read('set k 0 0 0')).toMatchObject({ data: '' });
    expect(read('cas k 1 2 1 99 x')).toMatchObject({ flags: 1, exptime: 2, casUnique: 99n, data: 'x' });
  });

  it('answer as memcached does, or say what is missing', () => {
    expect(read('set k 0 0 3 abcd')).toEqual({ reply: 'CLIENT_ERROR bad data chunk' });
    expect(read('set k 0 0 3\nab')).toEqual({ reply: 'CLIENT_ERROR bad data chunk' });
    expect(read('set k 0 0\nab')).toEqual({ reply: 'ERROR' });
    expect(read('set k 0 0 1 a b\nx')).toEqual({ reply: 'ERROR' });
    expect(read(`set ${'k'.repeat(235)} 0 0 1\nx`)).toEqual({
      reply: 'CLIENT_ERROR bad command line format',
      keyTooLong: true,
    });
    expect(read('set k 0 0 3')).toEqual({ sandbox: expect.stringContaining('set needs its data block of 3 bytes') });
  });

  it('split tokens on spaces only, as memcached does', () => {
    expect(tokenize(Buffer.from('  get  a\tb   c ')).map((token) => token.text)).toEqual(['get', 'a\tb', 'c']);
  });
});

describe('readReplyFrame', () => {
  it('waits for a whole reply, walking data blocks by their byte count', () => {
    const reply = Buffer.from('VALUE k 0 5\r\nEND\r\n\r\nEND\r\nSTORED\r\n');
    expect(readReplyFrame(reply.subarray(0, 20), 'values')).toBeNull();
    expect(readReplyFrame(reply, 'values')).toEqual({ length: 25, lastLine: 'END' });
    expect(readReplyFrame(Buffer.from('CLIENT_ERROR bad command line format\r\n'), 'values')?.lastLine).toBe(
      'CLIENT_ERROR bad command line format',
    );
    expect(() => readReplyFrame(Buffer.from('STORED\r\n'), 'values')).toThrow(/unexpected line/);
  });
});
