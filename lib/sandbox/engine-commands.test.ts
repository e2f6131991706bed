import { describe, expect, it } from 'vitest';
import { completionListAt } from './completion-list';
import { memcachedRule } from './memcached/commands';
import { STORAGE_COMMANDS } from './memcached/entry';
import { MEMCACHED_COMMANDS } from './memcached/protocol-commands';
import { memcachedCommandDoc, REFUSED_MEMCACHED_COMMANDS } from './memcached/refused-commands';
import { hoverAt } from './completion';
import { awaitsDataBlock, engineDocumentation, engineSuggestions, splitConsoleInput } from './engine-commands';
import { MEMCACHED_REFERENCE, memcachedCommandProblem } from './memcached-reference';

describe('splitConsoleInput', () => {
  it('sends each non-empty line as its own command on Valkey and Redis OSS', () => {
    expect(splitConsoleInput('SET a 1\n\nGET a\n', 'valkey')).toEqual(['SET a 1', 'GET a']);
    expect(splitConsoleInput('set k 0 60 3\nada', 'redis')).toEqual(['set k 0 60 3', 'ada']);
  });

  it('joins a Memcached storage header and its data block, as the API takes them', () => {
    expect(splitConsoleInput('set user:1 0 60 3\nada\nget user:1', 'memcached')).toEqual([
      'set user:1 0 60 3\nada',
      'get user:1',
    ]);
    expect(splitConsoleInput('cas k 0 0 2 17 noreply\nhi', 'memcached')).toEqual(['cas k 0 0 2 17 noreply\nhi']);
    // A data block is taken as typed, even an empty one or one that looks like a command.
    expect(splitConsoleInput('set k 0 0 0\n\nappend k 0 0 3\nget', 'memcached')).toEqual([
      'set k 0 0 0\n',
      'append k 0 0 3\nget',
    ]);
  });

  it('leaves the one-line form and other commands alone', () => {
    expect(splitConsoleInput('set user:1 0 60 3 ada\nincr visits 1', 'memcached')).toEqual([
      'set user:1 0 60 3 ada',
      'incr visits 1',
    ]);
  });
});

describe('awaitsDataBlock', () => {
  it('is true for a storage header alone, with or without noreply', () => {
    expect(awaitsDataBlock('set k 0 60 3')).toBe(true);
    expect(awaitsDataBlock('prepend k 0 0 1 noreply')).toBe(true);
    expect(awaitsDataBlock('cas k 0 0 1 99')).toBe(true);
  });

  it('is false for the one-line form and for commands without data', () => {
    expect(awaitsDataBlock('set k 0 60 3 ada')).toBe(false);
    expect(awaitsDataBlock('get k')).toBe(false);
    expect(awaitsDataBlock('SET k 0 60 3')).toBe(false);
  });
});

describe('memcachedCommandProblem', () => {
  it('accepts storage commands in either form, and the other commands', () => {
    expect(memcachedCommandProblem('set session:42 0 1800 3 ada')).toBeNull();
    expect(memcachedCommandProblem('set session:42 0 1800 3\nada')).toBeNull();
    expect(memcachedCommandProblem('get a b')).toBeNull();
    expect(memcachedCommandProblem('flush_all')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(memcachedCommandProblem('zadd board 1 ada')).toMatch(/is not a Memcached command the sandbox runs/);
    expect(memcachedCommandProblem('GET a')).toMatch(/lower case \(get\)/);
    expect(memcachedCommandProblem('set k 0 60 3')).toMatch(/has no data block/);
    expect(memcachedCommandProblem('set k 0 60 héllo')).toMatch(/needs a header such as/);
    expect(memcachedCommandProblem('set k 0 60 3 héllo')).toMatch(/declares 3 bytes but its data block "héllo" has 6/);
    expect(memcachedCommandProblem('get a\nb')).toMatch(/only a storage command takes a data block/);
  });
});

describe('Memcached completion', () => {
  it('offers the commands as Memcached spells them, in lower case', () => {
    const list = completionListAt('ge', 2, MEMCACHED_REFERENCE);
    const items = engineSuggestions(list?.items ?? [], 'memcached');
    expect(items.map((item) => item.label)).toEqual(['get', 'gets']);
    expect(items[0]?.detail).toBe('get key [key ...]');
    expect(engineSuggestions(list?.items ?? [], 'valkey').map((item) => item.label)).toEqual(['GET', 'GETS']);
  });
});

describe("the console's Memcached command list", () => {
  it('is exactly the commands the Memcached engine runs (lib/sandbox/memcached/commands.ts)', () => {
    const offered = Object.keys(MEMCACHED_REFERENCE).map((name) => name.toLowerCase());
    const runs = ['storage', 'retrieval', 'single-key', 'version', 'stats', 'flush_all', 'help'];
    for (const name of offered) expect(runs, `${name} runs in the sandbox`).toContain(memcachedRule(name)?.kind);
    expect(offered.filter((name) => memcachedRule(name)?.kind === 'storage').sort()).toEqual(
      [...STORAGE_COMMANDS].sort(),
    );
  });

  it('documents every command the engine knows, and refuses exactly those the table marks refused', () => {
    for (const doc of [...MEMCACHED_COMMANDS, ...REFUSED_MEMCACHED_COMMANDS]) {
      const rule = memcachedRule(doc.name);
      expect(rule, doc.name).not.toBeNull();
      expect(rule?.kind === 'refused' ? rule.why : undefined, doc.name).toBe(doc.refused);
    }
    const known = ['set', 'get', 'incr', 'flush_all', 'lru_crawler', 'mg', 'watch', 'quit', 'help'];
    for (const name of known) expect(memcachedCommandDoc(name)?.name).toBe(name);
    expect(memcachedRule('HELP')).toBeNull(); // memcached's names are case-sensitive
  });

  it('offers neither refused commands nor Valkey commands, and hovers in lower case', () => {
    const offered = (prefix: string) =>
      engineSuggestions(completionListAt(prefix, prefix.length, MEMCACHED_REFERENCE)?.items ?? [], 'memcached').map(
        (item) => item.label,
      );
    expect(offered('m')).toEqual([]); // mg, ms, md … are refused
    expect(offered('z')).toEqual([]);
    expect(offered('h')).toEqual(['help']);
    expect(offered('fl')).toEqual(['flush_all']);
    const hover = hoverAt('set k 0 0 1 noreply', 1, MEMCACHED_REFERENCE);
    expect(engineDocumentation(hover?.markdown ?? '', 'memcached')).toMatch(
      /^`set key flags exptime bytes \[noreply\]`\n\nStores the data block/,
    );
    const token = hoverAt('set k 0 0 1 noreply', 14, MEMCACHED_REFERENCE);
    expect(engineDocumentation(token?.markdown ?? '', 'memcached')).toBe('`noreply`: an argument of set.');
    const version = hoverAt('version', 0, MEMCACHED_REFERENCE);
    expect(engineDocumentation(version?.markdown ?? '', 'memcached')).toContain("The server's version: VERSION 1.6.x.");
    expect(engineDocumentation('`SET key value`', 'valkey')).toBe('`SET key value`');
  });
});
