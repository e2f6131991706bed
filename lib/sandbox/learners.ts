import 'server-only';
import { randomBytes } from 'node:crypto';
import { keyspaceEnv } from '@/lib/config/env';
import { getValkey, ValkeyUnavailableError } from '@/lib/valkey/connections';
import { parseEndpoint, tlsCa } from '@/lib/valkey/endpoint';
import { ACTIVE_LEARNERS_KEY, trustedHyperLogLogsKey } from '@/lib/valkey/keys';
import { URL_ENV } from '@/lib/valkey/roles';
import { learnerAclRules, learnerUsername } from './acl';
import { forgetMeasuredUsage } from './budget';
import { forgetCommandUse } from './command-usage';
import { takeIndex, unlinkNames } from './key-index';
import { ConnectionLostError, LearnerConnection, type SandboxTarget } from './learner-connection';
import { sandboxLimits } from './limits';
import { resetMemcachedKeys } from './memcached/learner-keys';

/**
 * Learners this server process is serving: their ACL user's password (never sent to the browser),
 * their own connection, whether a command is in flight, and whether they are inside MULTI.
 * Who was active when is also kept in the app's Valkey, so idle learners are cleaned up even
 * after a restart.
 */
export interface LearnerSession {
  id: string;
  password: string;
  connection: LearnerConnection | null;
  busy: boolean;
  inTransaction: boolean;
  /** Names of the commands queued since MULTI, to read EXEC's reply. */
  queuedCommands: string[];
  lastUsed: number;
  lastRecorded: number;
  commandsSinceBudgetCheck: number;
  overBudget: string | null;
}

const store = globalThis as typeof globalThis & {
  keyspaceLearners?: Map<string, LearnerSession>;
  keyspaceSweeper?: NodeJS.Timeout;
  keyspaceGrantedPatterns?: Map<string, ReadonlySet<string>>;
};
store.keyspaceLearners ??= new Map();
const sessions = store.keyspaceLearners;
store.keyspaceGrantedPatterns ??= new Map();
/**
 * PSUBSCRIBE patterns (full, prefixed) each learner's ACL user is granted one by one, since the
 * server checks a pattern literally against channel permissions (live/channels.ts). Kept apart
 * from the session, which can be closed and made again while the learner's live consoles still
 * listen: re-creating the ACL user must keep them, or the server would drop those subscriptions.
 */
const patternGrants = store.keyspaceGrantedPatterns;

export function grantedPatterns(learnerId: string): ReadonlySet<string> {
  return patternGrants.get(learnerId) ?? new Set();
}

export function setGrantedPatterns(learnerId: string, patterns: ReadonlySet<string>): void {
  if (patterns.size === 0) patternGrants.delete(learnerId);
  else patternGrants.set(learnerId, patterns);
}

function sandboxTarget(): SandboxTarget {
  const env = keyspaceEnv();
  const raw = env[URL_ENV.sandbox];
  if (!raw) throw new ValkeyUnavailableError('sandbox', `${URL_ENV.sandbox} is not set.`);
  return { ...parseEndpoint(raw), ca: tlsCa(env.KEYSPACE_VALKEY_CA_FILE) };
}

export function hasLearnerSession(id: string): boolean {
  return sessions.has(id);
}

export function learnerSessionCount(): number {
  return sessions.size;
}

/**
 * Makes room for one more session when this process holds `maxLearners`: closes the session idle
 * longest (its connection and in-memory state; its keys and ACL user stay until the idle sweep,
 * so the learner carries on where they were when they come back). False only when every session
 * has a command in flight. Refusing new learners instead let whoever filled the slots first keep
 * everyone else out for an hour (finding H5 of issue 10).
 */
export function makeRoomForLearner(maxLearners: number): boolean {
  if (sessions.size < maxLearners) return true;
  let idlest: LearnerSession | undefined;
  for (const session of sessions.values()) {
    if (!session.busy && (!idlest || session.lastUsed < idlest.lastUsed)) idlest = session;
  }
  if (!idlest) return false;
  idlest.connection?.close();
  sessions.delete(idlest.id);
  return true;
}

export function learnerSession(id: string): LearnerSession {
  let session = sessions.get(id);
  if (!session) {
    session = {
      id,
      password: randomBytes(32).toString('hex'),
      connection: null,
      busy: false,
      inTransaction: false,
      queuedCommands: [],
      lastUsed: Date.now(),
      lastRecorded: 0,
      commandsSinceBudgetCheck: Number.POSITIVE_INFINITY,
      overBudget: null,
    };
    sessions.set(id, session);
    startSweeper();
  }
  return session;
}

/** The learner's connection, creating their ACL user and signing in if needed. */
export async function learnerConnection(session: LearnerSession): Promise<LearnerConnection> {
  if (session.connection?.isOpen) return session.connection;
  session.inTransaction = false;
  session.queuedCommands = [];
  await setUpLearnerUser(session);
  try {
    session.connection = await LearnerConnection.open(
      sandboxTarget(),
      learnerUsername(session.id),
      session.password,
      sandboxLimits().maxReplyBytes,
    );
  } catch (error) {
    if (error instanceof ConnectionLostError) throw new ValkeyUnavailableError('sandbox', error.message);
    throw error;
  }
  return session.connection;
}

/** The learner's ACL user and password, created if needed (a live console signs in with them too). */
/** Creates (or re-creates, idempotently: it starts from `reset`) the learner's ACL user. */
async function setUpLearnerUser(session: LearnerSession): Promise<void> {
  const admin = await getValkey('sandbox');
  await admin.call(
    'ACL',
    'SETUSER',
    learnerUsername(session.id),
    ...learnerAclRules(session.id, session.password, grantedPatterns(session.id)),
  );
}

/**
 * The learner's ACL user and password, for a live console's own connection: the user is set up
 * here, without opening the learner's usual connection (a command of theirs may be opening it).
 */
export async function learnerSignIn(session: LearnerSession): Promise<{ username: string; password: string }> {
  await setUpLearnerUser(session);
  return { username: learnerUsername(session.id), password: session.password };
}

export { sandboxTarget };

/** How often at most a learner's activity is written to the app's Valkey (for the idle sweep). */
export const ACTIVITY_WRITE_EVERY_MS = 10_000;

/**
 * Notes activity in memory; writes it to the app's Valkey at most every ACTIVITY_WRITE_EVERY_MS
 * per learner. Returns that write to wait for, or nothing (most commands), so that the usual
 * case costs no promise at all.
 */
export function recordActivity(session: LearnerSession): Promise<void> | undefined {
  session.lastUsed = Date.now();
  if (session.lastUsed - session.lastRecorded < ACTIVITY_WRITE_EVERY_MS) return undefined;
  session.lastRecorded = session.lastUsed;
  return writeActivity(session.id, session.lastUsed);
}

async function writeActivity(id: string, at: number): Promise<void> {
  const app = await getValkey('app');
  await app.zadd(ACTIVE_LEARNERS_KEY, at, id);
}

/** Deletes every key of a learner, as their key index names them (bytes, in bounded UNLINKs); returns how many. */
export async function deleteLearnerKeys(learnerId: string): Promise<number> {
  const admin = await getValkey('sandbox');
  const deleted = await unlinkNames(admin, learnerId, await takeIndex(admin, learnerId));
  forgetMeasuredUsage(learnerId);
  return deleted;
}

/** Reset button: deletes the learner's keys and drops their connection (and any open MULTI). */
export async function resetLearner(learnerId: string): Promise<number> {
  const session = sessions.get(learnerId);
  if (session) {
    session.connection?.close();
    session.connection = null;
    session.inTransaction = false;
    session.queuedCommands = [];
    session.overBudget = null;
  }
  forgetCommandUse(learnerId);
  await (await getValkey('app')).unlink(trustedHyperLogLogsKey(learnerId));
  return deleteLearnerKeys(learnerId);
}

/** Closes idle connections; removes keys and ACL users of learners idle past the limit. */
export async function sweepIdleLearners(now = Date.now()): Promise<number> {
  const limits = sandboxLimits();
  for (const session of sessions.values()) {
    if (session.connection && !session.busy && now - session.lastUsed > limits.connectionIdleSeconds * 1000) {
      session.connection.close();
      session.connection = null;
      session.inTransaction = false;
    }
  }
  const app = await getValkey('app');
  const admin = await getValkey('sandbox');
  const idle = await app.zrangebyscore(
    ACTIVE_LEARNERS_KEY,
    '-inf',
    now - limits.learnerIdleSeconds * 1000,
    'LIMIT',
    0,
    100,
  );
  for (const id of idle) {
    const session = sessions.get(id);
    if (session && now - session.lastUsed <= limits.learnerIdleSeconds * 1000) continue;
    session?.connection?.close();
    sessions.delete(id);
    forgetCommandUse(id);
    await deleteLearnerKeys(id);
    // The Memcached engine's keys too; a Memcached that is down must not stop the Valkey cleanup.
    await resetMemcachedKeys(id).catch((error: unknown) => console.error('[sandbox] memcached cleanup failed:', error));
    await admin.call('ACL', 'DELUSER', learnerUsername(id));
    patternGrants.delete(id);
    await app.unlink(trustedHyperLogLogsKey(id));
    await app.zrem(ACTIVE_LEARNERS_KEY, id);
  }
  return idle.length;
}

function startSweeper(): void {
  if (store.keyspaceSweeper) return;
  store.keyspaceSweeper = setInterval(() => {
    sweepIdleLearners().catch((error: unknown) => console.error('[sandbox] idle sweep failed:', error));
  }, 30_000);
  store.keyspaceSweeper.unref();
}

/** Forgets every session (tests). */
export function closeLearnerSessions(): void {
  for (const session of sessions.values()) session.connection?.close();
  sessions.clear();
}
