/** Real valkey-server processes started the way `npm start` starts them, in throwaway folders. */
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree, startInstance, type RunningInstance } from './local-server';
import { findValkeyServer } from './server-binary';

const binary = findValkeyServer()?.path ?? 'valkey-server';
const running: RunningInstance[] = [];
const clients: Redis[] = [];

afterEach(async () => {
  clients.splice(0).forEach((client) => client.disconnect());
  await Promise.all(running.splice(0).map((instance) => instance.stop()));
});

async function start(role: 'sandbox' | 'app', port: number, dir = mkdtempSync(path.join(tmpdir(), `keyspace-${role}-`))) {
  const instance = await startInstance({ role, port, dir }, binary);
  running.push(instance);
  const client = new Redis(instance.url, { maxRetriesPerRequest: 0 });
  clients.push(client);
  return { instance, client, dir };
}

function rawCommand(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${line}\r\n`));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.once('error', reject);
  });
}

describe('local Valkey instances', () => {
  it('disable the default user and require the generated password', async () => {
    const { instance } = await start('sandbox', 7451);
    expect(instance.url).toMatch(/^redis:\/\/keyspace:[0-9a-f]{64}@127\.0\.0\.1:7451$/);
    // A raw socket, as an attacker would use: no client library niceties.
    expect(await rawCommand(7451, 'GET x')).toMatch(/^-NOAUTH/);
    expect(await rawCommand(7451, 'AUTH default anything')).toMatch(/^-WRONGPASS/);
  });

  it('give the sandbox a memory cap, eviction and no persistence', async () => {
    const { client } = await start('sandbox', 7452);
    expect(await client.config('GET', 'maxmemory')).toEqual(['maxmemory', String(256 * 1024 * 1024)]);
    expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'allkeys-lru']);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
  });

  it("keep the app's data across a restart (append-only file)", async () => {
    const first = await start('app', 7453);
    expect(await first.client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    await first.client.set('progress:learner', 'lesson-3');
    first.client.disconnect();
    await first.instance.stop();
    expect(await isPortFree(7453)).toBe(true);
    const second = await start('app', 7453, first.dir);
    expect(await second.client.get('progress:learner')).toBe('lesson-3');
  });

  it("keep transactions and script writes across a restart, with the default user still unusable", async () => {
    const first = await start('app', 7455);
    await first.client.multi().hset('srs:cards', 'card-1', 'state').zadd('srs:due', 42, 'card-1').exec();
    await first.client.eval("redis.call('SET', KEYS[1], ARGV[1])", 1, 'scripted', 'yes');
    first.client.disconnect();
    await first.instance.stop();
    const second = await start('app', 7455, first.dir);
    expect(await second.client.hget('srs:cards', 'card-1')).toBe('state');
    expect(await second.client.zscore('srs:due', 'card-1')).toBe('42');
    expect(await second.client.get('scripted')).toBe('yes');
    expect(await rawCommand(7455, 'GET scripted')).toMatch(/^-NOAUTH/);
    expect(await rawCommand(7455, 'AUTH default anything')).toMatch(/^-WRONGPASS/);
  });

  it('refuse to start on a port another program holds, saying which setting to change', async () => {
    await start('sandbox', 7454);
    const otherDir = mkdtempSync(path.join(tmpdir(), 'keyspace-clash-'));
    await expect(startInstance({ role: 'sandbox', port: 7454, dir: otherDir }, binary)).rejects.toThrow(/7454.*in use.*KEYSPACE_SANDBOX_PORT/);
  });
});
