/**
 * What POST /api/sandbox/exec refuses before running anything: hostile inputs of
 * docs/reference/sandbox-security.md §5 (rows 35, 37, 38, 40) as an HTTP REPL receives them, on
 * the real test Valkey. The command-level rows are in lib/sandbox/hostile.test.ts.
 */
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { learnerCookieValue } from '@/lib/http/learner-identity';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeSandbox } from '@/lib/testing/sandbox';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { withEnv } from '@/lib/testing/env';
import { POST } from './route';

const alice = newLearnerId();
let sandbox: Redis; // admin on the sandbox server

function post(command: string, address: string, cookie?: string): Promise<Response> {
  const request = learnerRequest('/api/sandbox/exec', cookie, { command });
  request.headers.set('x-forwarded-for', address);
  return POST(request);
}
const byte = () => Math.floor(Math.random() * 256);
const address = () => `10.${byte()}.${byte()}.${byte()}`;

beforeAll(() => {
  sandbox = new Redis(inject('sandboxUrl'));
});

afterAll(async () => {
  await sandbox?.quit();
  await closeSandbox();
});

describe('what the HTTP route refuses before running anything (rows 35, 37, 38, 40)', () => {
  it.each([
    ['an unbalanced quote', 400, 'SET k "abc', 'Invalid argument(s)'],
    ['a misplaced quote', 400, 'SET k "a"b', 'Invalid argument(s)'],
    ['doubled single quotes', 400, "SET k 'a''b'", 'Invalid argument(s)'],
    ['an empty line', 400, '', '(error) ERR empty command: type a command such as PING.'],
    ['a whitespace-only line', 400, ' \t ', '(error) ERR empty command: type a command such as PING.'],
    [
      'a raw newline',
      400,
      'GET a\nFLUSHALL',
      '(error) ERR one command per line: send each command in its own request.',
    ],
    [
      'a raw carriage return',
      400,
      'GET a\rFLUSHALL',
      '(error) ERR one command per line: send each command in its own request.',
    ],
    [
      'a 70 KB line (row 21: APPEND of a huge value)',
      413,
      `APPEND k ${'x'.repeat(70 * 1024)}`,
      '(error) ERR command line too long: the limit is 16 KB.',
    ],
    [
      '150 arguments (row 22)',
      413,
      `RPUSH k ${Array.from({ length: 148 }, (_, i) => i).join(' ')}`,
      '(error) ERR too many arguments: the limit is 100.',
    ],
  ])('%s: HTTP %i', async (_label, status, command, expected) => {
    const response = await post(command, address(), await learnerCookieValue(alice));
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, text: expected });
    expect(await sandbox.exists(`sb:${alice}:k`)).toBe(0);
  });

  it('answers 429 with Retry-After past the per-learner rate (burst of twice the rate)', async () => {
    await withEnv({ KEYSPACE_SANDBOX_RATE_PER_LEARNER: '1' }, async () => {
      const from = address();
      const cookie = issuedCookie(await post('PING', from));
      expect((await post('PING', from, cookie)).status).toBe(200);
      const limited = await post('PING', from, cookie);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(await limited.json()).toMatchObject({
        ok: false,
        text: '(error) ERR too many commands: the sandbox allows 1 per second each. Try again in 1 s.',
      });
    });
  });

  it('answers 429 to a flood of new sessions from one address (row 40)', async () => {
    await withEnv({ KEYSPACE_SANDBOX_SESSIONS_PER_MINUTE: '3' }, async () => {
      const from = address();
      const responses = [];
      for (let i = 0; i < 4; i++) responses.push(await post('PING', from));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 429]);
      expect(Number(responses[3]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await responses[3]!.json()).toMatchObject({
        ok: false,
        text: expect.stringMatching(
          /^\(error\) ERR too many new sandbox sessions from your address: try again in \d+ s\.$/,
        ),
      });
    });
  });

  it('counts made-up learner cookies as new sessions too (row 40: ids the server never issued)', async () => {
    await withEnv({ KEYSPACE_SANDBOX_SESSIONS_PER_MINUTE: '3' }, async () => {
      const from = address();
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await post('PING', from, newLearnerId())).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });
  });
});
