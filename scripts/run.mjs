#!/usr/bin/env node
// Entry point for `npm start`, `npm run dev` and `npm test`.
// Plain JavaScript with no dependencies on purpose: on a fresh clone nothing is installed yet.
// It installs npm dependencies when they are missing or stale, then loads the TypeScript
// orchestration (scripts/*.ts) in this same process, so signals reach one owner.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const commands = {
  start: 'start.ts',
  dev: 'start.ts',
  test: 'test.ts',
  valkey: 'valkey.ts',
  'bench-sandbox': 'bench-sandbox.ts',
  'bench-pages': 'bench-pages.ts',
  'bench-labs': 'bench-labs.ts',
  'bench-patterns': 'bench-patterns.ts',
  'content-check': 'content-check.ts',
  'new-lesson': 'new-lesson.ts',
};
// Commands that load the app's server modules (import 'server-only') outside Next.js: they need
// the react-server export condition, which can only be set when Node starts.
const serverModuleCommands = new Set(['content-check', 'bench-patterns']);

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function ensureDependencies() {
  const installedMarker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const fresh =
    existsSync(installedMarker) &&
    mtime(installedMarker) >= mtime(lock) &&
    mtime(installedMarker) >= mtime(path.join(root, 'package.json'));
  if (fresh) return;
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  console.log(`▸ Installing npm dependencies (npm ${args[0]}; the first run takes a minute)…`);
  const result = spawnSync('npm', args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error(`✖ npm ${args[0]} failed (exit ${result.status}). Fix the error above, then run this command again.`);
    process.exit(1);
  }
}

const [command = 'start', ...rest] = process.argv.slice(2);
const script = commands[command];
if (!script) {
  console.error(`Unknown command "${command}". Use one of: ${Object.keys(commands).join(', ')}.`);
  process.exit(2);
}
process.env.NEXT_TELEMETRY_DISABLED = '1';
ensureDependencies();
if (serverModuleCommands.has(command) && !process.execArgv.includes('--conditions=react-server')) {
  const child = spawnSync(
    process.execPath,
    ['--conditions=react-server', ...process.execArgv, fileURLToPath(import.meta.url), command, ...rest],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}
const { tsImport } = await import('tsx/esm/api');
const orchestration = await tsImport(`./${script}`, import.meta.url);
await orchestration.main(command, rest);
