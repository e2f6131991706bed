/**
 * `npm run bench:sandbox`: how much the sandbox costs under load. Starts the app as `npm start`
 * does, on the `bench` profile (its ports in lib/servers/ports.ts, each plus KEYSPACE_PORT_OFFSET)
 * with the baseline route enabled, then for each number of learners N runs N closed-loop learners
 * against POST /api/sandbox/exec (a mixed command set) and then against POST /api/bench/get (one
 * bare GET), and compares them: sandbox throughput ≥ 60 % of bare, sandbox p99 ≤ 1.5× bare.
 *
 * Exits 0 whatever the verdict (it is a measurement); 1 when the run is invalid (the app did not
 * start, the pre-flight failed, more than 1 % of requests failed or were refused); 130 when
 * stopped. The app is stopped with SIGTERM in every case, and waited for.
 *
 * Before the first phase both routes get an unmeasured warm-up (--app-warmup seconds each, 50
 * learners), so that JIT compilation and Next.js's lazy loading do not penalise whichever phase
 * comes first; each phase then has its own warm-up (new learners, new connections) before it is
 * measured.
 *
 * Options: --learners 50,200  --warmup 2  --duration 10  --app-warmup 5 (seconds; 0 = none)
 *          --port the bench profile's http port (lib/servers/ports.ts)  --max-requests 2000000 (per phase)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LEARNER_COOKIE } from '../lib/sandbox/learner';
import { dataRoot, profileFolder } from '../lib/servers/local-stack';
import { portsOf } from '../lib/servers/ports';
import { startApp, type AppProcess } from './bench/app-process';
import { runPhase } from './bench/load';
import { findAppProcesses } from './bench/proc-cpu';
import { measurePublishLatency, type PublishLatency } from './bench/pubsub-latency';
import { compare, formatReport, invalidReason, TARGETS, type Comparison, type PhaseResult } from './bench/stats';
import { onStopRequest } from './setup/lifecycle';
import { done, step, warn } from './setup/log';

const root = path.resolve(import.meta.dirname, '..');
const reportFile = path.join(root, '.data', 'reports', 'bench-sandbox.json');
const appLogFile = path.join(root, '.data', 'reports', 'bench-sandbox-app.log');
const HOST = '127.0.0.1';
const PROFILE = 'bench';
const EXEC_PATH = '/api/sandbox/exec';
const BARE_PATH = '/api/bench/get';

/**
 * The sandbox mix: strings, counters, hashes, lists, expiry, sets, sorted sets, over ten keys per
 * type. Keys are per learner on the server, so every learner can send the same lines. LTRIM keeps
 * the list (and so LRANGE's work and the learner's memory) bounded however long the run.
 */
function sandboxBodies(): Buffer[] {
  const lines: string[] = [];
  for (let i = 0; i < 10; i++) {
    lines.push(
      `SET k:${i} v${i}`,
      `GET k:${i}`,
      'INCR c',
      `HSET h f${i} v${i}`,
      `HGET h f${i}`,
      'LPUSH l x',
      'LTRIM l 0 99',
      'LRANGE l 0 9',
      `EXPIRE k:${i} 60`,
      `TTL k:${i}`,
      `SADD s m${i}`,
      `ZADD z ${i} m${i}`,
      'ZRANGE z 0 -1 WITHSCORES',
    );
  }
  return lines.map((command) => Buffer.from(JSON.stringify({ command })));
}

function bareBodies(): Buffer[] {
  return Array.from({ length: 10 }, (_, i) => Buffer.from(JSON.stringify({ key: `k:${i}` })));
}

function positive(name: string, raw: string, integer: boolean): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
    throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got "${raw}".`);
  return value;
}

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      learners: { type: 'string', default: '50,200' },
      warmup: { type: 'string', default: '2' },
      duration: { type: 'string', default: '10' },
      port: { type: 'string', default: String(portsOf('bench').http) },
      'max-requests': { type: 'string', default: '2000000' },
      'app-warmup': { type: 'string', default: '5' },
    },
  });
  const port = positive('port', values.port, true);
  if (port > 65535) throw new Error(`--port must be a port number, got "${values.port}".`);
  return {
    learners: values.learners.split(',').map((n) => positive('learners', n.trim(), true)),
    warmupMs: positive('warmup', values.warmup, false) * 1000,
    durationMs: positive('duration', values.duration, false) * 1000,
    port,
    maxRequests: positive('max-requests', values['max-requests'], true),
    appWarmupMs: values['app-warmup'] === '0' ? 0 : positive('app-warmup', values['app-warmup'], false) * 1000,
  };
}

/** One request before the load, so that a broken route is reported plainly instead of as 100 % errors. */
async function preflight(port: number): Promise<void> {
  const post = (route: string, body: unknown) =>
    fetch(`http://${HOST}:${port}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  const bare = await post(BARE_PATH, { key: 'k:0' });
  const bareText = await bare.text();
  if (bare.status === 404)
    throw new Error(`${BARE_PATH} answered 404: the app was not built and started with KEYSPACE_BENCH_ROUTES=1.`);
  if (bare.status !== 200 || !bareText.startsWith('{"ok":true'))
    throw new Error(`${BARE_PATH} answered HTTP ${bare.status}: ${bareText.slice(0, 300)}`);

  const exec = await post(EXEC_PATH, { command: 'PING' });
  const execText = await exec.text();
  if (exec.status !== 200 || !execText.startsWith('{"ok":true')) {
    throw new Error(
      `${EXEC_PATH} failed before any load (PING answered HTTP ${exec.status}): ${execText.slice(0, 300)}`,
    );
  }
  if (!exec.headers.getSetCookie().some((cookie) => cookie.startsWith(`${LEARNER_COOKIE}=`)))
    throw new Error(`${EXEC_PATH} set no ${LEARNER_COOKIE} cookie.`);
}

export async function main(_command: string, argv: string[]): Promise<void> {
  let config: ReturnType<typeof options>;
  try {
    config = options(argv);
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const stop = new AbortController();
  let stopRequests = 0;
  onStopRequest(() => {
    if (stopRequests++ === 0) warn('Stopping the benchmark and the app…');
    stop.abort(new Error('stopped by a signal'));
  });
  const stopped = new Promise<never>((_, reject) =>
    stop.signal.addEventListener('abort', () => reject(stop.signal.reason), { once: true }),
  );
  stopped.catch(() => {});

  let app: AppProcess | null = null;
  let exitCode = 0;
  try {
    step(
      `Starting the app on the ${PROFILE} profile at http://${HOST}:${config.port} (node scripts/run.mjs start --profile ${PROFILE} --port ${config.port})`,
    );
    app = startApp({
      root,
      args: ['start', '--profile', PROFILE, '--port', String(config.port)],
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        KEYSPACE_HOST: HOST,
        KEYSPACE_BENCH_ROUTES: '1',
        // The benchmark is one address with hundreds of learners: lift the abuse limits.
        KEYSPACE_SANDBOX_RATE_PER_LEARNER: '1000000',
        KEYSPACE_SANDBOX_RATE_PER_ADDRESS: '1000000',
        KEYSPACE_SANDBOX_SESSIONS_PER_MINUTE: '1000000',
      },
      readyTimeoutMs: 15 * 60_000,
      logFile: appLogFile,
      echoAfterReady: 40,
    });
    void app.exited.then((how) => stop.abort(new Error(`the app exited during the benchmark (${how})`)));
    await Promise.race([app.ready, stopped]);
    await Promise.race([preflight(config.port), stopped]);
    done('The app is up; both routes answer');

    // A port offset gives the profile its own folder (bench+60…), where npm start writes its pidfiles.
    const appProcesses = findAppProcesses(path.join(dataRoot(root), profileFolder(PROFILE)));
    const common = {
      host: HOST,
      port: config.port,
      warmupMs: config.warmupMs,
      durationMs: config.durationMs,
      maxRequests: config.maxRequests,
      requestTimeoutMs: 10_000,
      appProcesses,
      signal: stop.signal,
    };
    const phases: PhaseResult[] = [];
    const comparisons: Comparison[] = [];
    if (config.appWarmupMs > 0) {
      step(`Warming the app up: ${config.appWarmupMs / 1000} s on each route, 50 learners, not measured…`);
      for (const [route, routePath, bodies, cookieName] of [
        ['sandbox', EXEC_PATH, sandboxBodies(), LEARNER_COOKIE],
        ['bare', BARE_PATH, bareBodies(), null],
      ] as const) {
        await runPhase({
          ...common,
          route,
          learners: 50,
          path: routePath,
          bodies,
          cookieName,
          warmupMs: config.appWarmupMs,
          durationMs: 0,
          maxRequests: 1,
        });
      }
    }
    const cpuBefore = process.cpuUsage();
    const seconds = (config.warmupMs + config.durationMs) / 1000;
    for (const learners of config.learners) {
      if (stop.signal.aborted) break;
      step(`${learners} learners on ${EXEC_PATH} (${seconds} s: ${config.warmupMs / 1000} s warm-up, then measured)…`);
      const sandbox = await runPhase({
        ...common,
        route: 'sandbox',
        learners,
        path: EXEC_PATH,
        bodies: sandboxBodies(),
        cookieName: LEARNER_COOKIE,
      });
      phases.push(sandbox);
      if (stop.signal.aborted) break;
      step(`${learners} learners on ${BARE_PATH} (${seconds} s)…`);
      const bare = await runPhase({
        ...common,
        route: 'bare',
        learners,
        path: BARE_PATH,
        bodies: bareBodies(),
        cookieName: null,
      });
      phases.push(bare);
      if (stop.signal.aborted) break;
      comparisons.push(compare(sandbox, bare));
    }
    if (stop.signal.aborted) throw stop.signal.reason;
    const cpuTotal = process.cpuUsage(cpuBefore);
    step('Publish → delivered: one console listens on its live stream, another console of the learner publishes…');
    let publishLatency: PublishLatency | null = null;
    try {
      publishLatency = await measurePublishLatency(HOST, config.port);
    } catch (error) {
      warn(`Publish → delivered not measured: ${error instanceof Error ? error.message : String(error)}`);
    }

    console.log('');
    console.log(formatReport(phases, comparisons));
    const invalid = phases.map(invalidReason).filter((reason): reason is string => reason !== null);
    for (const phase of phases) {
      const samples = Object.entries(phase.errorSamples);
      if (samples.length === 0) continue;
      console.log(`\nFailures, ${phase.route} route, ${phase.learners} learners (first distinct ones):`);
      for (const [description, count] of samples) console.log(`  ${count}× ${description}`);
      console.log(`  answers per second since the phase began: ${phase.perSecond.join(' ')}`);
    }
    const noisiest = Math.max(0, ...phases.map((phase) => phase.appCpu?.others?.cores ?? 0));
    if (noisiest > 0.25)
      warn(
        `Other processes used up to ${noisiest.toFixed(2)} of the ${os.cpus().length} CPUs during a measured window: these figures are noisy; rerun on a quiet machine.`,
      );
    if (publishLatency)
      console.log(
        `\nPublish → delivered (${publishLatency.samples} messages, idle app): p50 ${publishLatency.p50Ms} ms, p99 ${publishLatency.p99Ms} ms, max ${publishLatency.maxMs} ms.`,
      );
    console.log(
      `\nLoad generator CPU over the whole run: ${((cpuTotal.user + cpuTotal.system) / 1e6).toFixed(1)} s (machine: ${os.cpus().length} CPUs).`,
    );

    mkdirSync(path.dirname(reportFile), { recursive: true });
    const report = {
      generatedAt: new Date().toISOString(),
      command: 'npm run bench:sandbox' + (argv.length ? ` -- ${argv.join(' ')}` : ''),
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model ?? null,
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      config: {
        ...config,
        host: HOST,
        profile: PROFILE,
        routes: { sandbox: EXEC_PATH, bare: BARE_PATH },
        requestTimeoutMs: common.requestTimeoutMs,
      },
      targets: TARGETS,
      phases,
      comparisons,
      pass: comparisons.length > 0 && comparisons.every((c) => c.pass),
      valid: invalid.length === 0,
      invalidReasons: invalid,
      generatorCpuSeconds: (cpuTotal.user + cpuTotal.system) / 1e6,
      publishLatency,
    };
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Report: ${path.relative(root, reportFile)}; app output: ${path.relative(root, appLogFile)}`);

    if (invalid.length > 0) {
      for (const reason of invalid) console.error(`✖ Invalid run: ${reason}.`);
      exitCode = 1;
    } else {
      done(
        `Benchmark finished: ${report.pass ? 'PASS' : 'FAIL'} against the targets (a measurement: exit 0 either way)`,
      );
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`✖ ${message}`);
    exitCode = stopRequests > 0 ? 130 : 1;
  } finally {
    if (app) {
      step('Stopping the app (SIGTERM) and waiting for it to exit…');
      await app.stop();
      done('The app and its Valkey servers have stopped');
    }
  }
  process.exit(exitCode);
}
