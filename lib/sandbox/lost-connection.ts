/**
 * What a lost learner connection means: a hung sandbox server fails the commands in flight on it,
 * and a command whose connection was lost, timed out or got too large a reply is answered here (a
 * reply the learner can act on) or turned into a 503 when the server itself is down.
 */
import 'server-only';
import { getValkey, ValkeyUnavailableError } from '@/lib/valkey/connections';
import { onUnresponsive } from '@/lib/valkey/watchdog';
import { RESP_ENGINES, sandboxRoleFor } from './engine-routing';
import { forgetTrustedHyperLogLogs } from './hyperloglog-guard';
import { CommandTimeoutError, ConnectionLostError, LearnerConnection } from './learner-connection';
import { sandboxTarget, type LearnerSession } from './learners';
import type { CliReply } from './reply';
import { ReplyTooLargeError } from './resp-reader';

const errorReply = (message: string): CliReply => ({ type: 'error', value: message });

// A hung sandbox server: fail the learners' commands in flight on it now (a 503 through
// explainLostConnection) rather than when their timeout ends (lib/valkey/watchdog.ts). Only that
// engine's: the other engine's server may be answering.
for (const engine of RESP_ENGINES) {
  onUnresponsive(sandboxRoleFor(engine), 'learner-connections', (detail) =>
    LearnerConnection.abortInFlight(new ConnectionLostError(detail), sandboxTarget(engine)),
  );
}

/** What a lost connection means for the learner: the server is down (503) or it dropped us. */
export async function explainLostConnection(error: Error, session: LearnerSession): Promise<CliReply> {
  session.connection = null;
  session.inTransaction = false;
  await forgetTrustedHyperLogLogs(session.id, session.engine);
  if (error instanceof ReplyTooLargeError) {
    return errorReply(
      `ERR reply too large for the sandbox (over ${Math.round(error.limitBytes / 1024)} KB): ask for less, for example LRANGE key 0 99.`,
    );
  }
  if (error instanceof CommandTimeoutError) {
    return errorReply(
      'ERR the command took too long and was stopped. Your connection was reset, so any open MULTI was discarded.',
    );
  }
  const role = sandboxRoleFor(session.engine);
  try {
    await (await getValkey(role)).ping();
  } catch {
    throw new ValkeyUnavailableError(role, error.message);
  }
  return errorReply(
    'ERR the server closed your connection (its reply was probably too large). Your connection was reset, so any open MULTI was discarded.',
  );
}
