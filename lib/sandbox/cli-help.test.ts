/**
 * The console's `help` on Valkey and Redis OSS (cli-help.ts). Its text is compared byte for byte
 * with valkey-cli and redis-cli in parity.test.ts and parity-redis.test.ts; this file covers what
 * parity cannot see: the two CLIs' syntax rules on arguments today's servers do not have, the
 * version line, that help takes no session, and the HELP entry completion and hover read.
 */
import Redis from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { cliHelpAnswer } from './cli-help';
import { cliHelpEntries, cliParams, cliVersion } from './cli-help-table';
import { cliHelpDoc, type CommandDoc } from './command-docs';
import { suggestAt } from './completion';
import { executeLine } from './execute';
import { newLearnerId } from './learner';
import { closeLearnerSessions, hasLearnerSessionOn } from './learners';
import { sandboxLimits } from './limits';

afterAll(async () => {
  closeLearnerSessions();
  await closeValkeyClients();
});

/** COMMAND DOCS as a RESP2 client receives it: maps are flat [key, value, …] arrays. */
const flat = (object: Record<string, unknown>): unknown[] =>
  Object.entries(object).flatMap(([key, value]) => [key, value]);

describe('the syntax line, as each CLI writes it', () => {
  const args = [
    flat({ name: 'key', type: 'key', display_text: 'key' }),
    flat({
      name: 'score_member',
      type: 'block',
      flags: ['multiple'],
      arguments: [
        flat({ name: 'score', type: 'double', display_text: 'the-score' }),
        flat({ name: 'member', type: 'string' }),
      ],
    }),
    flat({
      name: 'order',
      type: 'oneof',
      flags: ['optional'],
      arguments: [
        flat({ name: 'asc', type: 'pure-token', token: 'ASC' }),
        flat({ name: 'desc', type: 'pure-token', token: 'DESC' }),
      ],
    }),
    flat({ name: 'pattern', type: 'pattern', token: 'GET', flags: ['optional', 'multiple', 'multiple_token'] }),
    flat({ name: 'empty', type: 'string', token: '', flags: ['optional'] }),
  ];

  it('valkey-cli 8.0: display_text first, choices joined with |, the token repeated when multiple_token', () => {
    expect(cliParams(args, 'valkey')).toBe(
      'key the-score member [the-score member ...] [ASC|DESC] [GET pattern [GET pattern ...]] ["" empty]',
    );
  });

  it('redis-cli 7.0: always the name', () => {
    expect(cliParams(args, 'redis')).toBe(
      'key score member [score member ...] [ASC|DESC] [GET pattern [GET pattern ...]] ["" empty]',
    );
  });

  it('a command without arguments: "(null)" at valkey-cli 8.0 (printf of NULL), nothing at redis-cli', () => {
    expect(cliParams(undefined, 'valkey')).toBe('(null)');
    expect(cliParams(undefined, 'redis')).toBe('');
    expect(cliParams([], 'valkey')).toBe('');
  });

  it('lists subcommands as "CONTAINER SUB", sorted byte by byte as strcmp sorts', () => {
    const reply = [
      'config-x',
      flat({ summary: 'x' }),
      'config',
      flat({ summary: 'c', subcommands: flat({ 'config|get': flat({ summary: 'g', arguments: [] }) }) }),
    ];
    expect(cliHelpEntries(reply, 'valkey').map((entry) => entry.full)).toEqual(['CONFIG', 'CONFIG GET', 'CONFIG-X']);
  });
});

describe('the version line', () => {
  it("names valkey_version on Valkey, redis_version on Redis OSS, and a build's git commit", () => {
    const info =
      '# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.0.1\r\nredis_git_sha1:00000000\r\nredis_git_dirty:0\r\n';
    expect(cliVersion(info, 'valkey')).toBe('8.0.1');
    expect(cliVersion(info, 'redis')).toBe('7.2.4');
    const built = info.replace('00000000', '1a2b3c4d').replace('dirty:0', 'dirty:1');
    expect(cliVersion(built, 'valkey')).toBe('8.0.1 (git:1a2b3c4d-dirty)');
  });

  it("is the sandbox server's own version, on both engines", async () => {
    for (const [engine, url, cli, field] of [
      ['valkey', inject('sandboxUrl'), 'valkey-cli', 'valkey_version'],
      ['redis', inject('redisUrl'), 'redis-cli', 'redis_version'],
    ] as const) {
      const admin = new Redis(url);
      const own = new RegExp(`^${field}:(.*)\\r$`, 'm').exec(await admin.info('server'))?.[1];
      admin.disconnect();
      expect(own).toMatch(/^\d+\.\d+\.\d+$/);
      const outcome = await executeLine(newLearnerId(), 'help', sandboxLimits(), undefined, engine);
      expect(outcome.kind === 'reply' && outcome.body.text.split('\n')[0]).toBe(`${cli} ${own}`);
    }
  });
});

describe('help in the console', () => {
  it('is answered without a learner session, so it queues nothing and takes no slot', async () => {
    const learner = newLearnerId();
    const outcome = await executeLine(learner, 'HELP get', sandboxLimits());
    expect(outcome).toMatchObject({ kind: 'reply', body: { ok: true, reply: { type: 'text' } } });
    expect(outcome.kind === 'reply' && outcome.body.text).toMatch(
      /^\n {2}GET key\n {2}summary: .+\n {2}since: 1\.0\.0\n {2}group: string\n$/,
    );
    expect(hasLearnerSessionOn(learner, 'valkey')).toBe(false);
  });

  it('keeps to the reply limit like every answer', async () => {
    const outcome = await cliHelpAnswer(['@string'], 'valkey', { ...sandboxLimits(), maxReplyTextChars: 100 });
    expect(outcome).toMatchObject({ kind: 'reply', body: { ok: true, truncated: true, reply: null } });
    expect(outcome.kind === 'reply' && outcome.body.text).toMatch(/\n… \(help cut at 100 characters\)$/);
  });

  it('is offered by completion, with the groups as its topics, one per line', () => {
    const doc = (group: string): CommandDoc => ({ summary: '', syntax: '', tokens: [], group });
    const reference = { GET: doc('string'), ZADD: doc('sorted-set'), SADD: doc('set') };
    const withHelp = { ...reference, HELP: cliHelpDoc(reference) };
    expect(suggestAt('he', 2, withHelp).items.map((item) => item.label)).toEqual(['HELP']);
    expect(suggestAt('help @s', 7, withHelp).items.map((item) => item.label)).toEqual([
      '@SET',
      '@SORTED-SET',
      '@STRING',
    ]);
    expect(suggestAt('help @set @', 11, withHelp).items).toEqual([]);
  });
});
