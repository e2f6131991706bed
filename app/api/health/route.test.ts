import { afterEach, describe, expect, inject, it } from 'vitest';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { isPortFree } from '@/lib/servers/local-server';
import { GET } from './route';
import { setEnv } from '@/lib/testing/env';
import { portsOf } from '@/lib/servers/ports';

afterEach(async () => {
  await closeValkeyClients();
  setEnv({ KEYSPACE_SANDBOX_URL: inject('sandboxUrl'), KEYSPACE_APP_URL: inject('appUrl') });
});

describe('GET /api/health', () => {
  it('answers 200 with the version of each Valkey it reached', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      ok: boolean;
      servers: { role: string; ok: boolean; engine: string; version: string }[];
    };
    expect(body.ok).toBe(true);
    expect(body.servers.map((server) => server.role)).toEqual(['sandbox', 'app']);
    for (const server of body.servers) {
      expect(server).toMatchObject({ ok: true, engine: 'valkey' });
      expect(server.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('answers 503 naming the server that is down, without leaking its password', async () => {
    const deadPort = portsOf('test').unusedApp;
    expect(await isPortFree(deadPort)).toBe(true);
    setEnv({ KEYSPACE_APP_URL: `redis://keyspace:secret-password@127.0.0.1:${deadPort}` });
    const response = await GET();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).not.toContain('secret-password');
    const body = JSON.parse(text) as { ok: boolean; message: string; servers: { role: string; ok: boolean }[] };
    expect(body.ok).toBe(false);
    expect(body.message).toContain("app's data");
    expect(body.message).toContain(`127.0.0.1:${deadPort}`);
    expect(body.servers.find((server) => server.role === 'sandbox')?.ok).toBe(true);
  });
});
