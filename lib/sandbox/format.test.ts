import { describe, expect, it } from 'vitest';
import { formatReply } from './format';
import type { CliReply } from './reply';

// Every expected string below is what valkey-cli 8.0.1 printed (with --no-raw, which is
// the TTY format) for the command named in the test, minus the final newline.

const s = (text: string): CliReply => ({ type: 'status', value: Buffer.from(text, 'utf8') });
const b = (value: string | Buffer): CliReply => ({
  type: 'bulk',
  value: typeof value === 'string' ? Buffer.from(value, 'utf8') : value,
});
const n = (value: string): CliReply => ({ type: 'integer', value });
const err = (value: string): CliReply => ({ type: 'error', value });
const a = (...value: CliReply[]): CliReply => ({ type: 'array', value });
const nil: CliReply = { type: 'nil' };
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('formatReply: scalars', () => {
  it('prints a status as is, UTF-8 and control characters included', () => {
    expect(formatReply(s('OK'))).toBe('OK');
    expect(formatReply(s('status é'))).toBe('status é'); // EVAL "return {ok='status é'}" 0
    expect(formatReply(s('x  y\tz\x01'))).toBe('x  y\tz\x01');
    expect(formatReply(s(''))).toBe(''); // EVAL "return redis.status_reply('')" 0
  });

  it('prefixes errors', () => {
    expect(formatReply(err("ERR unknown command 'NOSUCHCMD', with args beginning with: 'a' "))).toBe(
      "(error) ERR unknown command 'NOSUCHCMD', with args beginning with: 'a' ",
    );
    expect(formatReply(err('MYERR é bad'))).toBe('(error) MYERR é bad');
  });

  it('stops status and error text at a NUL, like the C string functions it uses', () => {
    // The server already truncates there, so this only guards the C semantics.
    expect(formatReply({ type: 'status', value: Buffer.from('a\0b') })).toBe('a');
    expect(formatReply(err('ERR a\0b'))).toBe('(error) ERR a');
  });

  it('prints integers, including the 64-bit extremes', () => {
    expect(formatReply(n('-42'))).toBe('(integer) -42');
    expect(formatReply(n('9223372036854775807'))).toBe('(integer) 9223372036854775807');
    expect(formatReply(n('-9223372036854775808'))).toBe('(integer) -9223372036854775808');
  });

  it('prints nil', () => {
    expect(formatReply(nil)).toBe('(nil)');
  });
});

describe('formatReply: bulk strings', () => {
  it('quotes an empty string', () => {
    expect(formatReply(b(''))).toBe('""');
  });

  it('escapes like sdscatrepr, with every byte >= 0x80 as \\xHH', () => {
    // SET bin "\x00\xff\n\"é\\\t\r\a\b\x7f\x1b ~" then GET bin
    const value = Buffer.from([
      0x00, 0xff, 0x0a, 0x22, 0xc3, 0xa9, 0x5c, 0x09, 0x0d, 0x07, 0x08, 0x7f, 0x1b, 0x20, 0x7e,
    ]);
    expect(formatReply(b(value))).toBe('"\\x00\\xff\\n\\"\\xc3\\xa9\\\\\\t\\r\\a\\b\\x7f\\x1b ~"');
  });
});

describe('formatReply: arrays', () => {
  it('prints an empty array, at the top or nested', () => {
    expect(formatReply(a())).toBe('(empty array)');
    // EVAL "return {{}, {{}}, 'é'}" 0
    expect(formatReply(a(a(), a(a()), b('é')))).toBe('1) (empty array)\n2) 1) (empty array)\n3) "\\xc3\\xa9"');
  });

  it('shows nil inside an array', () => {
    // MGET bin nosuch
    expect(formatReply(a(b(Buffer.from([0x00, 0xff])), nil))).toBe('1) "\\x00\\xff"\n2) (nil)');
  });

  it('indents nested arrays under their parent index', () => {
    // EVAL "return {1,{2,{3,'a'}},'b'}" 0
    expect(formatReply(a(n('1'), a(n('2'), a(n('3'), b('a'))), b('b')))).toBe(
      '1) (integer) 1\n2) 1) (integer) 2\n   2) 1) (integer) 3\n      2) "a"\n3) "b"',
    );
  });

  it('mixes statuses, errors and empty arrays as elements', () => {
    // EVAL "return {{ok='OK'}, 1, {err='ERR nested'}, {}}" 0
    expect(formatReply(a(s('OK'), n('1'), err('ERR nested'), a()))).toBe(
      '1) OK\n2) (integer) 1\n3) (error) ERR nested\n4) (empty array)',
    );
  });

  it('right-aligns indexes to the widest one and widens the nested prefix to match', () => {
    // EVAL "return {1,2,3,4,5,6,7,8,9,{{1,2,3,4,5,6,7,8,9,10},'x'}}" 0
    const reply = a(...range(1, 9).map((i) => n(String(i))), a(a(...range(1, 10).map((i) => n(String(i)))), b('x')));
    const expected = [
      ...range(1, 9).map((i) => ` ${i}) (integer) ${i}`),
      '10) 1)  1) (integer) 1',
      ...range(2, 9).map((i) => `        ${i}) (integer) ${i}`),
      '       10) (integer) 10',
      '    2) "x"',
    ].join('\n');
    expect(formatReply(reply)).toBe(expected);
  });

  it('pads to three columns past 99 elements', () => {
    // EVAL "local t={} for i=1,101 do t[i]=tostring(i) end t[100]={1,{2,3}} return t" 0
    const items = range(1, 101).map((i) => b(String(i)));
    items[99] = a(n('1'), a(n('2'), n('3')));
    const lines = formatReply(a(...items)).split('\n');
    expect(lines).toHaveLength(103);
    expect(lines[0]).toBe('  1) "1"');
    expect(lines[9]).toBe(' 10) "10"');
    expect(lines[98]).toBe(' 99) "99"');
    expect(lines.slice(99)).toEqual([
      '100) 1) (integer) 1',
      '     2) 1) (integer) 2',
      '        2) (integer) 3',
      '101) "101"',
    ]);
  });

  it('prints XRANGE entries', () => {
    // XADD s 1-1 name Ada lang é; XADD s 2-0 n 1; XRANGE s - +
    const reply = a(a(b('1-1'), a(b('name'), b('Ada'), b('lang'), b('é'))), a(b('2-0'), a(b('n'), b('1'))));
    expect(formatReply(reply)).toBe(
      '1) 1) "1-1"\n   2) 1) "name"\n      2) "Ada"\n      3) "lang"\n      4) "\\xc3\\xa9"\n' +
        '2) 1) "2-0"\n   2) 1) "n"\n      2) "1"',
    );
  });

  it('prints COMMAND INFO get', () => {
    const keySpec = a(
      b('flags'),
      a(s('RO'), s('access')),
      b('begin_search'),
      a(b('type'), b('index'), b('spec'), a(b('index'), n('1'))),
      b('find_keys'),
      a(b('type'), b('range'), b('spec'), a(b('lastkey'), n('0'), b('keystep'), n('1'), b('limit'), n('0'))),
    );
    const flags = a(s('readonly'), s('fast'));
    const categories = a(s('@read'), s('@string'), s('@fast'));
    const get = a(b('get'), n('2'), flags, n('1'), n('1'), n('1'), categories, a(), a(keySpec), a());
    expect(formatReply(a(get))).toBe(
      [
        '1)  1) "get"',
        '    2) (integer) 2',
        '    3) 1) readonly',
        '       2) fast',
        '    4) (integer) 1',
        '    5) (integer) 1',
        '    6) (integer) 1',
        '    7) 1) @read',
        '       2) @string',
        '       3) @fast',
        '    8) (empty array)',
        '    9) 1) 1) "flags"',
        '          2) 1) RO',
        '             2) access',
        '          3) "begin_search"',
        '          4) 1) "type"',
        '             2) "index"',
        '             3) "spec"',
        '             4) 1) "index"',
        '                2) (integer) 1',
        '          5) "find_keys"',
        '          6) 1) "type"',
        '             2) "range"',
        '             3) "spec"',
        '             4) 1) "lastkey"',
        '                2) (integer) 0',
        '                3) "keystep"',
        '                4) (integer) 1',
        '                5) "limit"',
        '                6) (integer) 0',
        '   10) (empty array)',
      ].join('\n'),
    );
  });
});
