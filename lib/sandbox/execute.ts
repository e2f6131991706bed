/**
 * The sandbox pipeline for the RESP engines: a console line is read, judged by the policy, checked
 * against the limits, and run on the learner's own connection with their keys rewritten (or emulated,
 * or run live for pub/sub and tracking). A lost connection's meaning lives in lost-connection.ts.
 */
import 'server-only';
import { assertResponsive, getValkey } from '@/lib/valkey/connections';
import { checkArguments } from './argument-limits';
import { cliHelpAnswer, isCliHelp } from './cli-help';
import { accountBeforeWrite, BUDGET_CHECK_EVERY, checkBudget } from './budget';
import { commandFlags, loadedCommandFlags } from './command-flags';
import { hasWrongArity, type RunRule } from './command-table';
import { runEmulated } from './emulate';
import { sandboxRoleFor, type RespEngine } from './engine-routing';
import { scrubClientReply } from './introspection';
import { indexKeysOfWrite } from './key-index';
import {
  distrustWrittenKeys,
  HYPERLOGLOG_GUARD_MESSAGE,
  HYPERLOGLOG_IN_TRANSACTION_MESSAGE,
  isHyperLogLogCommand,
  trustCreatedHyperLogLog,
  untrustedHyperLogLogKeys,
} from './hyperloglog-guard';
import { sandboxKeyPrefix } from '@/lib/valkey/keys';
import { CommandTimeoutError, ConnectionLostError } from './learner-connection';
import {
  hasLearnerSessionOn,
  learnerConnection,
  learnerSession,
  makeRoomForLearner,
  recordActivity,
  type LearnerSession,
} from './learners';
import { sandboxLimits, type SandboxLimits } from './limits';
import { explainLostConnection } from './lost-connection';
import { readConsoleLine } from './console-line';
import { judgeCommand } from './policy';
import type { CliReply } from './reply';
import { ReplyTooLargeError } from './resp-reader';
import { rewriteKeys, stripKeysInReply } from './rewrite';
import { checkWork } from './work-limits';
import {
  pingSubscriber,
  pingsSubscriber,
  runLiveCommand,
  subscribedContextError,
  type LiveAnswer,
} from './live/live-commands';
import { liveReplyBody } from './live/live-answer';
import { answer, type ExecOutcome } from './exec-outcome';

export type { ExecOutcome };
import { liveConsole } from './live/live-consoles';
import { learnerTrackingInfo, planTracking } from './live/tracking';

const errorReply = (message: string): CliReply => ({ type: 'error', value: message });

/** Runs a live command; a lost connection (the learner's or the console's subscriber) is an answer. */
async function runLive(
  work: () => Promise<LiveAnswer>,
  session: LearnerSession,
  started: number,
  limits: SandboxLimits,
): Promise<ExecOutcome> {
  try {
    return { kind: 'reply', body: liveReplyBody(await work(), started) };
  } catch (error) {
    if (
      error instanceof ConnectionLostError ||
      error instanceof CommandTimeoutError ||
      error instanceof ReplyTooLargeError
    )
      return answer(await explainLostConnection(error, session), started, limits);
    throw error;
  }
}

/**
 * Live commands that Valkey queues inside MULTI like any other: they only send, on the learner's own
 * connection (in MULTI there), so EXEC runs them in order. Subscribing needs the console's
 * subscriber connection and stays outside transactions.
 */
const QUEUED_LIVE = new Set(['publish', 'spublish']);

/** Checks that must pass before a command reaches the server; an error reply if one fails. */
async function precheck(
  session: LearnerSession,
  name: string,
  args: Buffer[],
  keys: Buffer[],
  limits: SandboxLimits,
  rule: RunRule,
): Promise<CliReply | null> {
  if (hasWrongArity(rule, args.length)) return null; // the server answers with its own error
  const limitError = checkArguments(name, args, limits);
  if (limitError) return errorReply(limitError);
  const workError = await checkWork(session, name, args, limits);
  if (workError) return errorReply(workError);
  const budgetRefusal = await accountBeforeWrite(session, name, args, keys, limits);
  if (budgetRefusal) return errorReply(budgetRefusal);
  if (session.overBudget && (await commandFlags(session.engine)).growsMemory.has(name))
    return errorReply(session.overBudget);
  if (isHyperLogLogCommand(name) && session.inTransaction) return errorReply(HYPERLOGLOG_IN_TRANSACTION_MESSAGE);
  if (isHyperLogLogCommand(name)) {
    const untrusted = await untrustedHyperLogLogKeys(session.id, keys, session.engine);
    if (untrusted.length > 0) {
      const admin = await getValkey(sandboxRoleFor(session.engine));
      const prefix = sandboxKeyPrefix(session.id);
      if ((await admin.exists(...untrusted.map((key) => Buffer.concat([Buffer.from(prefix), key])))) > 0)
        return errorReply(HYPERLOGLOG_GUARD_MESSAGE);
    }
  }
  return null;
}

/** Sends a checked command on the learner's own connection and keeps their state in step. */
async function runOnConnection(
  session: LearnerSession,
  rule: RunRule,
  keyIndexes: number[],
  args: Buffer[],
  keys: Buffer[],
  limits: SandboxLimits,
): Promise<CliReply> {
  const name = (args[0] as Buffer).toString('utf8').toLowerCase();
  const prefix = sandboxKeyPrefix(session.id);
  const connection = session.connection?.isOpen ? session.connection : await learnerConnection(session);
  // A blocking command may wait up to its capped timeout (argument-limits.ts) before it answers.
  const timeoutMs = (rule.blocking ? limits.maxBlockSeconds * 1000 : 0) + 5_000;
  // Indexed before the write lands (key-index.ts): a write that times out may still run.
  const engine = session.engine;
  const indexed = indexKeysOfWrite(session.id, name, keys, engine);
  const writesString = (loadedCommandFlags(engine) ?? (await commandFlags(engine))).mayWriteString.has(name);
  // Before sending: a write may run even if its reply never arrives (hyperloglog-guard.ts).
  if (writesString) await distrustWrittenKeys(session.id, name, keys, engine);
  const patterns = rule.patterns?.(args) ?? []; // SORT's BY/GET patterns name keys too
  const reply = await connection.send(rewriteKeys(args, [...keyIndexes, ...patterns], prefix), timeoutMs);
  await indexed;
  const queued = session.queuedCommands;
  if (reply.type !== 'error') {
    if (name === 'multi') {
      session.inTransaction = true;
      session.queuedCommands = [];
    } else if (session.inTransaction && name !== 'exec' && name !== 'discard') session.queuedCommands.push(name);
    if (writesString && !session.inTransaction) await trustCreatedHyperLogLog(session.id, name, keys, engine);
  }
  // EXEC and DISCARD end a transaction whatever they answer (EXECABORT included).
  if (name === 'exec' || name === 'discard') {
    session.inTransaction = false;
    session.queuedCommands = [];
  }
  if (++session.commandsSinceBudgetCheck >= BUDGET_CHECK_EVERY) {
    checkBudget(session, limits).catch((error: unknown) => console.error('[sandbox] budget check failed:', error));
  }
  const stripped = stripKeysInReply(name, reply, prefix, queued);
  return name === 'client' ? scrubClientReply(args, stripped) : stripped;
}

/**
 * Runs one line, as typed at valkey-cli (redis-cli for Redis OSS), for one learner on one engine.
 * Throws ValkeyUnavailableError when that engine's server cannot be reached; every other problem
 * is an answer.
 */
export async function executeLine(
  learnerId: string,
  line: string,
  limits: SandboxLimits = sandboxLimits(),
  /** The console the line was typed in (made by the browser): pub/sub and tracking need its live stream. */
  consoleId?: string,
  engine: RespEngine = 'valkey',
): Promise<ExecOutcome> {
  const read = readConsoleLine(line, limits);
  if (!read.ok) return read.rejection;

  const started = performance.now();
  const args = read.args;
  const name = (args[0] as Buffer).toString('utf8').toLowerCase();
  // The CLI's own help: answered here, before any session, queue or subscription (cli-help.ts).
  if (isCliHelp(name)) return cliHelpAnswer(args.slice(1).map(String), engine, limits);
  const verdict = judgeCommand((args[0] as Buffer).toString('utf8'), args);
  // An unknown command inside MULTI goes on to the server (below), which answers the same text and
  // marks the transaction failed, so that EXEC answers EXECABORT as it does at valkey-cli.
  const unknownInTransaction =
    verdict.action === 'refuse' &&
    verdict.unknown &&
    hasLearnerSessionOn(learnerId, engine) &&
    learnerSession(learnerId, engine).inTransaction;
  if (verdict.action === 'refuse' && !unknownInTransaction) return answer(errorReply(verdict.message), started, limits);
  const role = sandboxRoleFor(engine);
  assertResponsive(role);
  // An optional engine's server that is not configured or not up: a 503 before the learner gets a
  // session or an activity record there.
  if (engine !== 'valkey') await getValkey(role);

  if (!hasLearnerSessionOn(learnerId, engine) && !makeRoomForLearner(limits.maxLearners, engine)) {
    return {
      kind: 'rejected',
      status: 429,
      error: 'ERR the sandbox is full right now: try again in a minute.',
      text: '(error) ERR the sandbox is full right now: try again in a minute.',
      retryAfterSeconds: 60,
    };
  }
  const session = learnerSession(learnerId, engine);
  if (session.busy) {
    return {
      kind: 'rejected',
      status: 429,
      error: 'ERR another command of yours is still running: wait for its reply.',
      text: '(error) ERR another command of yours is still running: wait for its reply.',
      retryAfterSeconds: 1,
    };
  }
  session.busy = true;
  try {
    const activity = recordActivity(session);
    if (activity) await activity;
    // A console in subscribe mode is a connection with subscriptions: the server refuses the rest.
    // Only a stream on this engine counts (its subscriber connection is on this engine's server).
    const live = liveConsole(learnerId, consoleId, engine);
    const contextError = verdict.action === 'refuse' && verdict.unknown ? null : subscribedContextError(live, args);
    if (contextError) return answer(errorReply(contextError), started, limits);
    if (live && pingsSubscriber(live, name))
      return await runLive(
        () => pingSubscriber(live, args).then((reply) => ({ replies: [reply], subscribeMode: live.subscribeMode })),
        session,
        started,
        limits,
      );
    if (verdict.action === 'live' && session.inTransaction && QUEUED_LIVE.has(name)) {
      const workError = await checkWork(session, name, args, limits);
      if (workError) return answer(errorReply(workError), started, limits);
      const queued = await runLive(() => runLiveCommand(session, consoleId, args, limits), session, started, limits);
      if (queued.kind === 'reply' && queued.body.ok) session.queuedCommands.push(name);
      return queued;
    }
    if (verdict.action === 'emulate' || verdict.action === 'live') {
      if (session.inTransaction)
        return answer(
          errorReply(
            `ERR ${name.toUpperCase()} cannot be queued in a sandbox transaction: run it after EXEC or DISCARD.`,
          ),
          started,
          limits,
        );
      if (verdict.action === 'live')
        return await runLive(() => runLiveCommand(session, consoleId, args, limits), session, started, limits);
      const patternError = checkArguments(name, args, limits);
      if (patternError) return answer(errorReply(patternError), started, limits);
      const emulated = await runEmulated(await getValkey(role), verdict.command, args, learnerId, engine);
      return answer(emulated, started, limits, args);
    }
    try {
      if (verdict.action === 'refuse') {
        const connection = session.connection?.isOpen ? session.connection : await learnerConnection(session);
        return answer(await connection.send(args, 5_000), started, limits); // no key: nothing to rewrite
      }
      const keyIndexes = verdict.keys(args);
      const keys = keyIndexes.map((index) => args[index] as Buffer);
      const refusal = await precheck(session, name, args, keys, limits, verdict.rule);
      if (refusal) return answer(refusal, started, limits);
      const sub = name === 'client' ? args[1]?.toString('latin1').toLowerCase() : undefined;
      let sent = args;
      if (sub === 'tracking' && args.length >= 3) {
        const plan = await planTracking(learnerId, consoleId, args, engine);
        if (!plan.ok) return answer(errorReply(plan.error), started, limits);
        sent = plan.args;
      }
      const reply = await runOnConnection(session, verdict.rule, keyIndexes, sent, keys, limits);
      return answer(sub === 'trackinginfo' ? learnerTrackingInfo(learnerId, reply) : reply, started, limits, args);
    } catch (error) {
      if (
        error instanceof ConnectionLostError ||
        error instanceof CommandTimeoutError ||
        error instanceof ReplyTooLargeError
      ) {
        return answer(await explainLostConnection(error, session), started, limits);
      }
      throw error;
    }
  } finally {
    session.busy = false;
  }
}
