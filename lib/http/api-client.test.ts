/** The browser's API client against a real HTTP server: one wording for every failure. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, firstCallAlone, postJson } from './api-client';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) =>
      response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
    if (request.url === '/ok') return send(200, JSON.stringify({ ok: true, value: 1 }));
    if (request.url === '/refused') return send(200, JSON.stringify({ ok: false, error: 'ERR refused here.' }));
    if (request.url === '/busy') return send(429, '', { 'retry-after': '5' });
    if (request.url === '/down') return send(503, 'Service Unavailable');
    if (request.url === '/missing')
      return send(404, JSON.stringify({ ok: false, code: 'not_found', error: 'There is no such thing.' }));
    if (request.url === '/slow') return void setTimeout(() => send(200, '{"ok":true}'), 2_000);
    return send(500, '<html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('callApi', () => {
  it('resolves with the body, or with the server’s own message', async () => {
    expect(await callApi<{ value: number }>(`${base}/ok`, postJson({}))).toEqual({ ok: true, value: 1 });
    expect(await callApi(`${base}/refused`)).toEqual({ ok: false, error: 'ERR refused here.' });
    expect(await callApi(`${base}/missing`)).toEqual({ ok: false, error: 'There is no such thing.' });
  });

  it('says what a status means when the server sent no message, and when it could not be reached', async () => {
    expect(await callApi(`${base}/busy`)).toEqual({ ok: false, error: 'Too many requests. Try again in 5 seconds.' });
    expect(await callApi(`${base}/down`)).toEqual({
      ok: false,
      error: 'Keyspace cannot reach its database right now. Try again in a moment.',
    });
    expect(await callApi(`${base}/broken`)).toEqual({
      ok: false,
      error: 'The server answered with HTTP 500. Try again in a moment.',
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await callApi(`http://127.0.0.1:${closedPort}/ok`)).toEqual({
      ok: false,
      error: 'Could not reach Keyspace. Check your connection and try again.',
    });
  });

  it('rejects when the caller aborts, so a stale request can be dropped', async () => {
    const controller = new AbortController();
    const call = callApi(`${base}/slow`, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('firstCallAlone', () => {
  it('holds the calls a page fires at once until the first has its answer (and its cookie), then runs them together', async () => {
    const gate = firstCallAlone();
    const events: string[] = [];
    const call = (name: string, ms: number) => async () => {
      events.push(`${name} sent`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`${name} answered`);
      return name;
    };
    expect(await Promise.all([gate(call('first', 100)), gate(call('b', 10)), gate(call('c', 10))])).toEqual([
      'first',
      'b',
      'c',
    ]);
    expect(events.slice(0, 2)).toEqual(['first sent', 'first answered']);
    const later = [gate(call('d', 50)), gate(call('e', 10))];
    await Promise.all(later);
    expect(events.slice(-4)).toEqual(['d sent', 'e sent', 'e answered', 'd answered']);
  });

  it('lets the others go when the first call fails', async () => {
    const gate = firstCallAlone();
    const failing = gate(() => Promise.reject(new Error('unreachable')));
    const next = gate(() => Promise.resolve('ran'));
    await expect(failing).rejects.toThrow('unreachable');
    expect(await next).toBe('ran');
  });

  it('keeps calls one at a time until a call comes back with an identity, then runs them together', async () => {
    const gate = firstCallAlone((result) => result === 'identity');
    const events: string[] = [];
    const call =
      (name: string, ms: number, result = name) =>
      async () => {
        events.push(`${name} sent`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        events.push(`${name} answered`);
        return result;
      };
    // The first answers without an identity (a route that issues none): the second still goes alone.
    await Promise.all([
      gate(call('listing', 30)),
      gate(call('visit', 60, 'identity')),
      gate(call('run', 10)),
      gate(call('poll', 10)),
    ]);
    expect(events.slice(0, 4)).toEqual(['listing sent', 'listing answered', 'visit sent', 'visit answered']);
    expect(events.slice(4, 6)).toEqual(['run sent', 'poll sent']);
  });
});
