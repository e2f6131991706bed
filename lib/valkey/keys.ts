/**
 * Every Valkey key name the app builds, in one place. Stored data is found by these exact strings:
 * changing one orphans what learners already have (keys.test.ts pins each of them).
 *
 * The app's Valkey. A learner's keys carry the learner id as their hash tag, so one learner's keys
 * share a cluster slot and MULTI works unchanged on a cluster-mode server:
 *   keyspace:{id}:progress      HASH  lesson:/quiz:/challenge:<id> → when (quizzes: JSON); last:lesson → slug
 *   keyspace:{id}:interviews    LIST  finished mock interviews (JSON), newest first, capped
 *   keyspace:{id}:srs:cards     HASH  card id → FSRS state (JSON)
 *   keyspace:{id}:srs:due       ZSET  card id → due time (ms): due cards come from ZRANGEBYSCORE, never a scan
 *   keyspace:{id}:srs:log       LIST  review history, oldest first (JSON), capped
 *   keyspace:{id}:srs:new       HASH  learner's local day → new cards introduced that day
 *   keyspace:{id}:srs:focus     SET   topics a mock interview found weak (expires)
 *   keyspace:{id}:srs:settings  HASH  newPerDay → the learner's daily new-card limit
 *   keyspace:{id}:sandbox:hll   SET   sandbox keys PFADD/PFMERGE wrote (hyperloglog-guard.ts), expires
 *   keyspace:{id}:sandbox:redis:hll  SET  the same for the learner's keys on the Redis OSS engine
 *   keyspace:{id}:memcached:keys  HASH  the learner's Memcached keys (names as they type them) → value
 *                                     bytes: the index that the Memcached budget, Reset, the key
 *                                     browser, flush_all, stats and the idle sweep walk
 *                                     (lib/sandbox/memcached/key-index.ts)
 *   keyspace:{id}:memcached:flush-at  STRING  when (ms) a pending `flush_all <delay>` of the learner's
 *                                     falls due, applied before their next command, expires a day later
 *                                     (lib/sandbox/memcached/delayed-flush.ts)
 *   keyspace:{id}:patterns:<kind>  LIST  the learner's last patterns-lab results of a kind (run,
 *                                     stampede, eviction, pipelining), JSON, newest first, capped, expires
 *   keyspace:rate:<bucket>      HASH  a rate-limit token bucket (bucket: learner:<id>, address:<ip>…)
 *   keyspace:sandbox:learners   ZSET  learner id → last command (ms), for the idle sweeper
 *   keyspace:sandbox:redis:learners  ZSET  the same for the Redis OSS engine's learners
 *   keyspace:secret:learner-cookie    the cookie-signing secret when none is configured
 *
 * The sandbox Valkey: every key of a learner starts with `sb:<id>:` (no braces, so a learner's own
 * hash tags still choose the slot).
 *   keyspace:sandbox:keys:<id>  SET   the names (without the prefix) of every key that learner's
 *                                     writes named: the index that budgets, Reset, the key browser,
 *                                     the sweep and KEYS/SCAN/DBSIZE walk instead of the whole server.
 *                                     Outside `sb:<id>:`, so the learner's ACL user cannot touch it.
 *
 * The Redis OSS server (the sandbox's Redis engine) holds the same `sb:<id>:` keys and key index as
 * the sandbox Valkey: a learner has a separate space on each engine.
 */
import type { RespEngine } from '@/lib/sandbox/engine-routing';

const learnerTag = (learnerId: string) => `keyspace:{${learnerId}}`;

export const progressKey = (learnerId: string) => `${learnerTag(learnerId)}:progress`;

export const interviewKey = (learnerId: string) => `${learnerTag(learnerId)}:interviews`;

export const srsKeys = (learnerId: string) => {
  const srs = `${learnerTag(learnerId)}:srs`;
  return {
    cards: `${srs}:cards`,
    due: `${srs}:due`,
    log: `${srs}:log`,
    newPerDay: `${srs}:new`,
    focus: `${srs}:focus`,
    settings: `${srs}:settings`,
  };
};

/** The learner's sandbox keys (as they name them) that hold HyperLogLogs PF commands wrote. */
export const trustedHyperLogLogsKey = (learnerId: string, engine: RespEngine = 'valkey') =>
  `${learnerTag(learnerId)}:sandbox:${engine === 'valkey' ? '' : `${engine}:`}hll`;

/** The learner's Memcached key names → value bytes (lib/sandbox/memcached/key-index.ts). */
export const memcachedKeyIndexKey = (learnerId: string) => `${learnerTag(learnerId)}:memcached:keys`;

/** When the learner's pending `flush_all <delay>` falls due, in ms (lib/sandbox/memcached/delayed-flush.ts). */
export const memcachedFlushAtKey = (learnerId: string) => `${learnerTag(learnerId)}:memcached:flush-at`;

/** The learner's recorded caching-patterns lab results of one kind (lib/labs/patterns/results.ts). */
export const patternsResultsKey = (learnerId: string, kind: string) => `${learnerTag(learnerId)}:patterns:${kind}`;

export const rateLimitKey = (bucket: string) => `keyspace:rate:${bucket}`;

export const ACTIVE_LEARNERS_KEY = 'keyspace:sandbox:learners';

/** Who was active when on an engine, for that engine's idle sweep (Valkey's is ACTIVE_LEARNERS_KEY). */
export const activeLearnersKey = (engine: RespEngine = 'valkey') =>
  engine === 'valkey' ? ACTIVE_LEARNERS_KEY : `keyspace:sandbox:${engine}:learners`;

export const COOKIE_SECRET_KEY = 'keyspace:secret:learner-cookie';

/** The prefix of every key of this learner on the sandbox server. */
export const sandboxKeyPrefix = (learnerId: string) => `sb:${learnerId}:`;

/** The learner's key index on the sandbox server (lib/sandbox/key-index.ts). */
export const sandboxKeyIndexKey = (learnerId: string) => `keyspace:sandbox:keys:${learnerId}`;
