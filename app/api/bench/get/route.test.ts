/**
 * POST /api/bench/get exists only in a build made for benchmarks (L3): next.config.mjs turns
 * KEYSPACE_BENCH_ROUTES=1 at `next build` time into BENCH_ROUTES_BUILT=1 in the bundle. Vitest does
 * not bundle, so these tests set BENCH_ROUTES_BUILT as the build would have inlined it.
 */
import Redis from 'ioredis';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { setEnv } from '@/lib/testing/env';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { POST } from './route';

afterEach(() => setEnv({ BENCH_ROUTES_BUILT: undefined, KEYSPACE_BENCH_ROUTES: undefined }));
afterAll(closeValkeyClients);

/** A POST whose body counts whether the route read it. */
function benchRequest(key: string) {
  const read = { bytes: 0 };
  const payload = new TextEncoder().encode(JSON.stringify({ key }));
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        read.bytes += payload.byteLength;
        controller.enqueue(payload);
        controller.close();
      },
    },
    // Nothing is pulled until the route reads.
    { highWaterMark: 0 },
  );
  const request = new NextRequest('http://localhost/api/bench/get', {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { 'content-type': 'application/json' },
  } as ConstructorParameters<typeof NextRequest>[1]);
  return { request, read };
}

describe('POST /api/bench/get', () => {
  it('is 404 and does no work in a build not made for benchmarks, whatever the runtime environment', async () => {
    setEnv({ BENCH_ROUTES_BUILT: undefined, KEYSPACE_BENCH_ROUTES: '1' });
    const { request, read } = benchRequest('k:0');
    const response = await POST(request);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, code: 'not_found' });
    expect(read.bytes, 'the body is not read').toBe(0);
  });

  it('is 404 in a benchmark build started without KEYSPACE_BENCH_ROUTES=1', async () => {
    setEnv({ BENCH_ROUTES_BUILT: '1', KEYSPACE_BENCH_ROUTES: '0' });
    const { request, read } = benchRequest('k:0');
    expect((await POST(request)).status).toBe(404);
    expect(read.bytes).toBe(0);
  });

  it('reads bench:<key> from the sandbox Valkey in a benchmark build', async () => {
    const admin = new Redis(inject('sandboxUrl'));
    try {
      await admin.set('bench:route-test', 'baseline');
      setEnv({ BENCH_ROUTES_BUILT: '1', KEYSPACE_BENCH_ROUTES: '1' });
      const { request } = benchRequest('route-test');
      const response = await POST(request);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, value: 'baseline' });
    } finally {
      await admin.del('bench:route-test');
      admin.disconnect();
    }
  });
});
