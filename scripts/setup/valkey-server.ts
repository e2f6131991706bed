/**
 * Finds valkey-server ≥ 8 or installs it with the platform's package manager (scripts/setup/packages.ts).
 * Debian 12 gets it from bookworm-backports; Debian 13 and Ubuntu from plain apt; macOS from brew.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import {
  findValkeyServer,
  MINIMUM_SERVER_MAJOR as MINIMUM_MAJOR,
  type ValkeyServerBinary,
} from '../../lib/servers/server-binary';
import { step, fail } from './log';
import { ensurePackage, type PackageRecipe } from './packages';
import type { Platform } from './system';

const BACKPORTS_FILE = '/etc/apt/sources.list.d/keyspace-bookworm-backports.sources';
const BACKPORTS_SOURCE =
  'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\n' +
  'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n';

const isDebianBookworm = (platform: Platform) =>
  platform.kind === 'debian' && platform.id === 'debian' && platform.codename === 'bookworm';

function enableBookwormBackports(sudo: string[]): boolean {
  const listed = spawnSync(
    'sh',
    ['-c', 'grep -rqs bookworm-backports /etc/apt/sources.list /etc/apt/sources.list.d/'],
    { stdio: 'ignore' },
  );
  if (listed.status === 0) return true;
  if (sudo.length === 0) {
    writeFileSync(BACKPORTS_FILE, BACKPORTS_SOURCE);
    return true;
  }
  return (
    spawnSync('sh', ['-c', `printf '%s' '${BACKPORTS_SOURCE}' | ${sudo.join(' ')} tee ${BACKPORTS_FILE} >/dev/null`], {
      stdio: 'inherit',
    }).status === 0
  );
}

export const VALKEY_RECIPE: PackageRecipe = {
  label: `valkey-server ${MINIMUM_MAJOR}+`,
  find: () => findValkeyServer(),
  aptPackage: 'valkey-server',
  brewFormula: 'valkey',
  aptArgs: (platform) => (isDebianBookworm(platform) ? ['-t', 'bookworm-backports'] : []),
  prepareApt: (platform, sudo) => !isDebianBookworm(platform) || enableBookwormBackports(sudo),
  manualAdvice: (platform) =>
    isDebianBookworm(platform)
      ? 'Run as root:\n' +
        `  printf '${BACKPORTS_SOURCE.replaceAll('\n', '\\n')}' > ${BACKPORTS_FILE}\n` +
        '  apt-get update && apt-get install -y -t bookworm-backports valkey-server'
      : null,
  otherwise:
    'Or set KEYSPACE_VALKEY_SERVER to its path, or point KEYSPACE_SANDBOX_URL and KEYSPACE_APP_URL at running servers.',
};

/** Returns a usable valkey-server, installing one if needed; exits with advice when it cannot. */
export function ensureValkeyServer(): ValkeyServerBinary {
  const result = ensurePackage(VALKEY_RECIPE, step);
  return result.binary ?? fail(result.problem);
}
