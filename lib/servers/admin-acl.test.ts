/**
 * L7 (issue 10): the app's admin user runs only the commands the app uses, per server, and its
 * connections cannot be evicted under maxmemory-clients. On the shared test servers, through the
 * app's own connections.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeValkeyClients, getValkey } from '@/lib/valkey/connections';
import { ADMIN_COMMANDS, renderConfig, roleInstance } from './local-server';

afterAll(closeValkeyClients);

const ROLES = ['sandbox', 'app'] as const;

describe('the admin user', () => {
  it.each(ROLES)('has only the listed commands on the %s server', (role) => {
    const config = renderConfig(roleInstance(role, 7000, '/tmp/keyspace-acl'), 'secret');
    const rule = config.split('\n').find((line) => line.startsWith('user keyspace '))!;
    expect(rule).not.toMatch(/\+@all/);
    expect(rule).toContain(' -@all ');
    for (const command of ADMIN_COMMANDS[role]) expect(rule).toContain(` +${command}`);
  });

  it.each(ROLES)('is refused server administration on the %s server', async (role) => {
    const valkey = await getValkey(role);
    for (const command of [
      // Each is harmless even where allowed (the default value, a read), so the test cannot damage a server.
      ['CONFIG', 'SET', 'maxmemory-samples', '5'],
      ['ACL', 'LIST'],
      ['SLOWLOG', 'GET'],
      ['FUNCTION', 'LIST'],
      ['CLIENT', 'LIST'],
      ['SCRIPT', 'EXISTS', '0'],
      ['SAVE'],
      ['OBJECT', 'ENCODING', 'no-such-key'],
    ])
      await expect(valkey.call(command[0]!, ...command.slice(1)), command.join(' ')).rejects.toThrow(/^NOPERM/);
  });

  it.each(ROLES)('keeps its connection to the %s server out of client eviction (CLIENT NO-EVICT)', async (role) => {
    const valkey = await getValkey(role);
    // The flag is set on 'ready'; give the reply a moment on a loaded machine.
    for (let i = 0; i < 50 && !/flags=\S*e/.test(String(await valkey.call('CLIENT', 'INFO'))); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(String(await valkey.call('CLIENT', 'INFO'))).toMatch(/ flags=\S*e\S* /);
  });
});
