import 'server-only';
/**
 * Where a challenge's checks read the learner's keys: the engine the challenge names. Valkey and
 * Redis OSS run the same read commands through the sandbox pipeline (same isolation and key
 * rewriting as the learner's own); Memcached's checks read items through the app
 * (lib/sandbox/memcached readMemcachedKey), since a check must not go through the learner's
 * text-protocol session.
 */
import type { SandboxEngine } from '@/lib/sandbox/engines';
import type { ExecOutcome } from '@/lib/sandbox/execute';
import type { JsonReply } from '@/lib/sandbox/reply';
import { readMemcachedKey } from '@/lib/sandbox/memcached';
import { executeWhenIdle } from './when-idle';

/** A key's value as a check sees it: the reply (a string, null when absent) and its TTL in seconds (-1: none). */
export type ValueRead = { ok: true; reply: JsonReply; text: string; ttl: number } | { ok: false; error: string };

export interface CheckEngine {
  engine: SandboxEngine;
  /** Runs a read command line (not on Memcached, whose checks only read items). */
  execute(learnerId: string, line: string): Promise<ExecOutcome>;
  /** Reads a string key and its TTL. */
  readValue(learnerId: string, key: string): Promise<ValueRead>;
}

/** GET and TTL through the pipeline, for the engines that speak Valkey's protocol. */
function commandEngine(engine: Exclude<SandboxEngine, 'memcached'>): CheckEngine {
  const execute = (learnerId: string, line: string) => executeWhenIdle(learnerId, line, engine);
  return {
    engine,
    execute,
    async readValue(learnerId, key) {
      const quoted = `"${key.replace(/["\\]/g, (char) => `\\${char}`)}"`;
      const value = await execute(learnerId, `GET ${quoted}`);
      if (value.kind === 'rejected') return { ok: false, error: value.error };
      const ttl = await execute(learnerId, `TTL ${quoted}`);
      const reply = ttl.kind === 'reply' ? ttl.body.reply : null;
      const seconds = reply && typeof reply === 'object' && 'integer' in reply ? Number(reply.integer) : -2;
      return { ok: true, reply: value.body.reply, text: value.body.text, ttl: seconds };
    },
  };
}

const memcachedEngine: CheckEngine = {
  engine: 'memcached',
  execute: async () => {
    throw new Error('Memcached checks read items (value:, absent:), they do not run commands.');
  },
  async readValue(learnerId, key) {
    try {
      const item = await readMemcachedKey(learnerId, key);
      if (!item) return { ok: true, reply: null, text: 'END', ttl: -2 };
      // One line for the check's detail: the data, quoted (the item as `get` prints it spans three lines).
      return { ok: true, reply: item.value, text: JSON.stringify(item.value), ttl: item.ttl };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  },
};

export function checkEngineFor(engine: SandboxEngine): CheckEngine {
  return engine === 'memcached' ? memcachedEngine : commandEngine(engine);
}
