import 'server-only';
import { executeLine, type ExecOutcome } from '@/lib/sandbox/execute';
import { hasLearnerSession, learnerSession } from '@/lib/sandbox/learners';

/** Long enough for any command but a blocking one (whose timeout the sandbox caps). */
const MAX_WAIT_MS = 5_000;
const POLL_MS = 5;

const learnerBusy = (learnerId: string) => hasLearnerSession(learnerId) && learnerSession(learnerId).busy;

/**
 * Runs one line of the app's own (a check's read, a reset's DEL) on a learner's keys once the
 * learner's own command in flight, if any, has answered. The sandbox runs one command per learner
 * at a time and refuses a second; checks now run by themselves after each command, so without
 * the wait they would collide with the learner's next one. executeLine takes the session
 * synchronously, so no command can slip in between the wait and the run.
 */
export async function executeWhenIdle(learnerId: string, line: string): Promise<ExecOutcome> {
  const deadline = Date.now() + MAX_WAIT_MS;
  while (learnerBusy(learnerId) && Date.now() < deadline) await new Promise((done) => setTimeout(done, POLL_MS));
  return executeLine(learnerId, line);
}
