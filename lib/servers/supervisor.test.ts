/** The supervisor that `npm start` runs its Valkey servers under, against real servers it kills. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree, roleInstance } from './local-server';
import { portsOf } from './ports';
import { isProcessAlive } from './profile-lock';
import { findValkeyServer } from './server-binary';
import { startSupervised, type SupervisedInstance } from './supervisor';

const binary = findValkeyServer()?.path ?? 'valkey-server';
const PORTS = portsOf('fault-test');
const running: SupervisedInstance[] = [];
const clients: Redis[] = [];

afterEach(async () => {
  clients.splice(0).forEach((client) => client.disconnect());
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function supervisedApp(events: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyspace-supervised-'));
  const server = await startSupervised(roleInstance('app', PORTS.supervised, dir), binary, {
    backoffMs: [500, 1_000, 2_000],
    onEvent: (message) => events.push(message),
  });
  running.push(server);
  const client = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => 50 });
  client.on('error', () => {});
  clients.push(client);
  return { server, client, pidFile: path.join(dir, 'valkey.pid') };
}

const pidIn = (file: string) => Number(readFileSync(file, 'utf8').trim());

/** Polls until the server's restart is done and the key reads back; returns how long that took. */
async function timeUntilRead(
  server: SupervisedInstance,
  restarts: number,
  client: Redis,
  key: string,
): Promise<number> {
  const from = performance.now();
  while (performance.now() - from < 10_000) {
    const value = await client.get(key).catch(() => null);
    if (value !== null && server.restarts >= restarts) return performance.now() - from;
    await sleep(50);
  }
  throw new Error(`${key} not readable within 10 s`);
}

describe('a supervised Valkey', () => {
  it('comes back after SIGKILL with its data, a correct pidfile and a longer wait each time in a row', async () => {
    const events: string[] = [];
    const { server, client, pidFile } = await supervisedApp(events);
    await client.set('progress', 'acknowledged');
    // The app's server fsyncs its append-only file every second: past that window, nothing is lost.
    await sleep(1_100);
    const firstPid = server.pid;
    expect(pidIn(pidFile)).toBe(firstPid);

    process.kill(firstPid, 'SIGKILL');
    await server.exited;
    const firstMs = await timeUntilRead(server, 1, client, 'progress');
    expect(await client.get('progress')).toBe('acknowledged');
    expect(server.pid).not.toBe(firstPid);
    expect(pidIn(pidFile)).toBe(server.pid);
    expect(server.restarts).toBe(1);
    expect(events).toEqual([
      `The app Valkey stopped (process ${firstPid} ended by signal SIGKILL): restarting it in 0.5 s`,
      `The app Valkey is running again (process ${server.pid}, restart 1)`,
    ]);

    // Killed again at once: the second restart in a row waits twice as long.
    process.kill(server.pid, 'SIGKILL');
    await server.exited;
    const secondMs = await timeUntilRead(server, 2, client, 'progress');
    expect(events[2]).toMatch(/ended by signal SIGKILL\): restarting it in 1 s$/);
    expect(server.restarts).toBe(2);
    console.log(
      `[faults] supervisor: app Valkey readable again ${Math.round(firstMs)} ms after SIGKILL, ${Math.round(secondMs)} ms after a second one`,
    );

    const lastPid = server.pid;
    await server.stop();
    expect(isProcessAlive(lastPid)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
    expect(await isPortFree(PORTS.supervised)).toBe(true);
  });

  it('stopped while waiting to restart, starts nothing', async () => {
    const events: string[] = [];
    const { server } = await supervisedApp(events);
    process.kill(server.pid, 'SIGKILL');
    await server.exited;
    await server.stop();
    await sleep(800);
    expect(events).toHaveLength(1);
    expect(await isPortFree(PORTS.supervised)).toBe(true);
  });

  it('told to stop restarting (the start of a shutdown), leaves a server that ends ended and says nothing', async () => {
    const events: string[] = [];
    const { server } = await supervisedApp(events);
    server.stopRestarting();
    // What Ctrl+C does to a server in the same process group while the app is still stopping.
    process.kill(server.pid, 'SIGTERM');
    await server.exited;
    await sleep(800);
    expect(events).toEqual([]);
    expect(server.restarts).toBe(0);
    expect(await isPortFree(PORTS.supervised)).toBe(true);
    await server.stop();
  });
});
