/** The client address that rate limits count by (finding M1 of issue 10), and its socket hook. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '@/instrumentation';
import { addressGroup, clientAddress, MAX_HEADER_CHARS, normalizeAddress } from '@/lib/http/client-address';
import { PEER_ADDRESS_HEADER } from '@/lib/http/peer-address';
import { setEnv, withEnv } from '@/lib/testing/env';

// As a Next server process starts: instrumentation.ts installs the peer-address hook.
beforeAll(() => withEnv({ NEXT_RUNTIME: 'nodejs' }, register));
afterAll(() => setEnv({ KEYSPACE_TRUST_PROXY: undefined, KEYSPACE_TRUSTED_PROXIES: undefined }));

const address = (peer: string | undefined, forwardedFor?: string) =>
  clientAddress(
    new Headers({
      ...(peer === undefined ? {} : { [PEER_ADDRESS_HEADER]: peer }),
      ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
    }),
  );

describe('clientAddress without a trusted proxy', () => {
  it("is the socket's address, whatever X-Forwarded-For says", () => {
    expect(address('203.0.113.7', '10.0.0.1')).toBe('203.0.113.7');
    expect(address('203.0.113.7', '1.1.1.1, 2.2.2.2')).toBe('203.0.113.7');
    expect(address('::ffff:127.0.0.1', '9.9.9.9')).toBe('127.0.0.1');
  });

  it('groups IPv6 addresses by /64', () => {
    expect(address('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(address('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(address('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('2001:db8::1.2.3.4')).toBe('2001:db8:0:0::/64');
  });

  it('normalizes ports, brackets and zones, and refuses what is not an address', () => {
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('192.0.2.1:8080')).toBe('192.0.2.1');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('x'.repeat(8000))).toBeNull();
    expect(normalizeAddress('unknown')).toBeNull();
  });
});

describe('clientAddress behind KEYSPACE_TRUST_PROXY', () => {
  it('takes the right-most entry that is not a trusted proxy, not the first', async () => {
    await withEnv({ KEYSPACE_TRUST_PROXY: '1', KEYSPACE_TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8' }, async () => {
      // nginx ($proxy_add_x_forwarded_for) appends the address it saw after what the client sent.
      expect(address('127.0.0.1', '6.6.6.6, 198.51.100.4')).toBe('198.51.100.4');
      expect(address('127.0.0.1', '6.6.6.6, 198.51.100.4, 10.1.2.3')).toBe('198.51.100.4');
      // A peer that is not a trusted proxy is the client itself, whatever it sends.
      expect(address('198.51.100.9', '6.6.6.6')).toBe('198.51.100.9');
      // Garbage where an address should be counts against the proxy that passed it on.
      expect(address('127.0.0.1', `6.6.6.6, ${'a'.repeat(300)}`)).toBe('127.0.0.1');
      expect(address('127.0.0.1', '2001:db8:5:6::1')).toBe('2001:db8:5:6::/64');
    });
  });

  it('reads only the right end of a long header', async () => {
    await withEnv({ KEYSPACE_TRUST_PROXY: '1', KEYSPACE_TRUSTED_PROXIES: '127.0.0.1' }, async () => {
      const padding = Array.from({ length: 2_000 }, (_, i) => `10.${i >> 8}.${i & 255}.1`).join(', ');
      expect(padding.length).toBeGreaterThan(MAX_HEADER_CHARS * 10);
      expect(address('127.0.0.1', `${padding}, 198.51.100.4`)).toBe('198.51.100.4');
      // Every entry a trusted proxy: the left-most one read, never one outside the last 512 characters.
      expect(address('127.0.0.1', `${'1.2.3.4, '.repeat(1_000)}127.0.0.1`)).toBe('1.2.3.4');
    });
  });
});

describe('the peer-address hook', () => {
  it("stamps each request with its socket's address, over a forged X-Forwarded-For and a forged stamp", async () => {
    const server = http.createServer((request, response) => {
      response.end(clientAddress(new Headers(request.headers as Record<string, string>)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { 'x-forwarded-for': '6.6.6.6', [PEER_ADDRESS_HEADER]: '7.7.7.7' },
      });
      expect(await response.text()).toBe('127.0.0.1');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
