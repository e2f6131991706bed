/** Locating a valkey-server binary that is new enough (≥ 8) on this machine. */
import { spawnSync } from 'node:child_process';
import { parseEnv, type EnvSource } from '../config/env';
import { parseServerVersion } from './local-server';

export const MINIMUM_SERVER_MAJOR = 8;
const CANDIDATES = [
  'valkey-server',
  '/usr/bin/valkey-server',
  '/opt/homebrew/bin/valkey-server',
  '/usr/local/bin/valkey-server',
];

export interface ValkeyServerBinary {
  path: string;
  version: string;
}

function probe(binary: string): ValkeyServerBinary | null {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  const version = parseServerVersion(result.stdout);
  return version ? { path: binary, version } : null;
}

/** KEYSPACE_VALKEY_SERVER if set, else the first valkey-server ≥ 8 on PATH or in the usual places. */
export function findValkeyServer(env: EnvSource = process.env): ValkeyServerBinary | null {
  const configured = parseEnv(env).KEYSPACE_VALKEY_SERVER;
  for (const candidate of configured ? [configured] : CANDIDATES) {
    const found = probe(candidate);
    if (found && Number(found.version.split('.')[0]) >= MINIMUM_SERVER_MAJOR) return found;
  }
  return null;
}
