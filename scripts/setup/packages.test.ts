/** The installers' decisions (what to run, what to tell a person), without installing anything. */
import { describe, expect, it } from 'vitest';
import { MEMCACHED_RECIPE, REDIS_RECIPE } from './engine-servers';
import { ensurePackages, manualAdvice, type PackageRecipe } from './packages';
import type { Platform } from './system';
import { VALKEY_RECIPE } from './valkey-server';

const bookworm: Platform = { kind: 'debian', id: 'debian', codename: 'bookworm' };
const ubuntu: Platform = { kind: 'debian', id: 'ubuntu', codename: 'noble' };
const macos: Platform = { kind: 'macos' };
const other: Platform = { kind: 'other', description: 'Alpine Linux' };

const fake = (found: boolean): PackageRecipe => ({
  label: 'fake-server 1.0+',
  find: () => (found ? { path: '/usr/bin/fake-server', version: '1.2.3' } : null),
  aptPackage: 'fake-server',
  brewFormula: 'fake',
  otherwise: 'Or set KEYSPACE_FAKE_SERVER to its path.',
});

describe('ensurePackages', () => {
  it('installs nothing when every binary is there', () => {
    const steps: string[] = [];
    expect(ensurePackages([fake(true)], (message) => steps.push(message), other)).toEqual([
      { binary: { path: '/usr/bin/fake-server', version: '1.2.3' }, installed: false },
    ]);
    expect(steps).toEqual([]);
  });

  it('where it cannot install, says so with what to do, and keeps the binaries it found', () => {
    const [missing, present] = ensurePackages([fake(false), fake(true)], () => {}, other);
    expect(missing).toEqual({
      binary: null,
      problem:
        'fake-server 1.0+ is not installed and Keyspace cannot install it here.\n' +
        'Install fake-server 1.0+ for Alpine Linux. Or set KEYSPACE_FAKE_SERVER to its path.',
    });
    expect(present?.binary?.path).toBe('/usr/bin/fake-server');
  });
});

describe('the exact command printed for a person to run', () => {
  it('uses apt on Debian and Ubuntu, Homebrew on macOS', () => {
    expect(manualAdvice(MEMCACHED_RECIPE, ubuntu)).toBe('Run as root: apt-get update && apt-get install -y memcached');
    expect(manualAdvice(MEMCACHED_RECIPE, macos)).toBe(
      'Install Homebrew (https://brew.sh), then run: brew install memcached',
    );
    expect(manualAdvice(REDIS_RECIPE, macos)).toContain('brew install redis');
    expect(manualAdvice(REDIS_RECIPE, bookworm)).toMatch(
      /^Run as root: apt-get update && apt-get install -y redis-server\n/,
    );
    expect(manualAdvice(REDIS_RECIPE, other)).toContain('KEYSPACE_REDIS_SERVER');
  });

  it('takes Valkey from bookworm-backports on Debian 12 only', () => {
    expect(manualAdvice(VALKEY_RECIPE, bookworm)).toContain('apt-get install -y -t bookworm-backports valkey-server');
    expect(manualAdvice(VALKEY_RECIPE, ubuntu)).toBe('Run as root: apt-get update && apt-get install -y valkey-server');
  });
});
