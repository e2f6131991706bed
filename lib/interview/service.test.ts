/** The interview service's refusals, and the status each one is answered with. */
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { startInterview } from './service';

const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('startInterview', () => {
  it('refuses topics without questions as a bad request (400), not a missing resource (404)', () => {
    const noContent = { cards: [], scenarios: [], cardsById: new Map() };
    const error = thrownBy(() => startInterview({ minutes: 15, topics: ['security'] }, noContent));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('There are no questions on security yet. Pick other topics.');
    expect((error as AppError).code).toBe('bad_request');
    expect((error as AppError).status).toBe(400);
  });
});
