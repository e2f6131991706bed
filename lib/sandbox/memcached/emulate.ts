import 'server-only';
/**
 * The two commands that would act on the whole server, answered for one learner instead: `stats`
 * (the server's uptime, time and version, and the learner's own key count and bytes: never other
 * learners' counts) and `flush_all` (the learner's keys only, now or at a deadline).
 */
import type { SandboxLimits } from '@/lib/sandbox/limits';
import { memcachedRequest } from './connection';
import { parseSigned32, type Token } from './entry';
import { flushDeadline, flushIsDue, scheduleFlush } from './delayed-flush';
import { liveKeys } from './key-index';
import { resetMemcachedKeys } from './learner-keys';

/** Server-wide stats that say nothing about other learners. */
const PUBLIC_STATS = ['uptime', 'time', 'version'];

/** `stats` for one learner, as memcached prints it (STAT lines, then END, CRLF-terminated). */
export async function learnerStats(learnerId: string, limits: SandboxLimits): Promise<string> {
  const [server, live] = await Promise.all([
    memcachedRequest(Buffer.from('stats\r\n'), 'stats'),
    liveKeys(learnerId, { prune: true }),
  ]);
  const lines = server.raw
    .toString('latin1')
    .split('\r\n')
    .filter((line) => PUBLIC_STATS.includes(line.split(' ')[1] ?? ''));
  const bytes = live.reduce((total, key) => total + key.name.length + key.bytes, 0);
  lines.push(
    `STAT curr_items ${live.length}`,
    `STAT bytes ${bytes}`,
    `STAT limit_maxbytes ${limits.memcachedMaxBytes}`,
    'END',
  );
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * `flush_all [delay] [noreply]` on the learner's keys, with memcached's own answers to a malformed
 * one: now, or at a deadline (delayed-flush.ts). Returns the reply line and whether noreply was asked for.
 */
export async function learnerFlushAll(
  learnerId: string,
  tokens: readonly Token[],
): Promise<{ reply: string; noreply: boolean }> {
  if (tokens.length > 3) return { reply: 'ERROR', noreply: false };
  const noreply = tokens.length > 1 && tokens[tokens.length - 1]?.text === 'noreply';
  const delayToken = tokens.length === 3 || (tokens.length === 2 && !noreply) ? tokens[1] : undefined;
  const delay = delayToken ? parseSigned32(delayToken.text) : 0;
  if (delay === null) return { reply: 'CLIENT_ERROR invalid exptime argument', noreply: false };
  const deadline = flushDeadline(delay, Date.now());
  // Flushing now also cancels a pending flush (takeIndex), as memcached keeps one flush time.
  if (deadline === null) await resetMemcachedKeys(learnerId);
  else await scheduleFlush(learnerId, deadline);
  return { reply: 'OK', noreply };
}

/** Applies the learner's pending `flush_all <delay>` once its deadline has passed: before each of their commands. */
export async function applyDueFlush(learnerId: string): Promise<void> {
  if (await flushIsDue(learnerId)) await resetMemcachedKeys(learnerId);
}
