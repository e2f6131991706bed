/** The browser's side of the challenge API. Every helper resolves; failures carry a message. */
import { callApi } from '@/lib/http/api-client';
import type { ChallengeReset, ChallengeResult } from './types';

export const requestChallengeCheck = (id: string) =>
  callApi<ChallengeResult>(`/api/challenges/${encodeURIComponent(id)}/check`, { method: 'POST' });

export const requestChallengeReset = (id: string) =>
  callApi<ChallengeReset>(`/api/challenges/${encodeURIComponent(id)}/reset`, { method: 'POST' });
