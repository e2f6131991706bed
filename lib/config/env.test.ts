import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setEnv } from '@/lib/testing/env';
import { sandboxLimits } from '@/lib/sandbox/limits';
import { KEYSPACE_VARIABLES, keyspaceEnv, parseEnv } from './env';

const saved = process.env.KEYSPACE_SANDBOX_MAX_KEYS;
afterEach(() => setEnv({ KEYSPACE_SANDBOX_MAX_KEYS: saved }));

describe('the KEYSPACE_* environment', () => {
  it('uses the defaults for unset and empty variables', () => {
    const env = parseEnv({ KEYSPACE_SANDBOX_MAX_KEYS: '', KEYSPACE_TRUST_PROXY: '' });
    expect(env.KEYSPACE_SANDBOX_MAX_KEYS).toBe(1_000);
    expect(env.KEYSPACE_TRUST_PROXY).toBe(false);
    expect(env.KEYSPACE_PORT_OFFSET).toBe(0);
    expect(env.KEYSPACE_SANDBOX_URL).toBeUndefined();
  });

  it('names every bad variable, what it expects and what it got', () => {
    const bad = {
      KEYSPACE_SANDBOX_MAX_KEYS: 'lots',
      KEYSPACE_APP_URL: 'http://localhost:6379',
      KEYSPACE_TRUST_PROXY: 'yes',
    };
    expect(() => parseEnv(bad)).toThrow('KEYSPACE_SANDBOX_MAX_KEYS must be a positive number, got "lots".');
    expect(() => parseEnv(bad)).toThrow(
      /KEYSPACE_APP_URL must be a redis:\/\/ or rediss:\/\/ URL.*got "http:\/\/localhost:6379"/,
    );
    expect(() => parseEnv(bad)).toThrow('KEYSPACE_TRUST_PROXY must be 1 (on) or 0 (off), got "yes".');
  });

  it('is parsed once: a change is seen only after a reset', () => {
    setEnv({ KEYSPACE_SANDBOX_MAX_KEYS: '7' });
    expect(sandboxLimits().maxKeys).toBe(7);
    expect(sandboxLimits()).toBe(sandboxLimits());
    // eslint-disable-next-line no-restricted-syntax -- the point: a direct change is not seen
    process.env.KEYSPACE_SANDBOX_MAX_KEYS = '8';
    expect(keyspaceEnv().KEYSPACE_SANDBOX_MAX_KEYS).toBe(7);
    setEnv({ KEYSPACE_SANDBOX_MAX_KEYS: '9' });
    expect(sandboxLimits().maxKeys).toBe(9);
  });
});

describe('.env.example', () => {
  it('lists every variable with the default lib/config/env.ts uses', () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../../.env.example'), 'utf8');
    const listed = Object.fromEntries(
      [...text.matchAll(/^(KEYSPACE_\w+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]),
    );
    expect(Object.keys(listed).sort()).toEqual([...KEYSPACE_VARIABLES].sort());
    expect(parseEnv(listed)).toEqual(parseEnv({}));
  });
});
