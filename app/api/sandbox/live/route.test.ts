/**
 * GET /api/sandbox/live as Next.js calls it, on real Valkey and Redis OSS: the stream opens with
 * `ready`, carries a message published by another console of the same learner on the same engine,
 * and its abort or idle end closes the subscriber connection (the channel loses its subscriber).
 */
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { LEARNER_COOKIE } from '@/lib/sandbox/learner';
import { closeLiveConsoles } from '@/lib/sandbox/live/live-consoles';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { withEnv } from '@/lib/testing/env';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { POST } from '../exec/route';
import { GET } from './route';

afterAll(async () => {
  closeLiveConsoles();
  await closeValkeyClients();
});

async function exec(command: string, cookie: string | undefined, consoleId?: string, engine?: 'redis') {
  const response = await POST(learnerRequest('/api/sandbox/exec', cookie, { command, console: consoleId, engine }));
  return { response, body: (await response.json()) as { text: string; subscribeMode?: boolean } };
}

/** Reads Server-Sent Events from a response body until `until` matches one (or the stream ends). */
async function readEvents(response: Response, until: (event: string, data: string) => boolean) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { event: string; data: string }[] = [];
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      events.push({ event, data });
      if (until(event, data)) {
        reader.releaseLock();
        return events;
      }
    }
  }
  return events;
}

function liveRequest(consoleId: string, cookie: string, signal?: AbortSignal, engine?: string): NextRequest {
  const query = engine === undefined ? '' : `&engine=${engine}`;
  return new NextRequest(`http://localhost/api/sandbox/live?console=${consoleId}${query}`, {
    headers: { cookie: `${LEARNER_COOKIE}=${cookie}` },
    signal,
  });
}

describe('GET /api/sandbox/live', () => {
  it('refuses a missing or malformed console id', async () => {
    const response = await GET(learnerRequest('/api/sandbox/live?console=x'));
    expect(response.status).toBe(400);
  });

  it('refuses an engine that is not one, and Memcached (no pub/sub), with a 400 that says why', async () => {
    const cookie = issuedCookie((await exec('PING', undefined)).response)!;
    const bogus = await GET(liveRequest('routetest04', cookie, undefined, 'mongo'));
    expect(bogus.status).toBe(400);
    expect(await bogus.json()).toMatchObject({
      error: 'Invalid query: "engine": must be one of valkey, redis, memcached.',
    });
    const memcached = await GET(liveRequest('routetest04', cookie, undefined, 'memcached'));
    expect(memcached.status).toBe(400);
    expect(await memcached.json()).toMatchObject({
      error: 'Invalid query: "engine": live pub/sub runs on valkey and redis; Memcached has no pub/sub.',
    });
  });

  it('streams on Redis OSS with ?engine=redis: a Redis PUBLISH arrives, a Valkey one does not', async () => {
    const cookie = issuedCookie((await exec('PING', undefined)).response)!;
    const controller = new AbortController();
    const response = await GET(liveRequest('routetest05', cookie, controller.signal, 'redis'));
    expect(response.status).toBe(200);
    const stream = response.clone();
    await readEvents(response, (event) => event === 'ready');
    expect((await exec('SUBSCRIBE news', cookie, 'routetest05', 'redis')).body).toMatchObject({
      text: '1) "subscribe"\n2) "news"\n3) (integer) 1',
      subscribeMode: true,
    });
    // The console's stream is on Redis OSS: on Valkey it has none, and nobody listens there.
    expect((await exec('PUBLISH news valkey', cookie, 'routetest06')).body.text).toBe('(integer) 0');
    expect((await exec('PUBLISH news redis', cookie, 'routetest06', 'redis')).body.text).toBe('(integer) 1');
    const events = await readEvents(stream, (event) => event === 'message');
    expect(events.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data) as unknown)).toEqual([
      { text: '1) "message"\n2) "news"\n3) "redis"' },
    ]);
    controller.abort();
    await expect
      .poll(async () => (await exec('PUBSUB NUMSUB news', cookie, undefined, 'redis')).body.text, { interval: 20 })
      .toBe('1) "news"\n2) (integer) 0');
  });

  it('streams a message from the learner’s other console, and its abort ends the subscription', async () => {
    const cookie = issuedCookie((await exec('PING', undefined)).response)!;
    const controller = new AbortController();
    const response = await GET(liveRequest('routetest01', cookie, controller.signal));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toMatch(/no-cache/);
    const stream = response.clone();
    expect((await readEvents(response, (event) => event === 'ready')).at(-1)?.event).toBe('ready');
    const subscribed = await exec('SUBSCRIBE news', cookie, 'routetest01');
    expect(subscribed.body).toMatchObject({ text: '1) "subscribe"\n2) "news"\n3) (integer) 1', subscribeMode: true });
    expect((await exec('PUBLISH news hi', cookie, 'routetest02')).body.text).toBe('(integer) 1');
    const events = await readEvents(stream, (event) => event === 'message');
    expect(JSON.parse(events.at(-1)!.data)).toEqual({ text: '1) "message"\n2) "news"\n3) "hi"' });
    controller.abort();
    await expect
      .poll(async () => (await exec('PUBSUB NUMSUB news', cookie)).body.text, { interval: 20 })
      .toBe('1) "news"\n2) (integer) 0');
  });

  it('ends an idle stream with an end event that says why', async () => {
    const cookie = issuedCookie((await exec('PING', undefined)).response)!;
    await withEnv({ KEYSPACE_SANDBOX_LIVE_IDLE_SECONDS: '0.2' }, async () => {
      const response = await GET(liveRequest('routetest03', cookie));
      const events = await readEvents(response, (event) => event === 'end');
      expect(events.map((e) => e.event)).toEqual(['ready', 'end']);
      expect(events.at(-1)!.data).toMatch(/closed after 0.2 s without a command or a message/);
    });
  });
});
