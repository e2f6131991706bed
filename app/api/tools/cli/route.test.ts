import { describe, expect, it } from 'vitest';
import { learnerRequest } from '@/lib/testing/http';
import { BRIEF_INPUT } from '@/lib/tools/brief-example.fixtures';
import { POST } from './route';

const BRIEF = BRIEF_INPUT;

const build = (body: unknown, headers: Record<string, string> = {}) =>
  POST(learnerRequest('/api/tools/cli', undefined, body, headers));

describe('POST /api/tools/cli', () => {
  it('answers the brief’s command with no errors, its warnings and an explained line per flag', async () => {
    const response = await build(BRIEF);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; command: string; errors: unknown[]; flags: unknown[] };
    expect(body.ok).toBe(true);
    expect(body.command.split(' \\\n')).toHaveLength(16);
    expect(body.command).toMatch(/^aws elasticache create-replication-group \\\n {2}--replication-group-id prod-cache/);
    expect(body.errors).toEqual([]);
    expect(body.flags).toHaveLength(15);
  });

  it('answers what AWS would reject as errors beside their fields, with a 200', async () => {
    const response = await build({ ...BRIEF, automaticFailover: false, numNodeGroups: 1, replicasPerNodeGroup: 6 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { errors: { field: string }[] };
    expect(body.errors.map((each) => each.field)).toEqual(['replicasPerNodeGroup', 'multiAz']);
  });

  it('answers 400 in the API’s error shape for a body no form sends', async () => {
    for (const [body, message] of [
      [{ ...BRIEF, command: 'delete-replication-group' }, /"command": must be one of create-replication-group/],
      [{ ...BRIEF, numNodeGroups: '3' }, /"numNodeGroups": must be a number/],
      [{ ...BRIEF, replicas: 2 }, /Unrecognized key/],
      ['{not json', /must be JSON/],
    ] as const) {
      const response = await build(body);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { ok: boolean; code: string; error: string };
      expect(answer).toMatchObject({ ok: false, code: 'bad_request' });
      expect(answer.error).toMatch(message);
    }
  });

  it('refuses another site (403), a body that is not JSON (415) or too large (413), like every route', async () => {
    expect((await build(BRIEF, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await build(BRIEF, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await build({ ...BRIEF, description: 'x'.repeat(20_000) })).status).toBe(413);
  });
});
