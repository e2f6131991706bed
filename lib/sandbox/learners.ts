import 'server-only';
import { randomBytes } from 'node:crypto';
import { keyspaceEnv } from '@/lib/config/env';
import { getValkey, ValkeyUnavailableError } from '@/lib/valkey/connections';
import { parseEndpoint, tlsCa } from '@/lib/valkey/endpoint';
import { activeLearnersKey, trustedHyperLogLogsKey } from '@/lib/valkey/keys';
import { URL_ENV } from '@/lib/valkey/roles';
import { learnerAclRules, learnerUsername } from './acl';
import { forgetMeasuredUsage } from './budget';
import { forgetCommandUse } from './command-usage';
import { RESP_ENGINES, sandboxRoleFor, type RespEngine } from './engine-routing';
import { takeIndex, unlinkNames } from './key-index';
import { ConnectionLostError, LearnerConnection, type SandboxTarget } from './learner-connection';
import { sandboxLimits } from './limits';
import { forgetGrantedPatterns, grantedPatterns } from './pattern-grants';
import { resetMemcachedKeys } from './memcached/learner-keys';

/**
 * Learners this server process is serving: their ACL user's password (never sent to the browser),
 * their own connection, whether a command is in flight, and whether they are inside MULTI.
 * Who was active when is also kept in the app's Valkey, so idle learners are cleaned up even
 * after a restart. A learner has one session per engine (Valkey, Redis OSS): its own ACL user,
 * connection, key index and budget on that engine's server. The PSUBSCRIBE patterns their ACL user
 * is granted outlive the session (pattern-grants.ts).
 */
export interface LearnerSession {
  id: string;
  /** The engine whose server this session's user, connection and keys are on. */
  engine: RespEngine;
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
  keyspaceRedisLearners?: Map<string, LearnerSession>;
  keyspaceSweeper?: NodeJS.Timeout;
};
store.keyspaceLearners ??= new Map();
store.keyspaceRedisLearners ??= new Map();
/** Each engine's sessions, by learner id; each engine's server carries its own connections. */
const sessionsOf: Record<RespEngine, Map<string, LearnerSession>> = {
  valkey: store.keyspaceLearners,
  redis: store.keyspaceRedisLearners,
};

function sandboxTarget(engine: RespEngine = 'valkey'): SandboxTarget {
  const env = keyspaceEnv();
  const role = sandboxRoleFor(engine);
  const raw = env[URL_ENV[role]];
  if (!raw) throw new ValkeyUnavailableError(role, `${URL_ENV[role]} is not set.`);
  return { ...parseEndpoint(raw), ca: tlsCa(env.KEYSPACE_VALKEY_CA_FILE) };
}

/** Whether an engine's server is configured at all (Redis OSS is optional: the app runs without it). */
export function isEngineConfigured(engine: RespEngine): boolean {
  return Boolean(keyspaceEnv()[URL_ENV[sandboxRoleFor(engine)]]);
}

/** Whether this process holds the learner's Valkey session (one argument: it is used as a callback). */
export function hasLearnerSession(id: string): boolean {
  return hasLearnerSessionOn(id, 'valkey');
}

/** Whether this process holds the learner's session on an engine. */
export function hasLearnerSessionOn(id: string, engine: RespEngine): boolean {
  return sessionsOf[engine].has(id);
}

export function learnerSessionCount(engine: RespEngine = 'valkey'): number {
  return sessionsOf[engine].size;
}

/**
 * Makes room for one more session when this process holds `maxLearners`: closes the session idle
 * longest (its connection and in-memory state; its keys and ACL user stay until the idle sweep,
 * so the learner carries on where they were when they come back). False only when every session
 * has a command in flight. Refusing new learners instead let whoever filled the slots first keep
 * everyone else out for an hour (finding H5 of issue 10).
 */
export function makeRoomForLearner(maxLearners: number, engine: RespEngine = 'valkey'): boolean {
  const sessions = sessionsOf[engine];
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

export function learnerSession(id: string, engine: RespEngine = 'valkey'): LearnerSession {
  const sessions = sessionsOf[engine];
  let session = sessions.get(id);
  if (!session) {
    session = {
      id,
      engine,
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
      sandboxTarget(session.engine),
      learnerUsername(session.id),
      session.password,
      sandboxLimits().maxReplyBytes,
    );
  } catch (error) {
    if (error instanceof ConnectionLostError)
      throw new ValkeyUnavailableError(sandboxRoleFor(session.engine), error.message);
    throw error;
  }
  return session.connection;
}

/**
 * Creates (or re-creates, idempotently: it starts from `reset`) the learner's ACL user on the
 * session's engine. A rule that server rejects fails here, loudly: no learner runs under a user
 * half set up. It keeps the patterns the learner's live consoles on that engine listen to.
 */
async function setUpLearnerUser(session: LearnerSession): Promise<void> {
  const admin = await getValkey(sandboxRoleFor(session.engine));
  const patterns = grantedPatterns(session.id, session.engine);
  await admin.call(
    'ACL',
    'SETUSER',
    learnerUsername(session.id),
    ...learnerAclRules(session.id, session.password, patterns),
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
  return writeActivity(session.id, session.lastUsed, session.engine);
}

async function writeActivity(id: string, at: number, engine: RespEngine): Promise<void> {
  const app = await getValkey('app');
  await app.zadd(activeLearnersKey(engine), at, id);
}

/** Deletes every key of a learner, as their key index names them (bytes, in bounded UNLINKs); returns how many. */
export async function deleteLearnerKeys(learnerId: string, engine: RespEngine = 'valkey'): Promise<number> {
  const admin = await getValkey(sandboxRoleFor(engine));
  const deleted = await unlinkNames(admin, learnerId, await takeIndex(admin, learnerId));
  forgetMeasuredUsage(learnerId, engine);
  return deleted;
}

/** Reset button: deletes the learner's keys on one engine and drops their connection there (and any open MULTI). */
export async function resetLearner(learnerId: string, engine: RespEngine = 'valkey'): Promise<number> {
  const session = sessionsOf[engine].get(learnerId);
  if (session) {
    session.connection?.close();
    session.connection = null;
    session.inTransaction = false;
    session.queuedCommands = [];
    session.overBudget = null;
  }
  forgetCommandUse(learnerId);
  await (await getValkey('app')).unlink(trustedHyperLogLogsKey(learnerId, engine));
  return deleteLearnerKeys(learnerId, engine);
}

/**
 * Closes idle connections; removes keys and ACL users of learners idle past the limit, on every
 * engine whose server is configured. Returns how many learners it removed. A Redis OSS server that
 * is down does not stop the Valkey sweep (its learners are swept when it is back).
 */
export async function sweepIdleLearners(now = Date.now()): Promise<number> {
  let swept = await sweepEngine('valkey', now);
  for (const engine of RESP_ENGINES.filter((other) => other !== 'valkey' && isEngineConfigured(other))) {
    try {
      swept += await sweepEngine(engine, now);
    } catch (error) {
      console.error(`[sandbox] idle sweep of the ${engine} engine failed:`, error);
    }
  }
  return swept;
}

async function sweepEngine(engine: RespEngine, now: number): Promise<number> {
  const limits = sandboxLimits();
  const sessions = sessionsOf[engine];
  for (const session of sessions.values()) {
    if (session.connection && !session.busy && now - session.lastUsed > limits.connectionIdleSeconds * 1000) {
      session.connection.close();
      session.connection = null;
      session.inTransaction = false;
    }
  }
  const app = await getValkey('app');
  const activityKey = activeLearnersKey(engine);
  const idle = await app.zrangebyscore(activityKey, '-inf', now - limits.learnerIdleSeconds * 1000, 'LIMIT', 0, 100);
  if (idle.length === 0) return 0;
  const admin = await getValkey(sandboxRoleFor(engine));
  for (const id of idle) {
    const session = sessions.get(id);
    if (session && now - session.lastUsed <= limits.learnerIdleSeconds * 1000) continue;
    session?.connection?.close();
    sessions.delete(id);
    forgetCommandUse(id);
    await deleteLearnerKeys(id, engine);
    // The Memcached engine's keys go with the Valkey sweep (its learners' activity is Valkey's record);
    // a Memcached that is down must not stop the Valkey cleanup.
    if (engine === 'valkey')
      await resetMemcachedKeys(id).catch((error: unknown) =>
        console.error('[sandbox] memcached cleanup failed:', error),
      );
    await admin.call('ACL', 'DELUSER', learnerUsername(id));
    forgetGrantedPatterns(id, engine);
    await app.unlink(trustedHyperLogLogsKey(id, engine));
    await app.zrem(activityKey, id);
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

/** Forgets every session of every engine (tests). */
export function closeLearnerSessions(): void {
  for (const sessions of Object.values(sessionsOf)) {
    for (const session of sessions.values()) session.connection?.close();
    sessions.clear();
  }
}
