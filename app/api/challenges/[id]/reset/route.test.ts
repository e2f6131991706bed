/** Resetting a challenge's keys, called as Next.js calls the route, on real Valkey. */
import { afterAll, describe, expect, it } from 'vitest';
import { findChallenge } from '@/lib/content/lessons';
import { issuedCookie, learnerRequest } from '@/lib/testing/http';
import { closeSandbox } from '@/lib/testing/sandbox';
import { POST as checkRoute } from '../check/route';
import { POST as execRoute } from '../../../sandbox/exec/route';
import { POST as resetRoute } from './route';

afterAll(closeSandbox);

const CHALLENGE = 'first-commands-visit-counter';
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function exec(cookie: string | undefined, command: string): Promise<{ text: string; cookie: string }> {
  const response = await execRoute(learnerRequest('/api/sandbox/exec', cookie, { command }));
  const body = (await response.json()) as { text: string };
  return { text: body.text, cookie: cookie ?? issuedCookie(response)! };
}

const reset = (cookie: string | undefined, id = CHALLENGE) =>
  resetRoute(learnerRequest(`/api/challenges/${id}/reset`, cookie, ''), params(id));

describe('challenge reset route', () => {
  it("deletes exactly the challenge's keys, says which existed, and leaves the learner's other keys", async () => {
    expect(findChallenge(CHALLENGE)).toBeDefined();
    const { cookie } = await exec(undefined, 'INCR visits:home');
    await exec(cookie, 'INCR visits:home');
    await exec(cookie, 'SET greeting hello');
    // Another learner's key of the same name is theirs alone.
    const other = (await exec(undefined, 'SET visits:home 7')).cookie;

    const response = await reset(cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ keys: ['visits:home'], deleted: ['visits:home'] });

    expect((await exec(cookie, 'EXISTS visits:home')).text).toBe('(integer) 0');
    expect((await exec(cookie, 'GET greeting')).text).toBe('"hello"');
    expect((await exec(other, 'GET visits:home')).text).toBe('"7"');

    expect(await (await reset(cookie)).json()).toEqual({ keys: ['visits:home'], deleted: [] });
  });

  it('gives a clean slate: three INCRs after a reset pass the check, whatever came before', async () => {
    const { cookie } = await exec(undefined, 'SET visits:home 41');
    const check = async () =>
      (await (
        await checkRoute(learnerRequest(`/api/challenges/${CHALLENGE}/check`, cookie, ''), params(CHALLENGE))
      ).json()) as {
        passed: boolean;
      };
    for (let i = 0; i < 3; i++) await exec(cookie, 'INCR visits:home');
    expect((await check()).passed).toBe(false);
    await reset(cookie);
    for (let i = 0; i < 3; i++) await exec(cookie, 'INCR visits:home');
    expect((await check()).passed).toBe(true);
  });

  it('refuses inside an open MULTI, where a DEL would only be queued, with the JSON error shape', async () => {
    const { cookie } = await exec(undefined, 'SET visits:home 1');
    expect((await exec(cookie, 'MULTI')).text).toBe('OK');
    const response = await reset(cookie);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      ok: false,
      code: 'bad_request',
      error: expect.stringMatching(/^You are inside MULTI/),
    });
    expect((await exec(cookie, 'DISCARD')).text).toBe('OK');
    expect((await exec(cookie, 'GET visits:home')).text).toBe('"1"');
  });

  it('answers 404 for an unknown challenge, and 415 for a write that is not JSON', async () => {
    const unknown = await reset(undefined, 'no-such-challenge');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, code: 'not_found', error: expect.any(String) });
    const notJson = await resetRoute(
      learnerRequest(`/api/challenges/${CHALLENGE}/reset`, undefined, '', { 'content-type': 'text/plain' }),
      params(CHALLENGE),
    );
    expect(notJson.status).toBe(415);
    expect(await notJson.json()).toMatchObject({ ok: false, code: 'unsupported_media_type' });
  });
});
