/** The browser's side of the interview API. Every helper resolves; failures carry a message. */
import { callApi, postJson } from '@/lib/http/api-client';
import type {
  InterviewHistory,
  InterviewResultSummary,
  InterviewSession,
  ResultRequest,
  SessionRequest,
} from './types';

export const startInterviewSession = (request: SessionRequest) =>
  callApi<InterviewSession>('/api/interview/sessions', postJson(request));
export const submitInterviewResult = (request: ResultRequest) =>
  callApi<InterviewResultSummary>('/api/interview/results', postJson(request));
/** Recent interviews and per-topic average scores, for the dashboard. */
export const fetchInterviewResults = () => callApi<InterviewHistory>('/api/interview/results');
