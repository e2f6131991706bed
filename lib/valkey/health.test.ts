import { describe, expect, it } from 'vitest';
import { parseInfoVersion } from './health';
import { publicEngines } from './health-engines';

describe('parseInfoVersion', () => {
  it('prefers the Valkey version over the Redis-compatible one Valkey also reports', () => {
    expect(parseInfoVersion('# Server\r\nredis_version:7.2.4\r\nvalkey_version:8.0.1\r\n')).toEqual({
      engine: 'valkey',
      version: '8.0.1',
    });
  });

  it('reads Redis OSS servers, such as an ElastiCache Redis OSS endpoint', () => {
    expect(parseInfoVersion('# Server\r\nredis_version:7.1.0\r\n')).toEqual({ engine: 'redis', version: '7.1.0' });
  });

  it('returns null for text that is not INFO', () => {
    expect(parseInfoVersion('hello')).toBeNull();
  });
});

describe('publicEngines', () => {
  it('keeps each engine’s ok and version, and drops the operators’ error text', () => {
    expect(
      publicEngines({
        valkey: { ok: true, version: '8.0.1' },
        redis: { ok: false, error: 'The Redis OSS server is unavailable: connect ECONNREFUSED 127.0.0.1:7481' },
        memcached: { ok: true, version: '1.6.18' },
      }),
    ).toEqual({
      valkey: { ok: true, version: '8.0.1' },
      redis: { ok: false },
      memcached: { ok: true, version: '1.6.18' },
    });
  });
});
