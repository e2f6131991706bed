/**
 * `npm test`: typecheck, lint, formatting, the content check, production build, Vitest (unit + integration on real Valkey) and
 * Playwright (end-to-end on the built app). Every step runs even if an earlier one failed, except
 * the browser tests, which need the build. Ends with one line totalling every suite.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { portsOf } from '../lib/servers/ports';
import { LESSON_TARGET_BYTES, prerenderedPageWeights } from './bench/page-weight';
import { buildApp, isBuildFresh } from './setup/build';
import { ensureBrowser } from './setup/browser';
import { ENGINE_SERVER_NAMES } from '../lib/servers/engine-servers';
import { ensureEngineServers } from './setup/engine-servers';
import { done, fail, step, warn } from './setup/log';
import { ensureValkeyServer } from './setup/valkey-server';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.data', 'reports');

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Wall time of the step, for the summary: a slow suite is a bug, and this is where it shows. */
  seconds?: number;
}

/** Runs one step and notes how long it took. */
async function timed(task: () => Promise<Tally>): Promise<Tally> {
  const started = performance.now();
  const tally = await task();
  return { ...tally, seconds: Math.round((performance.now() - started) / 1000) };
}

/** Runs a tool from node_modules/.bin, or Node itself for `node`; resolves to its exit code. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const bin = command === 'node' ? process.execPath : path.join(root, 'node_modules', '.bin', command);
  const child = spawn(bin, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

/** Like run, but keeps the output to print later, so that steps run side by side stay readable. */
function runQuietly(command: string, args: string[]): Promise<{ code: number; output: string }> {
  const bin = command === 'node' ? process.execPath : path.join(root, 'node_modules', '.bin', command);
  const child = spawn(bin, args, {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') })),
  );
}

/**
 * Typecheck, lint and formatting side by side: each is one process that mostly uses one core, and
 * one after another they took 39 s of the budget (2026-12-05). Each one's output is printed whole
 * under its own heading once it ends.
 */
async function staticChecks(): Promise<Tally[]> {
  const checks = [
    { name: 'typecheck', heading: 'Typecheck (tsc --noEmit)', command: 'tsc', args: ['--noEmit'] },
    { name: 'lint', heading: 'Lint (eslint)', command: 'eslint', args: ['--max-warnings=0', '.'] },
    {
      name: 'formatting',
      heading: 'Formatting (prettier --check; npm run format fixes it)',
      command: 'prettier',
      args: ['--check', '--log-level=warn', '.'],
    },
  ];
  step(`${checks.map((check) => check.heading).join(', ')}: side by side`);
  const results = await Promise.all(
    checks.map((check) =>
      timed(async () => {
        const { code, output } = await runQuietly(check.command, check.args);
        step(`${check.heading}: ${code === 0 ? 'passed' : 'FAILED'}`);
        if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
        return single(check.name, code === 0);
      }),
    ),
  );
  return results;
}

function valkeyPorts(profile: 'content' | 'test' | 'e2e'): string {
  const { sandbox, app, redis, memcached } = portsOf(profile);
  return `${sandbox}/${app}, Redis OSS ${redis}, Memcached ${memcached}`;
}

const single = (name: string, ok: boolean): Tally => ({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

async function vitest(): Promise<Tally> {
  const output = path.join(reports, 'vitest.json');
  rmSync(output, { force: true });
  const code = await run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
  const report = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(output);
  if (!report) return single('unit and integration (Vitest did not report)', false);
  // A suite that crashed before its tests ran still fails the run.
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return {
    name: 'unit and integration',
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

async function playwright(): Promise<Tally> {
  const output = path.join(reports, 'playwright.json');
  rmSync(output, { force: true });
  const code = await run('playwright', ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(output);
  if (!report) return single('end-to-end (Playwright did not report)', false);
  const { expected, unexpected, flaky, skipped } = report.stats;
  const failed = unexpected + (code !== 0 && unexpected === 0 ? 1 : 0);
  return { name: 'end-to-end', passed: expected + flaky, failed, skipped };
}

/**
 * Every lesson page within its JavaScript budget, read from the build just made (a few seconds):
 * twice on 2026-12-05 a shared import pushed every lesson over it, and only `npm run bench:pages`,
 * which CI does not run, would have said so.
 */
function lessonPageWeight(): Tally {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const lessons = (prerenderedPageWeights(path.join(root, '.next')) ?? []).filter((row) =>
    row.route.startsWith('/learn/'),
  );
  const over = lessons.filter((row) => row.gzipBytes > LESSON_TARGET_BYTES);
  const heaviest = [...lessons].sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  if (!heaviest) {
    warn('Page weight: the build has no prerendered lesson pages.');
    return single('lesson page weight', false);
  }
  if (over.length > 0)
    warn(
      `Lesson pages over ${kb(LESSON_TARGET_BYTES)} of JavaScript before interaction: ${over.map((row) => `${row.route} ${kb(row.gzipBytes)}`).join(', ')}. npm run bench:pages lists the largest chunks.`,
    );
  else
    step(
      `Page weight: every lesson under ${kb(LESSON_TARGET_BYTES)} (heaviest ${heaviest.route}, ${kb(heaviest.gzipBytes)})`,
    );
  return single('lesson page weight', over.length === 0);
}

/**
 * The content check runs beside the build: it mostly waits on its servers (challenges, labs) while
 * the build mostly computes, and one after the other they took 29 s + 50 s of the 10-minute budget
 * (2026-12-05). Its output is printed whole once it ends, so that the build's stays readable.
 */
function contentCheckQuietly(): Promise<Tally> {
  step(
    `Content check (every lesson, quiz, command and challenge; challenges on a real Valkey, ports ${valkeyPorts('content')}), beside the build; its report follows when it ends`,
  );
  return timed(async () => {
    const { code, output } = await runQuietly('node', ['scripts/run.mjs', 'content-check']);
    step(`Content check: ${code === 0 ? 'passed' : 'FAILED'}`);
    if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    return single('content check', code === 0);
  });
}

function buildStep(): Promise<Tally> {
  return timed(async () => single('build', isBuildFresh(root) || (await buildApp(root))));
}

export async function main(): Promise<void> {
  mkdirSync(reports, { recursive: true });
  const valkey = ensureValkeyServer();
  step(`Using valkey-server ${valkey.version} (${valkey.path})`);
  // Vitest, the content check and the e2e app run the sandbox's Redis OSS and Memcached engines too.
  const engines = ensureEngineServers(ENGINE_SERVER_NAMES);
  if (engines.problems.length > 0) fail('The tests need redis-server and memcached: install them as said above.');
  step(`Using redis-server (${engines.redis}) and memcached (${engines.memcached})`);
  const browser = ensureBrowser();
  step(`Using ${browser.description} for the browser tests`);

  const tallies: Tally[] = [];
  tallies.push(...(await staticChecks()));

  const [contentCheck, build] = await Promise.all([contentCheckQuietly(), buildStep()]);
  const built = build.failed === 0;
  tallies.push(contentCheck, build);
  if (built) tallies.push(lessonPageWeight());

  step(`Unit and integration tests (Vitest, real Valkey on ports ${valkeyPorts('test')})`);
  tallies.push(await timed(vitest));

  if (built && existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    step(
      `End-to-end tests (Playwright on the production build, port ${portsOf('e2e').http}, Valkey on ports ${valkeyPorts('e2e')})`,
    );
    tallies.push(await timed(playwright));
  } else {
    warn('Skipping the end-to-end tests: the build failed.');
    tallies.push(single('end-to-end (not run: build failed)', false));
  }

  console.log('');
  for (const tally of tallies) {
    const mark = tally.failed > 0 ? '✖' : '✔';
    console.log(
      `${mark} ${tally.name}: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}${tally.seconds === undefined ? '' : ` (${tally.seconds} s)`}`,
    );
  }
  const total = tallies.reduce(
    (sum, t) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed, skipped: sum.skipped + t.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  if (total.failed === 0) done('All suites passed');
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(total.failed === 0 ? 0 : 1);
}
