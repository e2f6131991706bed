/** Helpers for tests that run learners' command lines on the real test Valkey. */
import { closeValkeyClients } from '@/lib/valkey/connections';
import { executeLine, type ExecOutcome } from '@/lib/sandbox/execute';
import { closeLearnerSessions } from '@/lib/sandbox/learners';

/** The valkey-cli text of an outcome that got a verdict; fails the test on an HTTP-level rejection. */
export function replyText(outcome: ExecOutcome): string {
  if (outcome.kind !== 'reply') throw new Error(`expected a reply, got HTTP ${outcome.status}: ${outcome.error}`);
  return outcome.body.text;
}

/** Runs one line for a learner and returns what valkey-cli would print. */
export async function runText(learner: string, line: string): Promise<string> {
  return replyText(await executeLine(learner, line));
}

/** Closes every learner connection and shared client, for afterAll. */
export async function closeSandbox(): Promise<void> {
  closeLearnerSessions();
  await closeValkeyClients();
}
