/**
 * The challenge check language: does a reply satisfy an expectation? Pure, so each rule is
 * unit-tested without a server; the runner feeds it real replies.
 */
import type { Expectation } from '@/lib/content/challenge-schema';
import type { JsonReply } from '@/lib/sandbox/reply';

export type Verdict = { passed: true } | { passed: false; reason: string };

const pass: Verdict = { passed: true };
const fail = (reason: string): Verdict => ({ passed: false, reason });

const isError = (reply: JsonReply): reply is { error: string } =>
  typeof reply === 'object' && reply !== null && !Array.isArray(reply) && 'error' in reply;
const isInteger = (reply: JsonReply): reply is { integer: string } =>
  typeof reply === 'object' && reply !== null && !Array.isArray(reply) && 'integer' in reply;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Array members as strings (integers by their digits), for the set-like rules. */
function members(reply: JsonReply[]): string[] {
  return reply.map((member) =>
    typeof member === 'string' ? member : isInteger(member) ? member.integer : JSON.stringify(member),
  );
}

export function judgeReply(reply: JsonReply, expectation: Expectation): Verdict {
  if ('error' in expectation) {
    if (!isError(reply)) return fail('expected an error reply');
    return new RegExp(expectation.error).test(reply.error)
      ? pass
      : fail(`the error does not match /${expectation.error}/`);
  }
  if (isError(reply)) return fail('the command answered with an error');
  if ('equals' in expectation) return sameJson(reply, expectation.equals) ? pass : fail('the reply is different');
  if ('between' in expectation) {
    const [min, max] = expectation.between;
    if (!isInteger(reply)) return fail('expected an integer reply');
    const value = Number(reply.integer);
    return value >= min && value <= max ? pass : fail(`expected an integer from ${min} to ${max}`);
  }
  if ('matches' in expectation) {
    if (typeof reply !== 'string') return fail('expected a string reply');
    return new RegExp(expectation.matches).test(reply)
      ? pass
      : fail(`the reply does not match /${expectation.matches}/`);
  }
  if ('length' in expectation) {
    const [min, max] = expectation.length;
    const length = Array.isArray(reply) ? reply.length : typeof reply === 'string' ? reply.length : null;
    if (length === null) return fail('expected a list or a string');
    return length >= min && length <= max ? pass : fail(`expected a length from ${min} to ${max}, got ${length}`);
  }
  if (!Array.isArray(reply)) return fail('expected a list of members');
  const got = members(reply);
  if ('sameMembers' in expectation) {
    const want = [...expectation.sameMembers].sort();
    return sameJson([...got].sort(), want) ? pass : fail(`expected exactly these members: ${want.join(', ')}`);
  }
  const missing = expectation.contains.filter((member) => !got.includes(member));
  return missing.length === 0 ? pass : fail(`missing: ${missing.join(', ')}`);
}
