import 'server-only';
/**
 * When a console's live stream ends, client-side caching that redirects to its subscriber
 * connection is switched off on the learner's connection. Left on, the server would keep tracking
 * every key the learner reads (memory in its tracking table) for invalidations that go nowhere:
 * on RESP2 a broken REDIRECT is not even reported. The learner's connection takes one command at
 * a time and a transaction would queue the line, so this waits until no command of theirs is in
 * flight and no MULTI is open, then takes the session as executeLine does.
 */
import { ConnectionLostError } from '../learner-connection';
import type { RespEngine } from '../engine-routing';
import { hasLearnerSessionOn, learnerSession } from '../learners';

const POLL_MS = 25;
/** How long a learner's open MULTI may delay this; after it the tracking stays on until their connection closes. */
const MAX_WAIT_MS = 60_000;

const bulk = (text: string) => Buffer.from(text);

/**
 * Turns CLIENT TRACKING off on the learner's connection on `engine` (where the console's subscriber
 * connection was) if it redirects to `connectionId`. Resolves with whether it did.
 */
export async function stopTrackingRedirectedTo(
  learnerId: string,
  connectionId: string,
  engine: RespEngine = 'valkey',
): Promise<boolean> {
  if (!connectionId) return false;
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    // No session or no open connection: a connection made later starts without tracking.
    if (!hasLearnerSessionOn(learnerId, engine)) return false;
    const session = learnerSession(learnerId, engine);
    const connection = session.connection;
    if (!connection?.isOpen) return false;
    if (!session.busy && !session.inTransaction) {
      session.busy = true;
      try {
        const redirect = await connection.send([bulk('CLIENT'), bulk('GETREDIR')], 5_000);
        // -1: tracking off; 0: on without REDIRECT (not ours); another id: another console's.
        if (redirect.type !== 'integer' || redirect.value !== connectionId) return false;
        const off = await connection.send([bulk('CLIENT'), bulk('TRACKING'), bulk('off')], 5_000);
        return off.type === 'status';
      } catch (error) {
        // The connection closed meanwhile (a reset, a sweep): its tracking ended with it.
        if (error instanceof ConnectionLostError) return false;
        throw error;
      } finally {
        session.busy = false;
      }
    }
    if (Date.now() >= deadline) return false;
    await new Promise((done) => setTimeout(done, POLL_MS).unref?.());
  }
}
