/**
 * `npm run bench:pages`: builds the app (when the sources changed) and prints, per prerendered
 * route, the JavaScript sent before any interaction, compressed. Target: a lesson page under
 * 200 KB (gzip). Exits non-zero when a lesson page misses it.
 *
 * Then, unless --no-browser, starts the app on the bench profile (as bench:sandbox does; the two
 * cannot run at once) and times every lesson in Chromium on a desktop and a throttled phone
 * (scripts/bench/page-timings.ts): FCP, interactive, first keystroke, first reply, and the home
 * page to the first command answered. Targets: a lesson interactive within 3 s on the phone, the
 * first command answered within 5 s of landing. Those are reported, not enforced (timings on a
 * shared machine are noisy); .data/reports/bench-pages.json keeps every run.
 *
 * Options: --runs 3 (cold loads per lesson and profile)  --profiles desktop,phone
 *          --lessons /learn/a,/learn/b (default: every lesson)  --no-browser
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { portsOf } from '../lib/servers/ports';
import { startApp } from './bench/app-process';
import { formatTimings, measurePageTimings, median, type ProfileName } from './bench/page-timings';
import { LESSON_TARGET_BYTES, prerenderedPageWeights } from './bench/page-weight';
import { findBrowser } from './setup/browser';
import { buildApp, isBuildFresh } from './setup/build';
import { onStopRequest } from './setup/lifecycle';
import { done, fail, step, warn } from './setup/log';

const root = path.resolve(import.meta.dirname, '..');
const nextDir = path.join(root, '.next');
const PHONE_INTERACTIVE_TARGET_MS = 3_000;
const FIRST_REPLY_TARGET_MS = 5_000;
const HOST = '127.0.0.1';
const PROFILE = 'bench';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      profiles: { type: 'string', default: 'desktop,phone' },
      lessons: { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, got "${values.runs}".`);
  const profiles = values.profiles.split(',').map((name) => name.trim());
  for (const name of profiles)
    if (name !== 'desktop' && name !== 'phone') fail(`--profiles takes desktop and/or phone, got "${name}".`);
  return {
    runs,
    profiles: profiles as ProfileName[],
    lessons: values.lessons?.split(',').map((lesson) => lesson.trim()),
    browser: !values['no-browser'],
  };
}

function bundleSizes(): string[] {
  const rows = prerenderedPageWeights(nextDir);
  if (!rows) fail('No prerendered pages in .next/server/app: run npm run build.');
  step('JavaScript before any interaction, per route (gzip level 6; Monaco and other lazy chunks excluded)');
  const width = Math.max(...rows.map((row) => row.route.length));
  console.log(`  ${'route'.padEnd(width)}  scripts   raw        gzip`);
  for (const row of rows)
    console.log(
      `  ${row.route.padEnd(width)}  ${String(row.scripts).padStart(7)}   ${kb(row.rawBytes).padStart(9)}  ${kb(row.gzipBytes).padStart(9)}`,
    );
  const lessons = rows.filter((row) => row.route.startsWith('/learn/'));
  const heaviest = lessons.reduce((max, row) => (row.gzipBytes > max.gzipBytes ? row : max), lessons[0]!);
  console.log(
    `  Largest chunks of ${heaviest.route}: ${heaviest.largest.map((chunk) => `${path.basename(chunk.file)} ${kb(chunk.gzipBytes)}`).join(', ')}`,
  );
  if (heaviest.gzipBytes > LESSON_TARGET_BYTES)
    fail(
      `${heaviest.route} sends ${kb(heaviest.gzipBytes)} of JavaScript before interaction: the target is under ${kb(LESSON_TARGET_BYTES)}.`,
    );
  done(
    `Every lesson page is under ${kb(LESSON_TARGET_BYTES)} (heaviest: ${heaviest.route}, ${kb(heaviest.gzipBytes)} gzip).`,
  );
  return lessons.map((row) => row.route);
}

async function browserTimings(config: ReturnType<typeof options>, lessons: string[]): Promise<void> {
  const port = portsOf(PROFILE).http;
  step(`Starting the app on the ${PROFILE} profile at http://${HOST}:${port} for the browser timings`);
  const app = startApp({
    root,
    args: ['start', '--profile', PROFILE, '--port', String(port)],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      KEYSPACE_HOST: HOST,
      // Every cold load is a new learner from one address.
      KEYSPACE_SANDBOX_RATE_PER_ADDRESS: '1000000',
      KEYSPACE_SANDBOX_SESSIONS_PER_MINUTE: '1000000',
    },
    readyTimeoutMs: 15 * 60_000,
    logFile: path.join(root, '.data', 'reports', 'bench-pages-app.log'),
    echoAfterReady: 20,
  });
  onStopRequest(() => void app.stop().then(() => process.exit(130)));
  try {
    await app.ready;
    const reports = await measurePageTimings({
      baseUrl: `http://${HOST}:${port}`,
      lessons,
      runs: config.runs,
      profiles: config.profiles,
      executablePath: findBrowser()?.executablePath,
      onProgress: (message) => console.log(`  … ${message}`),
    });
    console.log(`\n${formatTimings(reports)}\n`);
    const reportFile = path.join(root, '.data', 'reports', 'bench-pages.json');
    mkdirSync(path.dirname(reportFile), { recursive: true });
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${os.loadavg()[0]!.toFixed(2)}`;
    writeFileSync(reportFile, JSON.stringify({ at: new Date().toISOString(), machine, reports }, null, 2));
    console.log(`  Every run: ${path.relative(root, reportFile)} (${machine})`);

    const phone = reports.find((report) => report.profile === 'phone');
    if (phone) {
      const slowest = Math.max(...phone.lessons.map(({ runs }) => median(runs.map((run) => run.interactive))));
      const firstReply = median(phone.homeToFirstReply);
      const verdict = `phone: slowest lesson interactive ${Math.round(slowest)} ms (target ${PHONE_INTERACTIVE_TARGET_MS}), home → first reply ${Math.round(firstReply)} ms (target ${FIRST_REPLY_TARGET_MS})`;
      if (slowest <= PHONE_INTERACTIVE_TARGET_MS && firstReply <= FIRST_REPLY_TARGET_MS) done(verdict);
      else warn(`Target missed: ${verdict}`);
    }
  } finally {
    await app.stop();
  }
}

export async function main(_command: string, argv: string[]): Promise<void> {
  const config = options(argv);
  if (!isBuildFresh(root) && !(await buildApp(root))) fail('The build failed: see above.');
  const lessons = bundleSizes();
  if (config.browser) await browserTimings(config, config.lessons ?? lessons);
}
