import { describe, expect, it } from 'vitest';
import { classifyMemcachedLine } from './memcached-language';

/** Each word of a line with its kind, as `word:kind`. */
const kinds = (line: string) =>
  classifyMemcachedLine(line).map(({ start, end, kind }) => `${line.slice(start, end)}:${kind}`);

describe("the Memcached console's highlighting", () => {
  it('colours only the lower-case commands the sandbox runs as commands: SET is an error on memcached', () => {
    expect(kinds('set greeting 0 60 5')).toEqual([
      'set:command',
      'greeting:argument',
      '0:number',
      '60:number',
      '5:number',
    ]);
    expect(kinds('SET greeting 0 60 5')[0]).toBe('SET:unknown-command');
    expect(kinds('Get k')[0]).toBe('Get:unknown-command');
    // Refused commands stay on the server (refused-commands.ts): the console does not run them.
    expect(kinds('verbosity 1')).toEqual(['verbosity:unknown-command', '1:number']);
    for (const name of ['get', 'gets', 'gat', 'gats', 'add', 'cas', 'incr', 'decr', 'delete', 'touch', 'flush_all'])
      expect(kinds(name)[0]).toBe(`${name}:command`);
  });

  it('reads arguments by their place in the syntax: keys stay keys, even all digits; noreply is a keyword', () => {
    expect(kinds('get 42 user:1 7')).toEqual(['get:command', '42:argument', 'user:1:argument', '7:argument']);
    expect(kinds('gat 60 42 k')).toEqual(['gat:command', '60:number', '42:argument', 'k:argument']);
    expect(kinds('incr 99 5 noreply')).toEqual(['incr:command', '99:argument', '5:number', 'noreply:noreply']);
    expect(kinds('cas k 0 0 1 123 noreply').slice(-2)).toEqual(['123:number', 'noreply:noreply']);
    expect(kinds('flush_all 10 noreply')).toEqual(['flush_all:command', '10:number', 'noreply:noreply']);
    // get has no noreply: the word is a key there.
    expect(kinds('get noreply')).toEqual(['get:command', 'noreply:argument']);
  });

  it("shows a storage command's data block given on the header's line as data, with its offsets", () => {
    expect(kinds('set k 0 60 11 hello world')).toEqual([
      'set:command',
      'k:argument',
      '0:number',
      '60:number',
      '11:number',
      'hello:data',
      'world:data',
    ]);
    expect(kinds('set k 0 60 2 noreply 42').slice(-2)).toEqual(['noreply:noreply', '42:data']);
    expect(classifyMemcachedLine('  get  k')).toEqual([
      { start: 2, end: 5, kind: 'command' },
      { start: 7, end: 8, kind: 'argument' },
    ]);
    expect(classifyMemcachedLine('')).toEqual([]);
  });
});
