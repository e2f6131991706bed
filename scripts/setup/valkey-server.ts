/**
 * Finds valkey-server ≥ 8 or installs it with the platform's package manager.
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
import { commandExists, detectPlatform, privilegePrefix, runVisible, type Platform } from './system';

const BACKPORTS_FILE = '/etc/apt/sources.list.d/keyspace-bookworm-backports.sources';
const BACKPORTS_SOURCE =
  'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\n' +
  'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n';

function installCommands(platform: Platform): string[][] | null {
  if (platform.kind === 'macos') return commandExists('brew') ? [['brew', 'install', 'valkey']] : null;
  if (platform.kind !== 'debian') return null;
  const sudo = privilegePrefix();
  if (sudo === null) return null;
  if (platform.id === 'debian' && platform.codename === 'bookworm') {
    return [
      [...sudo, 'apt-get', 'update', '-qq'],
      [...sudo, 'apt-get', 'install', '-y', '-qq', '-t', 'bookworm-backports', 'valkey-server'],
    ];
  }
  return [
    [...sudo, 'apt-get', 'update', '-qq'],
    [...sudo, 'apt-get', 'install', '-y', '-qq', 'valkey-server'],
  ];
}

function manualAdvice(platform: Platform): string {
  if (platform.kind === 'macos') return 'Install Homebrew (https://brew.sh), then run: brew install valkey';
  if (platform.kind === 'debian' && platform.codename === 'bookworm') {
    return (
      'Run as root:\n' +
      `  printf '${BACKPORTS_SOURCE.replaceAll('\n', '\\n')}' > ${BACKPORTS_FILE}\n` +
      '  apt-get update && apt-get install -y -t bookworm-backports valkey-server'
    );
  }
  if (platform.kind === 'debian') return 'Run as root: apt-get update && apt-get install -y valkey-server';
  return `Install valkey-server ${MINIMUM_MAJOR} or later for ${platform.description}, or set KEYSPACE_VALKEY_SERVER to its path, or point KEYSPACE_SANDBOX_URL and KEYSPACE_APP_URL at running servers.`;
}

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

/** Returns a usable valkey-server, installing one if needed; exits with advice when it cannot. */
export function ensureValkeyServer(): ValkeyServerBinary {
  const found = findValkeyServer();
  if (found) return found;
  const platform = detectPlatform();
  const commands = installCommands(platform);
  if (!commands)
    fail(
      `valkey-server ${MINIMUM_MAJOR}+ is not installed and Keyspace cannot install it here.\n${manualAdvice(platform)}`,
    );
  step(`Installing valkey-server with ${platform.kind === 'macos' ? 'Homebrew' : 'apt'} (this can take a minute)…`);
  if (platform.kind === 'debian' && platform.codename === 'bookworm' && platform.id === 'debian') {
    const sudo = privilegePrefix() ?? [];
    if (!enableBookwormBackports(sudo)) fail(`Could not add bookworm-backports.\n${manualAdvice(platform)}`);
  }
  for (const command of commands) {
    if (!runVisible(command)) fail(`"${command.join(' ')}" failed.\n${manualAdvice(platform)}`);
  }
  const installed = findValkeyServer();
  if (!installed) fail(`valkey-server ${MINIMUM_MAJOR}+ is still missing after installing.\n${manualAdvice(platform)}`);
  step(`Installed valkey-server ${installed.version}`);
  return installed;
}
