/**
 * The sandbox's other engines as every profile starts them (engine-servers.ts): a real redis-server
 * with the sandbox's Valkey config and hardening, and a real memcached with ASCII auth, each in a
 * throwaway folder on the server-test ports; and a memcached whose owner was SIGKILLed, reaped at
 * the next start.
 */
import { processGone, startOwnerProcess } from '@/lib/testing/owner-process';
import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { engineSpecs } from './engine-servers';
import { startLocalStack } from './local-stack';
import { instanceFile, startInstance, type RunningServer } from './local-server';
import { authRequest, memcachedVersion } from './memcached-probe';
import { memcachedPidFile, startMemcached } from './memcached-server';
import { portsOf } from './ports';
import { isProcessAlive } from './profile-lock';
import { findMemcached, findRedisServer } from './server-binary';

const PORTS = portsOf('server-test');
const redisServer = findRedisServer()?.path ?? 'redis-server';
const memcached = findMemcached()?.path ?? 'memcached';
const running: RunningServer[] = [];
const clients: Redis[] = [];

afterEach(async () => {
  clients.splice(0).forEach((client) => client.disconnect());
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

const folder = (name: string) => mkdtempSync(path.join(tmpdir(), `keyspace-${name}-`));

/** Sends raw text and resolves with the first reply, as a client without any library would see it. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    socket.on('data', (data) => {
      received += data.toString();
      if (received.endsWith('\r\n')) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.once('error', reject);
  });
}

describe('the Redis OSS server', () => {
  it('runs the Valkey sandbox config on Redis 7, with the default user off and the admin user limited', async () => {
    const dir = folder('redis');
    const spec = { ...engineSpecs('test', dir).redis, port: PORTS.redis, dir };
    const server = await startInstance(spec, redisServer);
    running.push(server);
    expect(server.url).toMatch(new RegExp(`^redis://keyspace:[0-9a-f]{64}@127\\.0\\.0\\.1:${PORTS.redis}$`));
    expect(readFileSync(instanceFile(spec, 'conf'), 'utf8')).not.toContain('hide-user-data-from-log');
    expect(await rawExchange(PORTS.redis, 'GET x\r\n')).toMatch(/^-NOAUTH/);

    const admin = new Redis(server.url, { maxRetriesPerRequest: 0 });
    clients.push(admin);
    expect(await admin.info('server')).toMatch(/redis_version:7\./);
    expect(await admin.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'allkeys-lru']);
    await expect(admin.call('CONFIG', 'SET', 'maxmemory', '1gb')).rejects.toThrow(/NOPERM/);
    await expect(admin.call('FLUSHALL')).rejects.toThrow(/NOPERM/);
    // Learners' ACL users are made the same way as on the Valkey sandbox.
    await admin.call('ACL', 'SETUSER', 'learner-test', 'on', '>secret-pass', '~learner:*', '+get', '+set');
    const learner = new Redis({ port: PORTS.redis, username: 'learner-test', password: 'secret-pass' });
    clients.push(learner);
    expect(await learner.set('learner:a', '1')).toBe('OK');
    await expect(learner.set('other:a', '1')).rejects.toThrow(/NOPERM/);
  });
});

describe('the Memcached server', () => {
  it('needs the generated password, answers version, and stops', async () => {
    const dir = folder('memcached');
    const server = await startMemcached({ port: PORTS.memcached, dir }, memcached);
    running.push(server);
    expect(server.url).toMatch(new RegExp(`^memcached://keyspace:[0-9a-f]{64}@127\\.0\\.0\\.1:${PORTS.memcached}$`));
    expect(readFileSync(path.join(dir, 'password'), 'utf8').trim()).toBe(server.password);
    expect(Number(readFileSync(memcachedPidFile(dir), 'utf8'))).toBe(server.pid);
    expect(await memcachedVersion(server.url)).toMatch(/^1\.6\.\d+$/);
    expect(await rawExchange(PORTS.memcached, 'version\r\n')).toMatch(/^CLIENT_ERROR unauthenticated/);
    expect(await rawExchange(PORTS.memcached, authRequest('keyspace', 'wrong'))).toMatch(
      /^CLIENT_ERROR authentication failure/,
    );
    await expect(memcachedVersion(`memcached://keyspace:wrong@127.0.0.1:${PORTS.memcached}`)).rejects.toThrow(
      /authentication failure/,
    );
    await server.stop();
    expect(isProcessAlive(server.pid)).toBe(false);
  });

  it("dies with an owner that exits, and is reaped at the next start after its owner's SIGKILL", async () => {
    const dir = folder('memcached-owner');
    const owner = async (how: 'exit' | 'stay') => {
      const { child, exited, info } = await startOwnerProcess<{ pid: number; url: string }>(
        path.join(import.meta.dirname, 'memcached-owner.fixture.ts'),
        [how, String(PORTS.memcached), dir, memcached],
      );
      return { child, exited, ...info };
    };

    const exiting = await owner('exit');
    await exiting.exited;
    expect(await processGone(exiting.pid)).toBe(true);

    const killed = await owner('stay');
    killed.child.kill('SIGKILL');
    await killed.exited;
    // SIGKILL runs no exit hook: memcached outlives its owner, holding the port, until the next start.
    expect(isProcessAlive(killed.pid)).toBe(true);
    const next = await startMemcached({ port: PORTS.memcached, dir }, memcached);
    running.push(next);
    expect(await processGone(killed.pid)).toBe(true);
    expect(next.pid).not.toBe(killed.pid);
    expect(await memcachedVersion(next.url)).toMatch(/^1\.6\./);
    await expect(memcachedVersion(killed.url)).rejects.toThrow(/authentication failure/);
  });
});

describe('a stack with the engines', () => {
  const root = path.resolve(import.meta.dirname, '../..');

  it('runs without an engine it cannot start, and says why; starts nothing for an engine given a URL', async () => {
    const external = 'memcached://keyspace:elsewhere@127.0.0.1:11211';
    const env = { ...process.env, KEYSPACE_REDIS_URL: '', KEYSPACE_MEMCACHED_URL: external };
    const withExternal = await startLocalStack({
      projectRoot: root,
      profile: 'server-test',
      servers: [],
      valkeyServer: null,
      engines: { redis: redisServer, memcached: '/nonexistent/memcached' },
      env,
    });
    try {
      expect(withExternal.engineUrls).toEqual({
        redis: expect.stringMatching(new RegExp(`^redis://keyspace:\\w+@127\\.0\\.0\\.1:${PORTS.redis}$`)),
        memcached: external,
      });
      expect(withExternal.unavailableEngines).toEqual({});
    } finally {
      await withExternal.stop();
    }

    const missing = await startLocalStack({
      projectRoot: root,
      profile: 'server-test',
      servers: [],
      valkeyServer: null,
      engines: { redis: null, memcached: '/nonexistent/memcached' },
      env: { ...env, KEYSPACE_MEMCACHED_URL: '' },
    });
    expect(missing.engineUrls).toEqual({});
    expect(missing.unavailableEngines).toEqual({
      redis: 'redis-server was not found',
      memcached: expect.stringContaining('memcached did not become ready (it exited)'),
    });
    await missing.stop();
  });
});
