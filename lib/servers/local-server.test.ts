/** Real valkey-server processes started the way `npm start` starts them, in throwaway folders. */
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree, roleInstance, startInstance, type RunningInstance } from './local-server';
import { portsOf } from './ports';
import { findValkeyServer } from './server-binary';

const binary = findValkeyServer()?.path ?? 'valkey-server';
const PORTS = portsOf('server-test');
const running: RunningInstance[] = [];
const clients: Redis[] = [];

afterEach(async () => {
  clients.splice(0).forEach((client) => client.disconnect());
  await Promise.all(running.splice(0).map((instance) => instance.stop()));
});

async function start(
  role: 'sandbox' | 'app',
  port: number,
  dir = mkdtempSync(path.join(tmpdir(), `keyspace-${role}-`)),
) {
  const instance = await startInstance(roleInstance(role, port, dir), binary);
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
    const { instance } = await start('sandbox', PORTS.secured);
    expect(instance.url).toMatch(new RegExp(`^redis://keyspace:[0-9a-f]{64}@127\\.0\\.0\\.1:${PORTS.secured}$`));
    // A raw socket, as an attacker would use: no client library niceties.
    expect(await rawCommand(PORTS.secured, 'GET x')).toMatch(/^-NOAUTH/);
    expect(await rawCommand(PORTS.secured, 'AUTH default anything')).toMatch(/^-WRONGPASS/);
  });

  it('give the sandbox a memory cap, eviction and no persistence', async () => {
    const { client } = await start('sandbox', PORTS.sandbox);
    expect(await client.config('GET', 'maxmemory')).toEqual(['maxmemory', String(256 * 1024 * 1024)]);
    expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'allkeys-lru']);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
  });

  it("keep the app's data across a restart (append-only file)", async () => {
    const first = await start('app', PORTS.restart);
    expect(await first.client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    await first.client.set('progress:learner', 'lesson-3');
    first.client.disconnect();
    await first.instance.stop();
    expect(await isPortFree(PORTS.restart)).toBe(true);
    const second = await start('app', PORTS.restart, first.dir);
    expect(await second.client.get('progress:learner')).toBe('lesson-3');
  });

  it('keep transactions and script writes across a restart, with the default user still unusable', async () => {
    const first = await start('app', PORTS.transactions);
    await first.client.multi().hset('srs:cards', 'card-1', 'state').zadd('srs:due', 42, 'card-1').exec();
    await first.client.eval("redis.call('SET', KEYS[1], ARGV[1])", 1, 'scripted', 'yes');
    first.client.disconnect();
    await first.instance.stop();
    const second = await start('app', PORTS.transactions, first.dir);
    expect(await second.client.hget('srs:cards', 'card-1')).toBe('state');
    expect(await second.client.zscore('srs:due', 'card-1')).toBe('42');
    expect(await second.client.get('scripted')).toBe('yes');
    expect(await rawCommand(PORTS.transactions, 'GET scripted')).toMatch(/^-NOAUTH/);
    expect(await rawCommand(PORTS.transactions, 'AUTH default anything')).toMatch(/^-WRONGPASS/);
  });

  it('refuse to start on a port another program holds, saying which setting to change', async () => {
    await start('sandbox', PORTS.clash);
    const otherDir = mkdtempSync(path.join(tmpdir(), 'keyspace-clash-'));
    await expect(startInstance(roleInstance('sandbox', PORTS.clash, otherDir), binary)).rejects.toThrow(
      new RegExp(`${PORTS.clash}.*in use.*KEYSPACE_SANDBOX_PORT`),
    );
  });
});
