/** Idle clean-up: an idle learner's keys and ACL user go, an active learner's stay. */
import Redis from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { learnerUsername } from './acl';
import { executeLine } from './execute';
import { newLearnerId } from './learner';
import { closeLearnerSessions, learnerSession, sweepIdleLearners } from './learners';

const admin = new Redis(inject('sandboxUrl'));

afterAll(async () => {
  admin.disconnect();
  closeLearnerSessions();
  await closeValkeyClients();
});

describe('sweepIdleLearners', () => {
  it("removes an idle learner's keys and ACL user, and keeps an active learner's", async () => {
    const idle = newLearnerId();
    await executeLine(idle, 'SET note hello');
    expect(await admin.call('ACL', 'GETUSER', learnerUsername(idle))).not.toBeNull();

    // Make the first learner look two hours idle; the default idle limit is one hour. Other test
    // files share this server, so only this learner may look old enough to be swept.
    const twoHoursAgo = Date.now() - 7_200_000;
    learnerSession(idle).lastUsed = twoHoursAgo;
    const app = new Redis(inject('appUrl'));
    // Oldest of all (score 1): a sweep takes at most 100 learners, oldest first, and a reused
    // test server may hold more than that left idle by earlier runs.
    await app.zadd('keyspace:sandbox:learners', 1, idle);
    app.disconnect();
    const active = newLearnerId();
    await executeLine(active, 'SET note mine');

    expect(await sweepIdleLearners()).toBeGreaterThanOrEqual(1);
    expect(await admin.exists(`sb:${idle}:note`)).toBe(0);
    expect(await admin.call('ACL', 'GETUSER', learnerUsername(idle))).toBeNull();
    expect(await admin.get(`sb:${active}:note`)).toBe('mine');
  });
});
