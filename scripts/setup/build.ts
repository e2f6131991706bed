/**
 * Decides whether the production build in .next matches the sources, and builds when it does not.
 * The fingerprint hashes every input file, so a stale build is caught even when timestamps lie
 * (a fresh clone gives every file the same mtime).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { heartbeat, step, done } from './log';
import { spawnNext } from './next';

const INPUT_DIRS = ['app', 'components', 'lib', 'content', 'public'];
const INPUT_FILES = [
  'package-lock.json',
  'next.config.mjs',
  'postcss.config.mjs',
  'tsconfig.json',
  'mdx-components.tsx',
];
const FINGERPRINT_FILE = path.join('.next', 'keyspace-fingerprint');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    // Tests are not part of the app build.
    return /\.test\.tsx?$/.test(entry.name) ? [] : [full];
  });
}

export function sourceFingerprint(root: string): string {
  const hash = createHash('sha256');
  const files = [
    ...INPUT_DIRS.flatMap((dir) => listFiles(path.join(root, dir))),
    ...INPUT_FILES.map((f) => path.join(root, f)),
  ]
    .filter((file) => existsSync(file) && statSync(file).isFile())
    .sort();
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  // A build made for benchmarks has /api/bench/* (next.config.mjs): never serve it as the ordinary one.
  hash.update(`bench-routes=${process.env.KEYSPACE_BENCH_ROUTES === '1'}`);
  return hash.digest('hex');
}

export function isBuildFresh(root: string): boolean {
  const recorded = path.join(root, FINGERPRINT_FILE);
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')) || !existsSync(recorded)) return false;
  return readFileSync(recorded, 'utf8').trim() === sourceFingerprint(root);
}

/** Runs `next build`, streaming its output; resolves to whether it succeeded. */
export async function buildApp(root: string): Promise<boolean> {
  step('Building the app (next build; about a minute)…');
  const stopBeat = heartbeat('still building');
  const fingerprint = sourceFingerprint(root);
  const child = spawnNext(root, ['build'], { stdio: 'inherit' });
  const code = await new Promise<number>((resolve) => child.on('exit', (status) => resolve(status ?? 1)));
  stopBeat();
  if (code !== 0) return false;
  writeFileSync(path.join(root, FINGERPRINT_FILE), fingerprint + '\n');
  done('Build finished');
  return true;
}
