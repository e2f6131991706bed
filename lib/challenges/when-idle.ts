import 'server-only';
import { executeLine, type ExecOutcome } from '@/lib/sandbox/execute';
import { hasLearnerSessionOn, learnerSession, resetLearner } from '@/lib/sandbox/learners';
import type { RespEngine } from '@/lib/sandbox/engine-routing';
import type { SandboxEngine } from '@/lib/sandbox/engines';
import { sandboxLimits } from '@/lib/sandbox/limits';
import { executeMemcachedLine, resetMemcachedKeys } from '@/lib/sandbox/memcached';

/** Long enough for any command but a blocking one (whose timeout the sandbox caps). */
const MAX_WAIT_MS = 5_000;
const POLL_MS = 5;

const learnerBusy = (learnerId: string, engine: RespEngine) =>
  hasLearnerSessionOn(learnerId, engine) && learnerSession(learnerId, engine).busy;

/** Deletes every key of a throwaway learner on an engine (the content checker's solver and empty learners). */
export async function resetLearnerOn(learnerId: string, engine: SandboxEngine): Promise<void> {
  if (engine === 'memcached') await resetMemcachedKeys(learnerId);
  else await resetLearner(learnerId, engine);
}

/**
 * Runs one line of the app's own (a check's read, a reset's DEL) on a learner's keys on an engine,
 * once the learner's own command in flight, if any, has answered. The sandbox runs one command per
 * learner at a time and refuses a second; checks now run by themselves after each command, so
 * without the wait they would collide with the learner's next one. executeLine takes the session
 * synchronously, so no command can slip in between the wait and the run. Memcached has no session
 * to wait for: each line is a request of its own on the app's connection.
 */
export async function executeWhenIdle(
  learnerId: string,
  line: string,
  engine: SandboxEngine = 'valkey',
): Promise<ExecOutcome> {
  if (engine === 'memcached') return executeMemcachedLine(learnerId, line, sandboxLimits());
  const deadline = Date.now() + MAX_WAIT_MS;
  while (learnerBusy(learnerId, engine) && Date.now() < deadline)
    await new Promise((done) => setTimeout(done, POLL_MS));
  return executeLine(learnerId, line, undefined, undefined, engine);
}
