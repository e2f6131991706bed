/** The browser's side of the challenge API. Every helper resolves; failures carry a message. */
import { callApi } from '@/lib/http/api-client';
import type { ChallengeReset, ChallengeResult } from './types';

/**
 * The page's challenge requests in flight. The sandbox runs one command per learner at a time and
 * refuses a second, and a check's reads are commands: the console's sendCommand waits for these
 * to settle, so a check that runs by itself never makes the learner's own command fail. (The
 * server side waits the other way round: lib/challenges/when-idle.ts.)
 */
const inFlight = new Set<Promise<unknown>>();

function tracked<T>(request: Promise<T>): Promise<T> {
  inFlight.add(request);
  const forget = () => inFlight.delete(request);
  request.then(forget, forget);
  return request;
}

/** Resolves once every challenge request now in flight has settled (at once when there is none). */
export async function challengeRequestsSettled(): Promise<void> {
  if (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export const requestChallengeCheck = (id: string) =>
  tracked(callApi<ChallengeResult>(`/api/challenges/${encodeURIComponent(id)}/check`, { method: 'POST' }));

export const requestChallengeReset = (id: string) =>
  tracked(callApi<ChallengeReset>(`/api/challenges/${encodeURIComponent(id)}/reset`, { method: 'POST' }));
