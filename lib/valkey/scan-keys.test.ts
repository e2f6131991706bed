import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scanKeys } from './scan-keys';

const prefix = `scan-keys-test:${process.pid}:`;
let client: Redis;

async function collect<T>(pages: AsyncGenerator<T[]>): Promise<{ keys: T[]; pages: number }> {
  const keys: T[] = [];
  let count = 0;
  for await (const page of pages) {
    expect(page.length, 'no empty page').toBeGreaterThan(0);
    keys.push(...page);
    count += 1;
  }
  return { keys, pages: count };
}

beforeAll(async () => {
  client = new Redis(inject('appUrl'));
  const pipeline = client.pipeline();
  for (let i = 0; i < 250; i++) pipeline.set(`${prefix}k${i}`, '1');
  pipeline.set(Buffer.concat([Buffer.from(`${prefix}bytes:`), Buffer.from([0xff, 0x00])]), '1');
  pipeline.set(`${prefix.slice(0, -1)}-outside`, '1');
  await pipeline.exec();
});

afterAll(async () => {
  for await (const page of scanKeys(client, Buffer.from(`${prefix.slice(0, -1)}*`))) await client.unlink(...page);
  client.disconnect();
});

describe('scanKeys on a real server', () => {
  it('yields every matching key once, and only those', async () => {
    const { keys } = await collect(scanKeys(client, `${prefix}k*`));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Array.from({ length: 250 }, (_, i) => `${prefix}k${i}`).sort());
  });

  it('walks in pages of about `count` keys', async () => {
    const { keys, pages } = await collect(scanKeys(client, `${prefix}k*`, { count: 10 }));
    expect(keys).toHaveLength(250);
    expect(pages).toBeGreaterThan(5);
  });

  it('stops after the page that reaches the limit', async () => {
    const { keys, pages } = await collect(scanKeys(client, `${prefix}k*`, { count: 10, limit: 30 }));
    expect(keys.length).toBeGreaterThanOrEqual(30);
    expect(keys.length).toBeLessThan(250);
    expect(pages).toBeLessThan(25);
  });

  it('returns bytes for a Buffer pattern, so keys that are not UTF-8 survive', async () => {
    const { keys } = await collect(scanKeys(client, Buffer.from(`${prefix}bytes:*`)));
    expect(keys).toEqual([Buffer.concat([Buffer.from(`${prefix}bytes:`), Buffer.from([0xff, 0x00])])]);
  });

  it('yields nothing when no key matches', async () => {
    expect(await collect(scanKeys(client, `${prefix}none:*`))).toEqual({ keys: [], pages: 0 });
  });
});
