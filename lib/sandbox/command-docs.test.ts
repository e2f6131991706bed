import { describe, expect, inject, it } from 'vitest';
import Redis from 'ioredis';
import { loadCommandDocs, sandboxCommandNames, toCommandReference } from './command-docs';

/** COMMAND DOCS as a RESP2 client receives it: maps are flat [key, value, …] arrays. */
const flat = (object: Record<string, unknown>): unknown[] =>
  Object.entries(object).flatMap(([key, value]) => [key, value]);
const arg = (fields: Record<string, unknown>) => flat(fields);

const SET_DOCS = flat({
  summary: 'Sets the string value of a key, ignoring its type.',
  since: '1.0.0',
  group: 'string',
  complexity: 'O(1)',
  arguments: [
    arg({ name: 'key', type: 'key', display_text: 'key', key_spec_index: 0 }),
    arg({ name: 'value', type: 'string', display_text: 'value' }),
    arg({
      name: 'condition',
      type: 'oneof',
      flags: ['optional'],
      arguments: [
        arg({ name: 'nx', type: 'pure-token', token: 'NX' }),
        arg({ name: 'xx', type: 'pure-token', token: 'XX' }),
      ],
    }),
    arg({ name: 'get', type: 'pure-token', token: 'GET', flags: ['optional'] }),
    arg({
      name: 'expiration',
      type: 'oneof',
      flags: ['optional'],
      arguments: [
        arg({ name: 'seconds', type: 'integer', display_text: 'seconds', token: 'EX' }),
        arg({ name: 'keepttl', type: 'pure-token', token: 'KEEPTTL' }),
      ],
    }),
  ],
});

const REPLY = [
  'set',
  SET_DOCS,
  'setnx',
  flat({
    summary: 'Set only when the key does not exist.',
    doc_flags: ['deprecated'],
    replaced_by: '`SET` with the `NX` argument',
    arguments: [],
  }),
  'object',
  flat({
    summary: 'A container for object introspection commands.',
    subcommands: flat({
      'object|encoding': flat({
        summary: 'Returns the internal encoding of an object.',
        arguments: [arg({ name: 'key', type: 'key', display_text: 'key' })],
      }),
      'object|freq': flat({ summary: 'Returns the access frequency.', arguments: [] }),
    }),
  }),
  'swapdb',
  flat({ summary: 'Swaps two databases.' }),
  'mset',
  flat({
    summary: 'Sets several keys.',
    arguments: [
      arg({
        name: 'data',
        type: 'block',
        flags: ['multiple'],
        arguments: [
          arg({ name: 'key', type: 'key', display_text: 'key' }),
          arg({ name: 'value', type: 'string', display_text: 'value' }),
        ],
      }),
    ],
  }),
];

describe('toCommandReference', () => {
  const reference = toCommandReference(REPLY, sandboxCommandNames(['set', 'setnx', 'mset', 'object|encoding']));

  it('keeps only the commands the sandbox accepts, keyed in upper case', () => {
    expect(Object.keys(reference)).toEqual(['MSET', 'OBJECT', 'SET', 'SETNX']);
  });

  it('keeps summary, complexity, since-version and group, and writes the syntax line', () => {
    expect(reference.SET).toMatchObject({
      summary: 'Sets the string value of a key, ignoring its type.',
      complexity: 'O(1)',
      since: '1.0.0',
      group: 'string',
      syntax: 'key value [NX | XX] [GET] [EX seconds | KEEPTTL]',
    });
    expect(reference.MSET?.syntax).toBe('key value [key value ...]');
  });

  it('lists argument tokens, marking the alternatives of one choice', () => {
    expect(reference.SET?.tokens).toEqual([
      { token: 'NX', group: 'condition', branch: 0 },
      { token: 'XX', group: 'condition', branch: 1 },
      { token: 'GET' },
      { token: 'EX', value: 'seconds', group: 'expiration', branch: 0 },
      { token: 'KEEPTTL', group: 'expiration', branch: 1 },
    ]);
  });

  it('marks deprecated commands with their replacement', () => {
    expect(reference.SETNX?.deprecated).toBe('`SET` with the `NX` argument');
  });

  it('keeps only the allowed subcommands of a container', () => {
    expect(Object.keys(reference.OBJECT?.subcommands ?? {})).toEqual(['ENCODING']);
    expect(reference.OBJECT?.subcommands?.ENCODING?.syntax).toBe('key');
  });

  it('survives JSON (it is what the docs route sends)', () => {
    expect(JSON.parse(JSON.stringify(reference))).toEqual(reference);
  });
});

describe('sandboxCommandNames', () => {
  it('adds the emulated commands to the allow-list', () => {
    const names = sandboxCommandNames(['get']);
    for (const name of ['get', 'keys', 'scan', 'dbsize', 'flushdb', 'multi', 'exec', 'discard', 'watch', 'unwatch'])
      expect(names.get(name), name).toBe('all');
  });
});

describe('loadCommandDocs on the real server', () => {
  it('documents every sandbox command, with SET and its tokens, and nothing refused', async () => {
    const reference = await loadCommandDocs();
    const client = new Redis(inject('sandboxUrl'));
    let known: string[];
    try {
      const names = [...sandboxCommandNames().keys()];
      const info = (await client.call('COMMAND', 'INFO', ...names)) as unknown[];
      known = names.filter((_, index) => info[index] !== null).map((name) => name.toUpperCase());
    } finally {
      client.disconnect();
    }
    // And the CLI's own help, which the console answers (cli-help.ts), with the groups as its topics.
    expect(Object.keys(reference).sort()).toEqual([...known, 'HELP'].sort());
    expect(reference.HELP?.syntax).toBe('[@group | command [subcommand]]');
    expect(reference.HELP?.tokens.map((token) => token.token)).toEqual(
      expect.arrayContaining(['@STRING', '@SORTED-SET', '@TRANSACTIONS']),
    );
    expect(reference.SET?.summary).toMatch(/string value of a key/);
    expect(reference.SET?.tokens.map((token) => token.token)).toEqual(
      expect.arrayContaining(['NX', 'XX', 'EX', 'PX', 'KEEPTTL', 'GET']),
    );
    expect(reference.SCAN?.tokens.map((token) => token.token)).toEqual(
      expect.arrayContaining(['MATCH', 'COUNT', 'TYPE']),
    );
    for (const refused of ['SWAPDB', 'CONFIG', 'DEBUG', 'EVAL']) expect(reference, refused).not.toHaveProperty(refused);
    // Emulated over the learner's own keys, so documented like any accepted command.
    for (const emulated of ['FLUSHALL', 'FLUSHDB', 'KEYS', 'SCAN'])
      expect(reference, emulated).toHaveProperty(emulated);
    // Movable-key commands (issue 13) are documented like the others, with their options.
    for (const movable of [
      'SORT',
      'SORT_RO',
      'ZUNIONSTORE',
      'ZINTERCARD',
      'SINTERCARD',
      'LMPOP',
      'BLMPOP',
      'COPY',
      'XREAD',
    ])
      expect(reference, movable).toHaveProperty(movable);
    expect(reference.SORT?.tokens.map((token) => token.token)).toEqual(expect.arrayContaining(['BY', 'GET', 'STORE']));
    expect(await loadCommandDocs(), 'cached for the process').toBe(reference);
  });
});
