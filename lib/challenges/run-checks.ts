import 'server-only';
/**
 * Runs a challenge's checks on one learner's keys on the challenge's engine, with the same executor
 * (and so the same isolation and key rewriting) as the learner's own commands; Memcached's checks
 * read items through the app (check-engine.ts).
 */
import calculateSlot from 'cluster-key-slot';
import {
  challengeEngine,
  subscribersCommandLine,
  type ChallengeCheck,
  type ChallengeSpec,
  type SubscribersCheck,
  type ValueCheck,
} from '@/lib/content/challenge-schema';
import { forbiddenCommandsUsed, requiredCommandsMissing } from '@/lib/sandbox/command-usage';
import { hasLearnerSessionOn, learnerSession } from '@/lib/sandbox/learners';
import { checkEngineFor, type CheckEngine } from './check-engine';
import { forbiddenCommandsLabel, quoteKey, requiredCommandsLabel } from './check-text';
import { judgeReply } from './expectations';
import type { ChallengeResult, CheckResult } from './types';

/** When each learner last checked each challenge: forbidden commands count from there. */
const attempts = new Map<string, number>();
/** When each learner's last check of each challenge found its goal not yet reached: required commands count from there. */
const notYet = new Map<string, number>();

/** Sets (or, with undefined, keeps) a bounded map's entry, the oldest entries going first. */
function remember(map: Map<string, number>, key: string, value: number | undefined): void {
  if (value === undefined) return;
  if (map.size >= 100_000 && !map.has(key)) map.delete(map.keys().next().value as string);
  map.delete(key);
  map.set(key, value);
}

/** Every line must answer without an error, and no two answers may be the same. */
async function runDistinctCheck(
  on: CheckEngine,
  learnerId: string,
  check: Extract<ChallengeCheck, { distinct: string[] }>,
): Promise<CheckResult> {
  const answers: string[] = [];
  const texts: string[] = [];
  for (const line of check.distinct) {
    const outcome = await on.execute(learnerId, line);
    if (outcome.kind === 'rejected')
      return {
        label: check.label,
        passed: false,
        detail: `${check.failure} (${line} could not run: ${outcome.error})`,
      };
    if (!outcome.body.ok)
      return { label: check.label, passed: false, detail: `${check.failure} (${line} → ${outcome.body.text})` };
    answers.push(`${line} → ${outcome.body.text}`);
    texts.push(outcome.body.text);
  }
  const allDifferent = new Set(texts).size === texts.length;
  const detail = answers.join(', ');
  return { label: check.label, passed: allDifferent, detail: allDifferent ? detail : `${check.failure} (${detail})` };
}

/**
 * How many of the learner's consoles listen (PUBSUB NUMSUB's count for the channel, or NUMPAT), in
 * the check's range. The learner's own other tabs are what a check sees: a subscription is state
 * on the server, held by a console's live connection, as a key is.
 */
async function runSubscribersCheck(on: CheckEngine, learnerId: string, check: SubscribersCheck): Promise<CheckResult> {
  const line = subscribersCommandLine(check);
  const [min, max] = check.subscribers.between ?? [1, Number.MAX_SAFE_INTEGER];
  const outcome = await on.execute(learnerId, line);
  if (outcome.kind === 'rejected')
    return { label: check.label, passed: false, detail: `${check.failure} (${line} could not run: ${outcome.error})` };
  const reply = outcome.body.reply;
  // NUMSUB answers [channel, count]; NUMPAT answers the count.
  const counted = Array.isArray(reply) ? reply[1] : reply;
  const count = counted && typeof counted === 'object' && 'integer' in counted ? Number(counted.integer) : Number.NaN;
  const noun = 'channel' in check.subscribers ? 'subscriber' : 'pattern';
  const detail = `${line} → ${Number.isNaN(count) ? outcome.body.text : `${count} ${noun}${count === 1 ? '' : 's'}`}`;
  const passed = count >= min && count <= max;
  return { label: check.label, passed, detail: passed ? detail : `${check.failure} (${detail})` };
}

/** A key's value against the expectation, and its TTL within the range when the check gives one. */
async function runValueCheck(on: CheckEngine, learnerId: string, check: ValueCheck): Promise<CheckResult> {
  const read = await on.readValue(learnerId, check.key);
  const what = on.engine === 'memcached' ? `get ${check.key}` : `GET ${quoteKey(check.key)}`;
  if (!read.ok)
    return { label: check.label, passed: false, detail: `${check.failure} (${what} could not run: ${read.error})` };
  const shown = read.reply === null ? (on.engine === 'memcached' ? 'no such item' : '(nil)') : read.text;
  const verdict = judgeReply(read.reply, check.value);
  if (!verdict.passed)
    return { label: check.label, passed: false, detail: `${check.failure} (${what} → ${shown}: ${verdict.reason})` };
  if (!check.ttl) return { label: check.label, passed: true, detail: `${what} → ${shown}` };
  const [min, max] = check.ttl;
  const ttl = `${read.ttl === -1 ? 'no expiry' : `${read.ttl} s to live`}`;
  const passed = read.ttl >= min && read.ttl <= max;
  return {
    label: check.label,
    passed,
    detail: passed ? `${what} → ${shown}, ${ttl}` : `${check.failure} (${ttl}: expected ${min} to ${max} s)`,
  };
}

/** `absent:` on Memcached: no item under the key. */
async function runMemcachedAbsentCheck(on: CheckEngine, learnerId: string, key: string, check: ChallengeCheck) {
  const read = await on.readValue(learnerId, key);
  if (!read.ok)
    return { label: check.label, passed: false, detail: `${check.failure} (get ${key} could not run: ${read.error})` };
  return read.reply === null
    ? { label: check.label, passed: true, detail: `get ${key} → END (no such item)` }
    : { label: check.label, passed: false, detail: `${check.failure} (get ${key} → ${read.text})` };
}

async function runCheck(on: CheckEngine, learnerId: string, check: ChallengeCheck): Promise<CheckResult> {
  if ('distinct' in check) return runDistinctCheck(on, learnerId, check);
  if ('subscribers' in check) return runSubscribersCheck(on, learnerId, check);
  if ('value' in check) return runValueCheck(on, learnerId, check);
  if (on.engine === 'memcached' && 'absent' in check) return runMemcachedAbsentCheck(on, learnerId, check.key, check);
  if ('sameSlot' in check) {
    const slots = check.sameSlot.map((key) => calculateSlot(key));
    const exists = await runCheck(on, learnerId, {
      label: check.label,
      failure: check.failure,
      run: `EXISTS ${check.sameSlot.map(quoteKey).join(' ')}`,
      expect: { equals: { integer: String(check.sameSlot.length) } },
    });
    const sameSlot = slots.every((slot) => slot === slots[0]);
    const detail = check.sameSlot.map((key, index) => `${key} → slot ${slots[index]}`).join(', ');
    if (!exists.passed)
      return {
        label: check.label,
        passed: false,
        detail: `${check.failure} (not all of ${check.sameSlot.join(', ')} exist yet)`,
      };
    return { label: check.label, passed: sameSlot, detail: sameSlot ? detail : `${check.failure} (${detail})` };
  }
  const line =
    'run' in check ? check.run : 'type' in check ? `TYPE ${quoteKey(check.key)}` : `EXISTS ${quoteKey(check.key)}`;
  const expect =
    'run' in check ? check.expect : 'type' in check ? { equals: check.type } : { equals: { integer: '0' } };
  const outcome = await on.execute(learnerId, line);
  if (outcome.kind === 'rejected')
    return { label: check.label, passed: false, detail: `${check.failure} (${line} could not run: ${outcome.error})` };
  const verdict = judgeReply(outcome.body.reply, expect);
  if (verdict.passed) return { label: check.label, passed: true, detail: `${line} → ${outcome.body.text}` };
  return {
    label: check.label,
    passed: false,
    detail: `${check.failure} (${line} → ${outcome.body.text}: ${verdict.reason})`,
  };
}

/** Runs every check, in order, even after one fails: the learner sees the whole picture. */
export async function runChallengeChecks(
  learnerId: string,
  spec: ChallengeSpec,
  now = Date.now(),
): Promise<ChallengeResult> {
  const on = checkEngineFor(challengeEngine(spec));
  // An open MULTI on the challenge's engine would only queue the checks' reads (Memcached has none).
  if (
    on.engine !== 'memcached' &&
    hasLearnerSessionOn(learnerId, on.engine) &&
    learnerSession(learnerId, on.engine).inTransaction
  ) {
    return {
      passed: false,
      checks: [
        {
          label: 'No open transaction',
          passed: false,
          detail: 'You are inside MULTI: run EXEC or DISCARD first, then check again.',
        },
      ],
    };
  }
  const checks: CheckResult[] = [];
  for (const check of spec.checks) checks.push(await runCheck(on, learnerId, check));
  if (!spec.forbid?.length && !spec.require?.length) return { passed: checks.every((check) => check.passed), checks };
  const attemptKey = `${learnerId}:${spec.id}`;
  const goalReached = checks.every((check) => check.passed);
  if (spec.require?.length) {
    // The required command must have made the change that reached the goal: used since the last
    // check that found the goal not yet reached (so a later Check, after an automatic pass, still passes).
    const missing = goalReached ? requiredCommandsMissing(learnerId, spec.require, notYet.get(attemptKey) ?? 0) : [];
    checks.push({
      label: requiredCommandsLabel(spec.require),
      passed: goalReached && missing.length === 0,
      detail: !goalReached
        ? `Not solved yet: reach the goal with ${spec.require.join(' and ').replaceAll('|', ' or ')} as the last change.`
        : missing.length === 0
          ? `You used ${spec.require.join(' and ').replaceAll('|', ' or ')}.`
          : `This challenge is about ${missing.join(' and ').replaceAll('|', ' or ')}: reach the goal with it as the last change, then check again.`,
    });
    remember(notYet, attemptKey, goalReached ? undefined : now);
  }
  if (spec.forbid?.length) {
    const used = forbiddenCommandsUsed(learnerId, spec.forbid, attempts.get(attemptKey) ?? 0);
    remember(attempts, attemptKey, now);
    checks.push({
      label: forbiddenCommandsLabel(spec.forbid),
      passed: used.length === 0,
      detail:
        used.length === 0
          ? `You did not use ${spec.forbid.join(' or ')}.`
          : `You used ${used.join(', ')}, which this challenge asks you to avoid. Solve it without, then check again.`,
    });
  }
  return { passed: checks.every((check) => check.passed), checks };
}
