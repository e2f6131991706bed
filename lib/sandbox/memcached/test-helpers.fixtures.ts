/** Running console entries on the Memcached engine in tests, beside a raw socket to the same server. */
import { afterAll, beforeAll } from 'vitest';
import { closeLearnerSessions } from '@/lib/sandbox/learners';
import { sandboxLimits, type SandboxLimits } from '@/lib/sandbox/limits';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { closeMemcachedConnections, executeMemcachedLine } from './index';
import { openRawMemcached, type RawMemcached } from './raw-client.fixtures';

/**
 * A raw socket to the test memcached for the whole file, opened before its tests; after them it is
 * closed with the engine's own connections, the learners' sessions and the Valkey clients.
 */
export function rawMemcachedForFile(): Pick<RawMemcached, 'send'> {
  let raw: RawMemcached | undefined;
  beforeAll(async () => {
    raw = await openRawMemcached();
  });
  afterAll(async () => {
    raw?.close();
    closeMemcachedConnections();
    closeLearnerSessions();
    await closeValkeyClients();
  });
  return {
    send: (...args: Parameters<RawMemcached['send']>) => {
      if (!raw) throw new Error('the raw memcached socket is opened in beforeAll: use it inside a test');
      return raw.send(...args);
    },
  };
}

/** The console text of an entry; fails the test on an HTTP-level rejection. */
export async function memcachedText(
  learner: string,
  entry: string,
  limits: SandboxLimits = sandboxLimits(),
): Promise<string> {
  const outcome = await executeMemcachedLine(learner, entry, limits);
  if (outcome.kind !== 'reply') throw new Error(`expected a reply, got HTTP ${outcome.status}: ${outcome.error}`);
  return outcome.body.text;
}
