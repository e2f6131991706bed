/**
 * Finding H5 of issue 10, "the sandbox is full": identities were minted by any route without a
 * limit, and a learner slot was held for an hour, so one address could lock every new learner out.
 * Scaled down from the review's "to test" item 8 (1,000 cookies minted with GET /api/progress, one
 * PING each, then a new browser's first command) with small limits, on the real servers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GET as progress } from '@/app/api/progress/route';
import { POST as exec } from '@/app/api/sandbox/exec/route';
import { PEER_ADDRESS_HEADER, installPeerAddressHook } from '@/lib/http/peer-address';
import { closeLearnerSessions, hasLearnerSession, learnerSession, makeRoomForLearner } from '@/lib/sandbox/learners';
import { newLearnerId } from '@/lib/sandbox/learner';
import { withEnv } from '@/lib/testing/env';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';

installPeerAddressHook();
afterAll(async () => {
  closeLearnerSessions();
  await closeValkeyClients();
});

/** A fresh client address for each test, as the peer-address hook stamps it (198.18.0.0/15 is for tests). */
const newAddress = () => `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
const from = (address: string, spoofed = newAddress()) => ({
  [PEER_ADDRESS_HEADER]: address,
  'x-forwarded-for': spoofed,
});

const visit = (address: string, cookie?: string) =>
  progress(learnerRequest('/api/progress', cookie, undefined, from(address)));
const ping = (address: string, cookie?: string) =>
  exec(learnerRequest('/api/sandbox/exec', cookie, { command: 'PING' }, from(address)));

describe('new learner identities', () => {
  it('are limited per address where they are issued, on any route, whatever X-Forwarded-For says', async () => {
    await withEnv({ KEYSPACE_SANDBOX_SESSIONS_PER_MINUTE: '3' }, async () => {
      const attacker = newAddress();
      const responses = [];
      for (let i = 0; i < 6; i++) responses.push(await visit(attacker));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 429, 429, 429]);
      const cookies = responses.map(issuedCookie);
      expect(cookies.slice(0, 3).every(Boolean)).toBe(true);
      expect(cookies.slice(3)).toEqual([undefined, undefined, undefined]);
      const refused = responses[3]!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await refused.json()) as { error: string }).error).toMatch(
        /too many new sandbox sessions from your address/,
      );
      // The sandbox route counts the same: a cookieless PING is one more new identity.
      expect((await ping(attacker)).status).toBe(429);
      // Learners who have their cookie are not new, and other addresses have their own allowance.
      expect((await visit(attacker, cookies[0])).status).toBe(200);
      expect((await ping(attacker, cookies[1])).status).toBe(200);
      expect((await visit(newAddress())).status).toBe(200);
    });
  });
});

describe('a full sandbox', () => {
  it('makes room for a new learner by closing the longest-idle session, instead of refusing', async () => {
    // This process's sessions from other tests would be idler than the attacker's: start empty.
    closeLearnerSessions();
    const attacker = newAddress();
    const cookies: string[] = [];
    for (let i = 0; i < 3; i++) cookies.push(issuedCookie(await visit(attacker))!);
    await withEnv({ KEYSPACE_SANDBOX_MAX_LEARNERS: '3' }, async () => {
      for (const cookie of cookies) expect((await ping(attacker, cookie)).status).toBe(200);
      // Full now. A brand-new browser's first command still runs.
      const newcomer = await ping(newAddress());
      expect(newcomer.status).toBe(200);
      expect(((await newcomer.json()) as { text: string }).text).toBe('PONG');
      const ids = cookies.map((cookie) => cookie.split('.')[0]!);
      expect(ids.map(hasLearnerSession)).toEqual([false, true, true]);
      // The one closed comes back as any learner does (its keys stay until the idle sweep).
      expect((await ping(attacker, cookies[0])).status).toBe(200);
      expect(ids.map(hasLearnerSession)).toEqual([true, false, true]);
    });
  });

  it('is full only while every session has a command in flight', () => {
    closeLearnerSessions();
    const sessions = [learnerSession(newLearnerId()), learnerSession(newLearnerId())];
    for (const session of sessions) session.busy = true;
    expect(makeRoomForLearner(2)).toBe(false);
    sessions[1]!.busy = false;
    expect(makeRoomForLearner(2)).toBe(true);
    expect(sessions.map((session) => hasLearnerSession(session.id))).toEqual([true, false]);
    closeLearnerSessions();
  });
});
