import { afterEach, describe, expect, inject, it } from 'vitest';
import { POST as exec } from '@/app/api/sandbox/exec/route';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { isPortFree } from '@/lib/servers/local-server';
import { learnerRequest } from '@/lib/testing/http';
import { GET } from './route';
import { setEnv } from '@/lib/testing/env';
import { portsOf } from '@/lib/servers/ports';

afterEach(async () => {
  await closeValkeyClients();
  setEnv({
    KEYSPACE_SANDBOX_URL: inject('sandboxUrl'),
    KEYSPACE_APP_URL: inject('appUrl'),
    KEYSPACE_REDIS_URL: inject('redisUrl'),
    KEYSPACE_MEMCACHED_URL: inject('memcachedUrl'),
    KEYSPACE_HEALTH_DETAIL: undefined,
  });
});

const health = () => GET();

interface PublicHealth {
  ok: boolean;
  message: string;
  servers: Record<string, unknown>[];
  engines: Record<'valkey' | 'redis' | 'memcached', { ok: boolean; version?: string; error?: string }>;
}

/** Redis OSS and Memcached URLs at unused ports (the tests' own spares), with passwords never to be shown. */
async function stopOtherEngines(): Promise<number[]> {
  const { unusedSandbox, unusedApp } = portsOf('test');
  expect(await isPortFree(unusedSandbox)).toBe(true);
  expect(await isPortFree(unusedApp)).toBe(true);
  setEnv({
    KEYSPACE_REDIS_URL: `redis://keyspace:secret-password@127.0.0.1:${unusedSandbox}`,
    KEYSPACE_MEMCACHED_URL: `memcached://keyspace:secret-password@127.0.0.1:${unusedApp}`,
  });
  return [unusedSandbox, unusedApp];
}

/** A dead app-data server on an unused port, with a password that must never be shown. */
async function killAppServer(): Promise<number> {
  const deadPort = portsOf('test').unusedApp;
  expect(await isPortFree(deadPort)).toBe(true);
  setEnv({ KEYSPACE_APP_URL: `redis://keyspace:secret-password@127.0.0.1:${deadPort}` });
  return deadPort;
}

describe('GET /api/health, public view (the default)', () => {
  it('answers 200 with ok per role, each engine and its version, and nothing about where the servers are', async () => {
    const response = await health();
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as PublicHealth;
    expect(body).toEqual({
      ok: true,
      message: 'All servers are reachable.',
      servers: [
        { role: 'sandbox', ok: true },
        { role: 'app', ok: true },
      ],
      engines: {
        valkey: { ok: true, version: expect.stringMatching(/^8\.\d+\.\d+$/) },
        redis: { ok: true, version: expect.stringMatching(/^7\.\d+\.\d+$/) },
        memcached: { ok: true, version: expect.stringMatching(/^1\.6\.\d+$/) },
      },
    });
    expect(text).not.toMatch(/127\.0\.0\.1|:\d{4}\b|valkey_version|"engine"|CVE|keyspace:/);
  });

  it('stays ok (200) with Redis OSS and Memcached down: only those engines are unavailable', async () => {
    const ports = await stopOtherEngines();
    const response = await health();
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const port of ports) expect(text).not.toContain(String(port));
    expect(text).not.toContain('secret-password');
    const body = JSON.parse(text) as PublicHealth;
    expect(body.ok).toBe(true);
    expect(body.engines).toEqual({
      valkey: { ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
      redis: { ok: false },
      memcached: { ok: false },
    });
  });

  it('answers 503 naming the role that is down, without host:port, password or error text', async () => {
    const deadPort = await killAppServer();
    const response = await health();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).not.toContain('secret-password');
    expect(text).not.toContain(String(deadPort));
    expect(text).not.toContain('127.0.0.1');
    const body = JSON.parse(text) as PublicHealth;
    expect(body.ok).toBe(false);
    expect(body.message).toBe("The app's data Valkey is unavailable.");
    expect(body.servers).toEqual([
      { role: 'sandbox', ok: true },
      { role: 'app', ok: false },
    ]);
  });
});

describe('GET /api/health with KEYSPACE_HEALTH_DETAIL=1 (operators)', () => {
  it('adds each server’s endpoint, engine and version, and the sandbox guards', async () => {
    setEnv({ KEYSPACE_HEALTH_DETAIL: '1' });
    const response = await health();
    expect(response.status).toBe(200);
    const body = (await response.json()) as PublicHealth & { sandboxGuards: Record<string, string> };
    expect(body.servers.map((server) => server.role)).toEqual(['sandbox', 'app']);
    for (const server of body.servers) {
      expect(server).toMatchObject({ ok: true, engine: 'valkey', endpoint: expect.stringMatching(/:\d+$/) });
      expect(server.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(Object.keys(body.sandboxGuards).length).toBeGreaterThan(0);
    expect(body.engines.redis).toEqual({ ok: true, version: expect.stringMatching(/^7\./) });
  });

  it('says why an engine is down, still without its password', async () => {
    setEnv({ KEYSPACE_HEALTH_DETAIL: '1' });
    await stopOtherEngines();
    const response = await health();
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('secret-password');
    const body = JSON.parse(text) as PublicHealth;
    expect(body.engines.redis).toMatchObject({
      ok: false,
      error: expect.stringContaining('Redis OSS server is unavailable'),
    });
    expect(body.engines.memcached).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Memcached server is unavailable: .*ECONNREFUSED/),
    });
  });

  it('says where the server that is down was expected, still without its password', async () => {
    setEnv({ KEYSPACE_HEALTH_DETAIL: '1' });
    const deadPort = await killAppServer();
    const response = await health();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).not.toContain('secret-password');
    const body = JSON.parse(text) as PublicHealth;
    expect(body.message).toContain(`127.0.0.1:${deadPort}`);
    expect(body.servers.find((server) => server.role === 'app')).toMatchObject({
      ok: false,
      endpoint: `127.0.0.1:${deadPort}`,
    });
  });
});

describe('503 bodies of the other routes', () => {
  it('name the role that is unavailable, not its host:port', async () => {
    const deadPort = portsOf('test').unusedSandbox;
    expect(await isPortFree(deadPort)).toBe(true);
    setEnv({ KEYSPACE_SANDBOX_URL: `redis://keyspace:secret-password@127.0.0.1:${deadPort}` });
    const response = await exec(learnerRequest('/api/sandbox/exec', undefined, { command: 'PING' }));
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toContain('The sandbox Valkey is unavailable');
    expect(text).not.toContain(String(deadPort));
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('secret-password');
  });
});
