/**
 * H6 (issue 10): when the app's Valkey refuses writes (full under `noeviction`, or read-only),
 * routes answer 503 with a message naming the cause, not a bare 500. A throwaway app server of
 * this test's own, configured like the real one, then filled (CONFIG SET maxmemory) or made a
 * replica; the shared test servers are left alone.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import type { NextResponse } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as importHistory } from '@/app/api/drills/history/route';
import { POST as review } from '@/app/api/drills/reviews/route';
import { GET as drills } from '@/app/api/drills/route';
import { POST as settings } from '@/app/api/drills/settings/route';
import { POST as exec } from '@/app/api/sandbox/exec/route';
import { drillContent } from '@/lib/content/flashcards';
import { roleInstance, startInstance, type RunningInstance } from '@/lib/servers/local-server';
import { portsOf } from '@/lib/servers/ports';
import { findValkeyServer } from '@/lib/servers/server-binary';
import { withEnv } from '@/lib/testing/env';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { forgetAppMemory, IMPORT_HEADROOM } from '@/lib/valkey/store-headroom';

let server: RunningInstance;
let admin: Redis;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyspace-store-full-'));
  const spec = roleInstance('app', portsOf('server-test').storeFull, dir);
  // The app's admin user cannot run CONFIG or REPLICAOF (L7): the test plays the operator with a user of its own.
  const password = randomBytes(16).toString('hex');
  const config = [...spec.settings.config, `user test-operator on >${password} ~* &* +@all`];
  server = await startInstance(
    { ...spec, settings: { ...spec.settings, config } },
    findValkeyServer()?.path ?? 'valkey-server',
  );
  admin = new Redis(`redis://test-operator:${password}@127.0.0.1:${spec.port}`, { maxRetriesPerRequest: 0 });
});

afterAll(async () => {
  await closeValkeyClients();
  admin.disconnect();
  await server.stop();
});

/** Runs `body` with the app talking to this test's server (the sandbox stays the shared one). */
async function onThisServer<T>(body: () => Promise<T>): Promise<T> {
  await closeValkeyClients();
  try {
    return await withEnv({ KEYSPACE_APP_URL: server.url, KEYSPACE_SESSION_SECRET: 'store-full-test-secret' }, body);
  } finally {
    await closeValkeyClients();
  }
}

async function expectRefusal(response: NextResponse, cause: RegExp): Promise<void> {
  expect(response.status).toBe(503);
  const body = (await response.json()) as { code: string; error: string; text?: string };
  expect(body.code).toBe('unavailable');
  expect(body.error).toMatch(cause);
}

/** Fills the server to its maxmemory (noeviction): writes of 64 KB until Valkey says OOM. */
async function fill(): Promise<void> {
  const used = Number(/used_memory:(\d+)/.exec(await admin.info('memory'))![1]);
  await admin.config('SET', 'maxmemory', String(used + 4 * 1024 * 1024));
  for (let i = 0; ; i++) {
    try {
      await admin.set(`filler:${i}`, 'x'.repeat(64 * 1024));
    } catch (error) {
      expect(String(error)).toMatch(/OOM command not allowed/);
      return;
    }
  }
}

describe('a full or read-only app store', () => {
  it('answers 503 naming the cause when Valkey is out of memory, and works again once there is room', async () => {
    await onThisServer(async () => {
      const cookie = issuedCookie(await drills(learnerRequest('/api/drills')))!;
      const cardId = drillContent().cards[0]!.id;
      await fill();
      // Far below what it holds, so that even the smallest write is refused: 1 MB below was not
      // always enough, as used_memory moves (client buffers are freed) between INFO and the write.
      const used = Number(/used_memory:(\d+)/.exec(await admin.info('memory'))![1]);
      await admin.config('SET', 'maxmemory', String(Math.floor(used / 2)));
      try {
        await expect(admin.hset('probe', 'a', 'b')).rejects.toThrow(/^OOM/);
        await expectRefusal(
          await review(learnerRequest('/api/drills/reviews', cookie, { cardId, grade: 3 })),
          /data Valkey is full.*OOM command not allowed/,
        );
        await expectRefusal(
          await settings(learnerRequest('/api/drills/settings', cookie, { newPerDay: 5 })),
          /data Valkey is full/,
        );
        // The sandbox's rate limiter writes its buckets there too: the console says why, valkey-cli style.
        const command = await exec(learnerRequest('/api/sandbox/exec', cookie, { command: 'PING' }));
        expect(command.status).toBe(503);
        expect(await command.json()).toMatchObject({ text: expect.stringMatching(/^\(error\) .*data Valkey is full/) });
      } finally {
        await admin.config('SET', 'maxmemory', '0');
      }
      expect((await review(learnerRequest('/api/drills/reviews', cookie, { cardId, grade: 3 }))).status).toBe(200);
    });
  });

  it(`refuses imports with 503 once it is ${IMPORT_HEADROOM * 100}% full, while grades still save`, async () => {
    await onThisServer(async () => {
      const cookie = issuedCookie(await drills(learnerRequest('/api/drills')))!;
      const cardId = drillContent().cards[0]!.id;
      const used = Number(/used_memory:(\d+)/.exec(await admin.info('memory'))![1]);
      await admin.config('SET', 'maxmemory', String(Math.round(used / 0.85)));
      forgetAppMemory();
      try {
        const file = {
          format: 'keyspace-drills',
          version: 1,
          exportedAt: '2026-01-01T00:00:00.000Z',
          cards: {},
          log: [],
        };
        const refused = await importHistory(learnerRequest('/api/drills/history', cookie, file));
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('60');
        expect(await refused.json()).toMatchObject({ error: expect.stringMatching(/not taking imports.*\d+% full/) });
        expect((await review(learnerRequest('/api/drills/reviews', cookie, { cardId, grade: 3 }))).status).toBe(200);
      } finally {
        await admin.config('SET', 'maxmemory', '0');
        forgetAppMemory();
      }
    });
  });

  it('answers 503 naming the cause when Valkey is read-only', async () => {
    await onThisServer(async () => {
      const cookie = issuedCookie(await drills(learnerRequest('/api/drills')))!;
      // A replica of a primary that is not there: read-only, as after a failover gone wrong.
      await admin.call('REPLICAOF', '127.0.0.1', String(portsOf('test').unusedApp));
      try {
        await expect(admin.set('probe', 'x')).rejects.toThrow(/^READONLY/);
        await expectRefusal(
          await settings(learnerRequest('/api/drills/settings', cookie, { newPerDay: 5 })),
          /data Valkey is read-only.*READONLY/,
        );
      } finally {
        await admin.call('REPLICAOF', 'NO', 'ONE');
      }
      expect((await settings(learnerRequest('/api/drills/settings', cookie, { newPerDay: 5 }))).status).toBe(200);
    });
  });
});
