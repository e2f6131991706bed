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
    KEYSPACE_HEALTH_DETAIL: undefined,
  });
});

const health = () => GET();

interface PublicHealth {
  ok: boolean;
  message: string;
  servers: Record<string, unknown>[];
}

/** A dead app-data server on an unused port, with a password that must never be shown. */
async function killAppServer(): Promise<number> {
  const deadPort = portsOf('test').unusedApp;
  expect(await isPortFree(deadPort)).toBe(true);
  setEnv({ KEYSPACE_APP_URL: `redis://keyspace:secret-password@127.0.0.1:${deadPort}` });
  return deadPort;
}

describe('GET /api/health, public view (the default)', () => {
  it('answers 200 with ok per role and nothing about the servers themselves', async () => {
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
    });
    expect(text).not.toMatch(/\d+\.\d+\.\d+|127\.0\.0\.1|valkey_version|engine|CVE/);
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
