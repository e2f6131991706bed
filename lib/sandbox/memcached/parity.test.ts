/**
 * The sandbox's Memcached replies against memcached's own, byte for byte: each console entry runs
 * through executeMemcachedLine, and the same command goes raw over a socket with a key prefix of
 * the test's own; the raw reply, prefix taken off and CRLF shown as newlines, must equal the text.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newLearnerId } from '@/lib/sandbox/learner';
import { sandboxLimits } from '@/lib/sandbox/limits';
import { consoleText } from './answer';
import { executeMemcachedLine } from './index';
import { maskCasUniques, PARITY_GROUPS } from './parity.fixtures';
import { memcachedText, rawMemcachedForFile } from './test-helpers.fixtures';

const raw = rawMemcachedForFile();

describe('Memcached replies, sandbox against the real server', () => {
  for (const [group, steps] of Object.entries(PARITY_GROUPS)) {
    it(group, async () => {
      const learner = newLearnerId();
      const prefix = `parity:${randomBytes(4).toString('hex')}:`;
      for (const { entry, raw: bytes, shape } of steps) {
        const expected = consoleText((await raw.send(bytes.replaceAll('{p}', prefix), shape)).replaceAll(prefix, ''));
        const text = await memcachedText(learner, entry);
        expect(maskCasUniques(text), `${JSON.stringify(entry)}`).toBe(maskCasUniques(expected));
      }
    });
  }

  it('gets and a cas with the unique it gave: STORED, then EXISTS with the old unique', async () => {
    const learner = newLearnerId();
    await memcachedText(learner, 'set c 0 0 1\nx');
    const unique = /^VALUE c 0 1 (\d+)$/m.exec(await memcachedText(learner, 'gets c'))?.[1];
    expect(unique).toBeDefined();
    expect(await memcachedText(learner, `cas c 0 0 1 ${unique}\ny`)).toBe('STORED');
    expect(await memcachedText(learner, `cas c 0 0 1 ${unique} z`)).toBe('EXISTS');
    expect(await memcachedText(learner, 'get c')).toBe('VALUE c 0 1\ny\nEND');
  });

  it('marks memcached errors as failures and carries the text as the JSON reply', async () => {
    const learner = newLearnerId();
    const outcome = await executeMemcachedLine(learner, 'set k 0 0 3\nabcd', sandboxLimits());
    expect(outcome).toMatchObject({
      kind: 'reply',
      body: {
        ok: false,
        error: 'CLIENT_ERROR bad data chunk',
        reply: { type: 'text', value: 'CLIENT_ERROR bad data chunk' },
      },
    });
    const stored = await executeMemcachedLine(learner, 'set k 0 0 3\nabc', sandboxLimits());
    expect(stored).toMatchObject({
      kind: 'reply',
      body: { ok: true, text: 'STORED', reply: { type: 'text', value: 'STORED' } },
    });
  });
});
