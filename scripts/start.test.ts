/**
 * `npm start` as a user runs it: real Valkey servers, the production build, a second run, Ctrl+C,
 * and a run killed outright, with a learner's progress and flashcard schedule surviving every restart. Uses its own profile (start-test in lib/servers/ports.ts) so it never touches a
 * developer's running app. Needs the production build, which `npm test` makes before Vitest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPortFree } from '@/lib/servers/local-server';
import { dataRoot, profileFolder } from '@/lib/servers/local-stack';
import { portsOf } from '@/lib/servers/ports';
import { isProcessAlive } from '@/lib/servers/profile-lock';

const root = path.resolve(import.meta.dirname, '..');
const {
  http: PORT,
  sandbox: SANDBOX_PORT,
  app: APP_PORT,
  redis: REDIS_PORT,
  memcached: MEMCACHED_PORT,
} = portsOf('start-test');
const PORTS = [PORT, SANDBOX_PORT, APP_PORT, REDIS_PORT, MEMCACHED_PORT];
const children: ChildProcess[] = [];

// A test that failed half-way leaves its app running: stop it as Ctrl+C would, so that it stops its
// Valkey servers and Next.js too (a SIGKILL would leave those behind), and SIGKILL only what hangs.
afterAll(async () => {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(async (child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}, 30_000);

function startKeyspace(): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['scripts/run.mjs', 'start', '--profile', 'start-test', '--port', String(PORT)],
    {
      cwd: root,
      env: {
        ...process.env,
        KEYSPACE_SANDBOX_URL: '',
        KEYSPACE_APP_URL: '',
        KEYSPACE_REDIS_URL: '',
        KEYSPACE_MEMCACHED_URL: '',
      },
    },
  );
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/**
 * The pid in a server's pidfile under the profile's folder (redis-server writes its own; memcached's
 * is ours), waiting a little for it to be written. Missing, it fails with the app's output, which
 * says what happened to the server (that is how a restarted run's memcached was found refused
 * because the killed run's was still releasing the port: memcached-server.ts now waits for it).
 */
async function serverPid(server: string, file: string, app: { output: () => string }): Promise<number> {
  const pidFile = path.join(dataRoot(root), profileFolder('start-test'), server, file);
  const deadline = Date.now() + 10_000;
  while (!existsSync(pidFile) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!existsSync(pidFile)) throw new Error(`${pidFile} is missing. The app's output:\n${app.output()}`);
  return Number(readFileSync(pidFile, 'utf8').trim());
}

async function allPortsFree(): Promise<boolean> {
  return (await Promise.all(PORTS.map(isPortFree))).every(Boolean);
}

/** A learner's cookie, kept across the tests: their progress must outlive every restart. */
let learnerCookie = '';

async function call(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`http://127.0.0.1:${PORT}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(learnerCookie ? { cookie: learnerCookie } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  learnerCookie ||= (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return response;
}

async function ping(): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/sandbox/exec`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ command: 'PING' }),
  });
  return response.json();
}

describe('npm start', () => {
  // One running app goes through the three tests in turn (two starts in all, not three): a start
  // costs tens of seconds on a loaded machine.
  let running: ReturnType<typeof startKeyspace> | undefined;

  it('serves the app and refuses a second run', { timeout: 240_000 }, async () => {
    expect(await allPortsFree()).toBe(true);
    const first = startKeyspace();
    await waitFor(
      () => first.output().includes(`ready at http://localhost:${PORT}`),
      200_000,
      `the app to start:\n${first.output()}`,
    );

    const health = await fetch(`http://127.0.0.1:${PORT}/api/health`);
    expect(health.status).toBe(200);
    // The sandbox's other engines run beside Valkey, each on its own port of the profile.
    expect(first.output()).toContain(`Redis OSS ready: 127.0.0.1:${REDIS_PORT}`);
    expect(first.output()).toContain(`Memcached ready: 127.0.0.1:${MEMCACHED_PORT}`);
    expect(await health.json()).toMatchObject({
      engines: { valkey: { ok: true }, redis: { ok: true }, memcached: { ok: true } },
    });
    expect(await ping()).toMatchObject({ ok: true, text: 'PONG' });
    for (const page of ['/', '/learn/choosing-an-engine', '/sandbox']) {
      expect((await fetch(`http://127.0.0.1:${PORT}${page}`)).status, page).toBe(200);
    }

    // A learner solves a challenge and reads a lesson; both must survive the restarts below.
    for (let i = 0; i < 3; i++)
      expect(await (await call('/api/sandbox/exec', { command: 'INCR visits:home' })).json()).toMatchObject({
        ok: true,
      });
    expect(await (await call('/api/challenges/first-commands-visit-counter/check', {})).json()).toMatchObject({
      passed: true,
    });
    expect((await call('/api/progress/lessons/first-commands', {})).status).toBe(200);
    const drill = (await (await call('/api/drills')).json()) as { cards: { id: string }[] };
    expect(await (await call('/api/drills/reviews', { cardId: drill.cards[0]?.id, grade: 3 })).json()).toMatchObject({
      ok: true,
    });
    const before = await (await call('/api/drills/stats')).json();
    expect(before, JSON.stringify(before).slice(0, 200)).toMatchObject({ cardsSeen: 1 });

    const second = startKeyspace();
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`already running (process ${first.child.pid}) at http://localhost:${PORT}`);
    expect((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status).toBe(200);
    running = first;
  });

  it('recovers the servers a killed run left behind', { timeout: 240_000 }, async () => {
    const crashed = running;
    expect(crashed, 'the app of the first test is still running').toBeDefined();
    if (!crashed) return;
    running = undefined;
    const enginePids = [
      await serverPid('redis', 'redis.pid', crashed),
      await serverPid('memcached', 'memcached.pid', crashed),
    ];
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    // Its Valkey, Redis, Memcached and Next.js children are orphans now, still holding their ports.
    expect(await allPortsFree()).toBe(false);
    expect(enginePids.every(isProcessAlive)).toBe(true);

    const next = startKeyspace();
    await waitFor(() => next.output().includes('ready at'), 200_000, `the app to restart:\n${next.output()}`);
    expect(await ping()).toMatchObject({ ok: true, text: 'PONG' });
    // The killed run's Redis and Memcached were reaped through their pidfiles, and new ones started.
    expect(enginePids.some(isProcessAlive)).toBe(false);
    expect([
      await serverPid('redis', 'redis.pid', next),
      await serverPid('memcached', 'memcached.pid', next),
    ]).not.toEqual(enginePids);
    // The restart stopped the killed run's Valkey servers and started them again: the progress is still there.
    expect(learnerCookie).toMatch(/^keyspace_learner=/);
    const progress = (await (await call('/api/progress')).json()) as {
      progress: { challenges: Record<string, string>; lessons: Record<string, string> };
    };
    expect(progress.progress.challenges['first-commands-visit-counter']).toMatch(/^\d{4}-/);
    expect(progress.progress.lessons['first-commands']).toMatch(/^\d{4}-/);
    const drillStats = await (await call('/api/drills/stats')).json();
    expect(drillStats, JSON.stringify(drillStats)).toMatchObject({ cardsSeen: 1, dueToday: 1 });
    running = next;
  });

  it(
    'restarts a Valkey server that dies, and serves again without a restart of the app',
    { timeout: 90_000 },
    async () => {
      const app = running;
      expect(app, 'the app of the second test is still running').toBeDefined();
      if (!app) return;
      // The pidfiles Valkey writes itself: after a restart they name the new process.
      const pidFile = (role: string) => path.join(dataRoot(root), profileFolder('start-test'), role, 'valkey.pid');
      const killAndWait = async (role: string) => {
        const pid = Number(readFileSync(pidFile(role), 'utf8').trim());
        process.kill(pid, 'SIGKILL');
        await waitFor(() => !isProcessAlive(pid), 5_000, `the ${role} Valkey to die`);
        return { pid, killedAt: performance.now() };
      };
      const figures: string[] = [];

      const sandbox = await killAndWait('sandbox');
      const down = await fetch(`http://127.0.0.1:${PORT}/api/sandbox/exec`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"command":"PING"}',
      });
      expect(down.status).toBe(503);
      await waitFor(
        async () => JSON.stringify(await ping().catch(() => null)).includes('PONG'),
        10_000,
        'the sandbox to serve again',
      );
      figures.push(`sandbox serving ${Math.round(performance.now() - sandbox.killedAt)} ms after SIGKILL`);
      expect(app.output()).toContain(
        `The sandbox Valkey stopped (process ${sandbox.pid} ended by signal SIGKILL): restarting it in 0.5 s`,
      );
      expect(app.output()).toMatch(/The sandbox Valkey is running again \(process \d+, restart 1\)/);

      // The app's data: pages still render, progress answers 503, then everything comes back from the AOF.
      const appData = await killAndWait('app');
      expect((await call('/api/progress')).status).toBe(503);
      expect((await fetch(`http://127.0.0.1:${PORT}/learn/choosing-an-engine`)).status).toBe(200);
      await waitFor(async () => (await call('/api/progress')).status === 200, 10_000, 'progress to answer again');
      figures.push(`progress answering ${Math.round(performance.now() - appData.killedAt)} ms after SIGKILL`);
      const progress = (await (await call('/api/progress')).json()) as {
        progress: { challenges: Record<string, string> };
      };
      expect(progress.progress.challenges['first-commands-visit-counter']).toMatch(/^\d{4}-/);
      expect(await (await call('/api/drills/stats')).json()).toMatchObject({ cardsSeen: 1 });
      console.log(`[faults] npm start: ${figures.join('; ')}`);
    },
  );

  // SIGINT, SIGTERM and SIGHUP share one handler (scripts/setup/lifecycle.ts), so Ctrl+C stands for all three.
  it('Ctrl+C leaves nothing behind', { timeout: 60_000 }, async () => {
    const last = running;
    expect(last, 'the app of the earlier tests is still running').toBeDefined();
    if (!last) return;
    last.child.kill('SIGINT');
    expect(await last.exited).toBe(0);
    expect(last.output()).toContain('Stopped everything this command started');
    expect(await allPortsFree()).toBe(true);
  });
});
