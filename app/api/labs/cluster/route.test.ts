/** The HTTP contract of the lab routes, called as Next.js calls them, on a real replication lab. */
import { setTimeout as sleep } from 'node:timers/promises';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { labManager } from '@/lib/labs/cluster/lab-service';
import { testLabSettings } from '@/lib/labs/cluster/testing';
import type { LabTopology } from '@/lib/labs/cluster/topology';
import { LEARNER_COOKIE } from '@/lib/sandbox/learner';
import { setEnv } from '@/lib/testing/env';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { POST as exec } from './exec/route';
import { POST as failover } from './failover/route';
import { POST as repair } from './repair/route';
import { POST as reshard } from './reshard/route';
import { DELETE, GET, POST } from './route';

// This file's own ports, and a cap of one lab so that a second learner meets it.
const settings = testLabSettings('routes');
setEnv({
  KEYSPACE_LAB_FIRST_PORT: String(settings.firstPort),
  KEYSPACE_LAB_PORT_COUNT: String(settings.portCount),
  KEYSPACE_LAB_MAX_LABS: '1',
});

afterAll(async () => {
  await labManager().close();
  await closeValkeyClients();
});

const json = async (response: Response) => (await response.json()) as Record<string, unknown>;
const remove = (cookie?: string) =>
  DELETE(
    new NextRequest('http://localhost/api/labs/cluster', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie: `${LEARNER_COOKIE}=${cookie}` } : {}) },
    }),
  );
let cookie: string | undefined;

describe('/api/labs/cluster', () => {
  it('answers 404 to a learner without a lab', async () => {
    const response = await GET(learnerRequest('/api/labs/cluster'));
    expect(response.status).toBe(404);
    expect(await json(response)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuses a body without a valid shape', async () => {
    const response = await POST(learnerRequest('/api/labs/cluster', undefined, { shape: 'big' }));
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatch(/"shape": must be "cluster" or "replication"/);
  });

  it('starts a replication lab and answers with its topology, then GET answers the same lab', async () => {
    const response = await POST(learnerRequest('/api/labs/cluster', undefined, { shape: 'replication' }));
    expect(response.status).toBe(200);
    cookie = issuedCookie(response);
    const topology = (await response.json()) as LabTopology;
    expect(topology.shape).toBe('replication');
    expect(topology.shards).toHaveLength(1);
    expect(topology.shards[0]?.nodes.map((node) => node.role)).toEqual(['primary', 'replica', 'replica']);
    expect(topology.endpoints.primary).toBe(topology.shards[0]?.nodes[0]?.address);
    expect(topology.events[0]?.text).toMatch(/^Primary with 2 replicas ready in \d+ ms$/);
    const again = await GET(learnerRequest('/api/labs/cluster', cookie));
    expect(again.status).toBe(200);
    expect(((await again.json()) as LabTopology).endpoints).toEqual(topology.endpoints);
  });

  it('runs commands on the primary and reader endpoints, naming the node that answered', async () => {
    const topology = (await (await GET(learnerRequest('/api/labs/cluster', cookie))).json()) as LabTopology;
    const run = async (command: string, mode: string, node?: string) =>
      json(await exec(learnerRequest('/api/labs/cluster/exec', cookie, { command, mode, node })));
    expect(await run('SET greeting hello', 'primary')).toMatchObject({
      ok: true,
      text: 'OK',
      node: topology.endpoints.primary,
    });
    expect(await run('WAIT 2 1000', 'primary')).toMatchObject({ text: '(integer) 2' });
    const read = await run('GET greeting', 'reader');
    expect(read).toMatchObject({ ok: true, text: '"hello"' });
    expect(topology.endpoints.reader).toContain(read.node);
    expect(await run('SET nope 1', 'reader')).toMatchObject({
      ok: false,
      text: "(error) READONLY You can't write against a read only replica.",
    });
    expect(await run('CONFIG GET *', 'primary')).toMatchObject({ ok: false });
    const clusterMode = await exec(
      learnerRequest('/api/labs/cluster/exec', cookie, { command: 'PING', mode: 'cluster' }),
    );
    expect(clusterMode.status).toBe(400);
    const foreign = await exec(
      learnerRequest('/api/labs/cluster/exec', cookie, { command: 'PING', mode: 'node', node: '127.0.0.1:6379' }),
    );
    expect(foreign.status).toBe(400);
    const reshardReplication = await reshard(
      learnerRequest('/api/labs/cluster/reshard', cookie, { from: 1, to: 2, slots: 10 }),
    );
    expect(reshardReplication.status).toBe(400);
    const nothingPaused = await reshard(learnerRequest('/api/labs/cluster/reshard', cookie, { resume: true }));
    expect(nothingPaused.status).toBe(400);
    expect((await json(nothingPaused)).error).toBe('No reshard of yours is paused: there is nothing to finish.');
    const badPause = await reshard(
      learnerRequest('/api/labs/cluster/reshard', cookie, { from: 1, to: 2, slots: 1, pauseAfterKeys: -1 }),
    );
    expect(badPause.status).toBe(400);
    // The repair on a cluster lab is not tested here: see docs/labs.md (open-slot repair paths).
    const repairReplication = await repair(learnerRequest('/api/labs/cluster/repair', cookie, {}));
    expect(repairReplication.status).toBe(400);
    expect((await json(repairReplication)).error).toBe('A replication lab has no slots to repair.');
  });

  it('answers 503 with Retry-After when every lab is taken', async () => {
    const response = await POST(learnerRequest('/api/labs/cluster', undefined, { shape: 'replication' }));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(60);
    expect((await json(response)).error).toMatch(/^All labs are busy: try again in \d+ minutes?\.$/);
  });

  it('moves the primary endpoint to the least-lagged replica when the primary is killed', async () => {
    const before = (await (await GET(learnerRequest('/api/labs/cluster', cookie))).json()) as LabTopology;
    const response = await failover(learnerRequest('/api/labs/cluster/failover', cookie, { shard: 1, kind: 'kill' }));
    expect(response.status).toBe(200);
    let after = before;
    for (let tries = 0; tries < 100 && after.endpoints.primary === before.endpoints.primary; tries++) {
      await sleep(100);
      after = (await (await GET(learnerRequest('/api/labs/cluster', cookie))).json()) as LabTopology;
    }
    expect(before.endpoints.reader).toContain(after.endpoints.primary);
    expect(after.events.map((event) => event.text).join('\n')).toMatch(/Primary endpoint moved to/);
    const write = await json(
      await exec(learnerRequest('/api/labs/cluster/exec', cookie, { command: 'SET after failover', mode: 'primary' })),
    );
    expect(write).toMatchObject({ ok: true, node: after.endpoints.primary });
    const read = await json(
      await exec(learnerRequest('/api/labs/cluster/exec', cookie, { command: 'GET greeting', mode: 'primary' })),
    );
    expect(read.text).toBe('"hello"');
  });

  it('stops and deletes the lab, after which GET answers 404', async () => {
    expect(await json(await remove(cookie))).toEqual({ ok: true, deleted: true });
    expect((await GET(learnerRequest('/api/labs/cluster', cookie))).status).toBe(404);
    expect(labManager().runningLabs).toBe(0);
  });
});
