import { describe, expect, it } from 'vitest';
import { parseCommandLine, type ParsedLine } from './parse';

// Every expectation was checked against valkey-cli 8.0.1 by typing the line after
// `EVAL "return ARGV" 0 ` and reading back the arguments the server received. The one
// exception is a raw \n inside a line, which the REPL cannot receive; sds.c splits on it.

function ok(...args: (string | Buffer)[]): ParsedLine {
  return { ok: true, args: args.map((a) => (typeof a === 'string' ? Buffer.from(a, 'utf8') : a)) };
}

const INVALID: ParsedLine = { ok: false, error: 'Invalid argument(s)' };

describe('parseCommandLine: separators', () => {
  it('splits on spaces, tabs, newlines and carriage returns', () => {
    expect(parseCommandLine('SET  k\tv\nx\ry')).toEqual(ok('SET', 'k', 'v', 'x', 'y'));
  });

  it('returns no arguments for an empty or blank line', () => {
    expect(parseCommandLine('')).toEqual(ok());
    expect(parseCommandLine(' \t\v\f\r\n ')).toEqual(ok());
  });

  it('skips leading and trailing whitespace, including \\v and \\f', () => {
    expect(parseCommandLine(' \v\f\t ECHO  x \t\v')).toEqual(ok('ECHO', 'x'));
  });

  it('keeps \\v and \\f inside a bare token', () => {
    expect(parseCommandLine('a\tb\rc\vd\fe')).toEqual(ok('a', 'b', 'c\vd\fe'));
  });

  it('accepts \\v and \\f after a closing quote', () => {
    expect(parseCommandLine('"a"\vb \'c\'\fd')).toEqual(ok('a', 'b', 'c', 'd'));
  });

  it('stops at a NUL, as the C string it reads does', () => {
    expect(parseCommandLine('ECHO a\0b c')).toEqual(ok('ECHO', 'a'));
    expect(parseCommandLine('"a\0b" c')).toEqual(INVALID);
  });
});

describe('parseCommandLine: double quotes', () => {
  it('gives an empty argument for ""', () => {
    expect(parseCommandLine('SET k ""')).toEqual(ok('SET', 'k', ''));
  });

  it('decodes the named escapes', () => {
    expect(parseCommandLine('"\\n\\r\\t\\b\\a\\\\\\""')).toEqual(ok('\n\r\t\b\x07\\"'));
  });

  it('turns any other escaped character into itself', () => {
    expect(parseCommandLine('"\\q\\0\\e\\ "')).toEqual(ok('q0e '));
  });

  it('decodes \\xHH with either case into a single byte', () => {
    expect(parseCommandLine('"\\x41\\xff"')).toEqual(ok(Buffer.from([0x41, 0xff])));
    expect(parseCommandLine('"\\xaB"')).toEqual(ok(Buffer.from([0xab])));
  });

  it('reads \\x without two hex digits as a plain x', () => {
    expect(parseCommandLine('"\\xZZ" "\\x4" "\\x4g" "\\XAB" "\\u0041"')).toEqual(
      ok('xZZ', 'x4', 'x4g', 'XAB', 'u0041'),
    );
  });

  it('keeps CR and LF inside the argument they were escaped in', () => {
    expect(parseCommandLine('SET k "a\\r\\nFLUSHALL\\r\\n"')).toEqual(ok('SET', 'k', 'a\r\nFLUSHALL\r\n'));
  });

  it('passes UTF-8 through as its bytes, quoted or not', () => {
    const expected = Buffer.from([0xc3, 0xa9, 0xf0, 0x9f, 0x8e, 0x89]);
    expect(parseCommandLine('"é🎉" é🎉')).toEqual(ok(expected, expected));
  });

  it('rejects an unterminated quote', () => {
    expect(parseCommandLine('SET k "abc')).toEqual(INVALID);
    expect(parseCommandLine('"abc\\"')).toEqual(INVALID);
    expect(parseCommandLine('"abc\\')).toEqual(INVALID);
  });

  it('rejects a closing quote followed by anything but whitespace', () => {
    expect(parseCommandLine('SET k "a"b')).toEqual(INVALID);
    expect(parseCommandLine('"a"\'b\'')).toEqual(INVALID);
  });
});

describe('parseCommandLine: single quotes', () => {
  it("gives an empty argument for ''", () => {
    expect(parseCommandLine("''")).toEqual(ok(''));
  });

  it("only understands \\' as an escape", () => {
    expect(parseCommandLine("'a\\'b' 'c\\d' '\\n\\x41' 'x\"y'")).toEqual(ok("a'b", 'c\\d', '\\n\\x41', 'x"y'));
  });

  it('rejects adjacent quoted sections and unterminated quotes', () => {
    expect(parseCommandLine("SET k 'a''b'")).toEqual(INVALID);
    expect(parseCommandLine("'abc\\'")).toEqual(INVALID);
    expect(parseCommandLine("'\\\\'")).toEqual(INVALID);
  });
});

describe('parseCommandLine: quotes inside a bare token', () => {
  it('opens a quoted section that joins the token', () => {
    expect(parseCommandLine('a"b c" a\'b c\'')).toEqual(ok('ab c', 'ab c'));
  });

  it('still requires whitespace after the closing quote', () => {
    expect(parseCommandLine('a"b"c')).toEqual(INVALID);
    expect(parseCommandLine("a'b'c")).toEqual(INVALID);
    expect(parseCommandLine('abc\\"')).toEqual(INVALID);
  });

  it('treats a backslash outside quotes literally', () => {
    expect(parseCommandLine('ab\\x41 \\n')).toEqual(ok('ab\\x41', '\\n'));
  });
});
