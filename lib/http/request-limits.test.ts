/**
 * What every state-changing request must pass before a route does any work, called through real
 * routes on real Valkey: a body read with a byte counter that stops at the route's limit (413), a
 * JSON Content-Type (415) and, when the browser sends one, an Origin that is the app's own (403).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { POST as exec } from '@/app/api/sandbox/exec/route';
import { POST as reset } from '@/app/api/sandbox/reset/route';
import { POST as readLesson } from '@/app/api/progress/lessons/[slug]/route';
import { contentLibrary } from '@/lib/content/lessons';
import { callApi, postJson } from '@/lib/http/api-client';
import { LEARNER_COOKIE } from '@/lib/sandbox/learner';
import { withEnv } from '@/lib/testing/env';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';

afterAll(closeValkeyClients);

const EXEC_URL = 'http://localhost/api/sandbox/exec';
const CHUNK_BYTES = 64 * 1024;

/** A chunked upload of `totalBytes` spaces that counts how many bytes the server pulled from it. */
function countingUpload(totalBytes: number) {
  const pulled = { bytes: 0, cancelled: false };
  const chunk = new Uint8Array(CHUNK_BYTES).fill(0x20);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled.bytes >= totalBytes) return controller.close();
        pulled.bytes += chunk.byteLength;
        controller.enqueue(chunk.slice());
      },
      cancel() {
        pulled.cancelled = true;
      },
    },
    // No read-ahead of our own: every byte counted was asked for by the server.
    { highWaterMark: 0 },
  );
  return { stream, pulled };
}

function post(url: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): NextRequest {
  return new NextRequest(url, { method: 'POST', duplex: 'half', ...init } as ConstructorParameters<
    typeof NextRequest
  >[1]);
}

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('request bodies are read up to their limit, never past it (M4)', () => {
  it('cuts off a chunked upload with no Content-Length at the limit: 413, the rest never read', async () => {
    const total = 64 * 1024 * 1024;
    const { stream, pulled } = countingUpload(total);
    const started = performance.now();
    const response = await exec(post(EXEC_URL, { body: stream, headers: { 'content-type': 'application/json' } }));
    const elapsedMs = performance.now() - started;
    const { status, body } = await answer(response);
    expect(status).toBe(413);
    expect(body).toMatchObject({
      ok: false,
      code: 'payload_too_large',
      error: expect.stringMatching(/limit is \d+ KB/),
    });
    // The exec limit is about 97 KB: the server may read a chunk or two of read-ahead past it, not 64 MB.
    expect(pulled.bytes).toBeLessThan(512 * 1024);
    expect(pulled.bytes).toBeLessThan(total);
    expect(response.headers.get('connection')).toBe('close');
    console.info(`64 MB chunked upload: refused after ${pulled.bytes} bytes pulled, in ${elapsedMs.toFixed(0)} ms`);
  });

  it('refuses a Content-Length over the limit before reading a byte', async () => {
    const { stream, pulled } = countingUpload(2 * 1024 * 1024);
    const response = await exec(
      post(EXEC_URL, {
        body: stream,
        headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      }),
    );
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBe(0);
  });

  it('still reads a body under the limit in full', async () => {
    const { status, body } = await answer(
      await exec(learnerRequest('/api/sandbox/exec', undefined, { command: 'PING' })),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, text: 'PONG' });
  });
});

describe('state-changing requests must be JSON and same-origin (L5)', () => {
  const pingBody = JSON.stringify({ command: 'PING' });

  it('refuses a body that is not sent as application/json with 415, and issues no cookie', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await exec(post(EXEC_URL, { body: pingBody, headers: { 'content-type': contentType } }));
      const { status, body } = await answer(response);
      expect(status, contentType).toBe(415);
      expect(body).toMatchObject({
        ok: false,
        code: 'unsupported_media_type',
        error: expect.stringContaining('application/json'),
      });
      expect(issuedCookie(response)).toBeUndefined();
    }
    expect((await exec(post(EXEC_URL, { body: pingBody }))).status, 'no Content-Type').toBe(415);
  });

  it('accepts application/json with a charset', async () => {
    const response = await exec(
      post(EXEC_URL, { body: pingBody, headers: { 'content-type': 'application/json; charset=utf-8' } }),
    );
    expect(response.status).toBe(200);
  });

  it('refuses another origin with 403 and allows the same origin or none (curl, scripts)', async () => {
    const json = { 'content-type': 'application/json' };
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'http://localhost:4000', 'null']) {
      const response = await exec(post(EXEC_URL, { body: pingBody, headers: { ...json, origin } }));
      const { status, body } = await answer(response);
      expect(status, origin).toBe(403);
      expect(body).toMatchObject({ ok: false, code: 'forbidden' });
      expect(issuedCookie(response)).toBeUndefined();
    }
    expect(
      (await exec(post(EXEC_URL, { body: pingBody, headers: { ...json, origin: 'http://localhost' } }))).status,
    ).toBe(200);
    expect((await exec(post(EXEC_URL, { body: pingBody, headers: json }))).status).toBe(200);
  });

  it('compares Origin with the Host the browser addressed, not the address Next.js listens on', async () => {
    // Next.js builds request.url from its --hostname and --port; the browser's Host may differ.
    const url = 'http://127.0.0.1:3000/api/sandbox/exec';
    const headers = { 'content-type': 'application/json', host: 'keyspace.example:3000' };
    const from = (origin: string, extra: Record<string, string> = {}) =>
      exec(post(url, { body: pingBody, headers: { ...headers, origin, ...extra } })).then((r) => r.status);
    expect(await from('https://keyspace.example:3000')).toBe(200);
    // NextRequest also rewrites 127.0.0.1 in its URL to localhost; the Host header keeps what the browser sent.
    expect(await from('http://127.0.0.1:3000', { host: '127.0.0.1:3000' })).toBe(200);
    expect(await from('https://evil.keyspace.example')).toBe(403);
    // X-Forwarded-Host counts only behind a trusted proxy (KEYSPACE_TRUST_PROXY=1).
    expect(await from('https://evil.example', { 'x-forwarded-host': 'evil.example' })).toBe(403);
    await withEnv({ KEYSPACE_TRUST_PROXY: '1' }, async () => {
      expect(await from('https://keyspace.example', { 'x-forwarded-host': 'keyspace.example' })).toBe(200);
    });
  });

  it('protects the POST routes that take no body the same way', async () => {
    const cookie = issuedCookie(await exec(learnerRequest('/api/sandbox/exec', undefined, { command: 'SET csrf 1' })));
    expect(cookie).toBeDefined();
    const lesson = contentLibrary().lessons[0]!.slug;
    const targets: [string, (request: NextRequest) => Promise<Response>][] = [
      ['http://localhost/api/sandbox/reset', (request) => reset(request)],
      [
        `http://localhost/api/progress/lessons/${lesson}`,
        (request) => readLesson(request, { params: Promise.resolve({ slug: lesson }) }),
      ],
    ];
    for (const [url, route] of targets) {
      const crossSite = await route(
        post(url, {
          headers: {
            origin: 'https://evil.example',
            'content-type': 'application/json',
            cookie: `${LEARNER_COOKIE}=${cookie}`,
          },
        }),
      );
      expect(crossSite.status, url).toBe(403);
      const formPost = await route(post(url, { headers: { 'content-type': 'text/plain' } }));
      expect(formPost.status, url).toBe(415);
    }
    // The refused resets left the key in place; the app's own client's reset removes it.
    const get = await exec(learnerRequest('/api/sandbox/exec', cookie, { command: 'GET csrf' }));
    expect(((await get.json()) as { text: string }).text).toBe('"1"');
    const own = await reset(learnerRequest('/api/sandbox/reset', cookie, '', { origin: 'http://localhost' }));
    expect(own.status).toBe(200);
  });
});

describe("the app's own browser client", () => {
  it('sends every POST as application/json, also those without a body', async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers['content-type']);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await callApi(`${base}/reset`, { method: 'POST' });
      await callApi(`${base}/exec`, postJson({ command: 'PING' }));
      await callApi(`${base}/keys`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(seen).toEqual(['application/json', 'application/json', undefined]);
  });
});
