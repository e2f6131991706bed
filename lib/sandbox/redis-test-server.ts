/**
 * The Redis OSS server the Redis-engine tests run on. Vitest's global setup provides one
 * (`redisUrl`, exported as KEYSPACE_REDIS_URL by lib/testing/valkey-env.ts); until that setup
 * starts it, a test file starts its own here (on the port it names: files run side by side), configured as the
 * sandbox Valkey is: no persistence, `default` off, an admin user limited to the sandbox's admin
 * commands (ADMIN_COMMANDS.sandbox).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { ADMIN_COMMANDS, ADMIN_USER, SERVER_SETTINGS } from '@/lib/servers/local-server';
import { portsOf } from '@/lib/servers/ports';
import { setEnv } from '@/lib/testing/env';

export interface RedisTestServer {
  url: string;
  stop(): Promise<void>;
}

/** KEYSPACE_REDIS_URL when the global setup set it, else a server of this file's own on `port`. */
export async function redisForTests(port: number = portsOf('test').redis): Promise<RedisTestServer> {
  const provided = process.env.KEYSPACE_REDIS_URL;
  if (provided) return { url: provided, stop: async () => {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyspace-redis-engine-'));
  const password = randomBytes(16).toString('hex');
  const admin = ['-@all', ...ADMIN_COMMANDS.sandbox.map((command) => `+${command}`)].join(' ');
  writeFileSync(
    path.join(dir, 'redis.conf'),
    [
      'bind 127.0.0.1',
      `port ${port}`,
      `dir ${dir}`,
      'save ""',
      'appendonly no',
      'databases 1',
      // The sandbox Valkey's limits (Redis OSS 7.0 knows each of them).
      ...SERVER_SETTINGS.sandbox.config.filter((line) => !/^(save|appendonly|maxclients) /.test(line)),
      'user default off resetkeys resetchannels -@all',
      `user ${ADMIN_USER} on >${password} ~* &* ${admin}`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('redis-server', [path.join(dir, 'redis.conf')], { stdio: 'ignore' });
  const url = `redis://${ADMIN_USER}:${password}@127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => {});
    const up = await probe.connect().then(
      () => probe.ping().then((pong) => pong === 'PONG'),
      () => false,
    );
    probe.disconnect();
    if (up) break;
    if (attempt > 100 || child.exitCode !== null) throw new Error(`redis-server on ${port} did not start`);
    await sleep(50);
  }
  setEnv({ KEYSPACE_REDIS_URL: url });
  return {
    url,
    async stop() {
      setEnv({ KEYSPACE_REDIS_URL: undefined });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
