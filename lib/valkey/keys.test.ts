import { describe, expect, it } from 'vitest';
import {
  ACTIVE_LEARNERS_KEY,
  COOKIE_SECRET_KEY,
  interviewKey,
  memcachedFlushAtKey,
  memcachedKeyIndexKey,
  patternsResultsKey,
  progressKey,
  rateLimitKey,
  sandboxKeyPrefix,
  srsKeys,
} from './keys';

// Stored data is found by these exact names: a change here must come with a migration.
describe('Valkey key names', () => {
  it("keep every learner's app keys in one slot, tagged with the learner id", () => {
    expect(progressKey('abc123def456')).toBe('keyspace:{abc123def456}:progress');
    expect(interviewKey('abc123def456')).toBe('keyspace:{abc123def456}:interviews');
    expect(memcachedKeyIndexKey('abc123def456')).toBe('keyspace:{abc123def456}:memcached:keys');
    expect(memcachedFlushAtKey('abc123def456')).toBe('keyspace:{abc123def456}:memcached:flush-at');
    expect(patternsResultsKey('abc123def456', 'run')).toBe('keyspace:{abc123def456}:patterns:run');
    expect(srsKeys('abc123def456')).toEqual({
      cards: 'keyspace:{abc123def456}:srs:cards',
      due: 'keyspace:{abc123def456}:srs:due',
      log: 'keyspace:{abc123def456}:srs:log',
      newPerDay: 'keyspace:{abc123def456}:srs:new',
      focus: 'keyspace:{abc123def456}:srs:focus',
      settings: 'keyspace:{abc123def456}:srs:settings',
    });
  });

  it('name the shared app keys and the sandbox prefix', () => {
    expect(rateLimitKey('learner:abc123def456')).toBe('keyspace:rate:learner:abc123def456');
    expect(ACTIVE_LEARNERS_KEY).toBe('keyspace:sandbox:learners');
    expect(COOKIE_SECRET_KEY).toBe('keyspace:secret:learner-cookie');
    expect(sandboxKeyPrefix('abc123def456')).toBe('sb:abc123def456:');
  });
});
