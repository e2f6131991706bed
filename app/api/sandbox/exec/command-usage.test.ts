/**
 * Finding H1 (issue 10): the exec route recorded the first word of every line in process memory,
 * before the line-length check, so 99 KB "command names" piled up per learner and were never freed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { learnerCookieValue } from '@/lib/http/learner-identity';
import { commandUsageSize, forbiddenCommandsUsed } from '@/lib/sandbox/command-usage';
import { newLearnerId } from '@/lib/sandbox/learner';
import { closeLearnerSessions, resetLearner } from '@/lib/sandbox/learners';
import { withEnv } from '@/lib/testing/env';
import { learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { POST as exec } from './route';

afterAll(async () => {
  closeLearnerSessions();
  await closeValkeyClients();
});

const run = async (learner: string, command: string) =>
  exec(learnerRequest('/api/sandbox/exec', await learnerCookieValue(learner), { command }));

describe('command names kept for challenge checks', () => {
  it('keeps no name of a line the sandbox refused: 500 distinct 99 KB names leave the map as it was', async () => {
    await withEnv({ KEYSPACE_SANDBOX_RATE_PER_LEARNER: '100000' }, async () => {
      const learner = newLearnerId();
      const before = commandUsageSize();
      const statuses = new Set<number>();
      for (let i = 0; i < 500; i++) {
        const response = await run(learner, `${'A'.repeat(99_000)}${i}`);
        statuses.add(response.status);
      }
      expect([...statuses]).toEqual([413]);
      // Unknown commands of a legal length are refused by the policy, and not kept either.
      for (let i = 0; i < 50; i++) expect((await run(learner, `NOSUCH${i}`)).status).toBe(200);
      expect(commandUsageSize()).toEqual(before);
    });
  }, 120_000);

  it('keeps the names the policy accepted, and forgets them when the learner resets', async () => {
    const learner = newLearnerId();
    expect((await run(learner, 'keys *')).status).toBe(200);
    expect(forbiddenCommandsUsed(learner, ['KEYS', 'SCAN'], 0)).toEqual(['KEYS']);
    await resetLearner(learner);
    expect(forbiddenCommandsUsed(learner, ['KEYS'], 0)).toEqual([]);
  });
});
