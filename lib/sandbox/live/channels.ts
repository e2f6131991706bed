/**
 * Channels are confined like keys: a learner's channel `news` is `sb:<id>:news` on the server, and
 * the prefix comes off every channel name in what they read back. A glob pattern (PSUBSCRIBE,
 * PUBSUB CHANNELS) gets the prefix with its glob characters escaped, so whatever the learner's
 * part is, the whole pattern only ever matches the learner's own channels.
 */
import { sandboxKeyPrefix } from '@/lib/valkey/keys';
import type { CliReply } from '../reply';
import { stripPrefix } from '../rewrite';

/** Where the server sends the invalidations of client-side caching to a REDIRECT target (RESP2). */
export const INVALIDATION_CHANNEL = '__redis__:invalidate';

/** The pub/sub commands the learner's ACL user may run (the app decides which and how, live-commands.ts). */
export const LIVE_COMMAND_RULES = [
  '+publish',
  '+spublish',
  '+subscribe',
  '+psubscribe',
  '+ssubscribe',
  '+unsubscribe',
  '+punsubscribe',
  '+sunsubscribe',
  '+ping',
  '+pubsub|channels',
  '+pubsub|numsub',
  '+pubsub|shardchannels',
  '+pubsub|shardnumsub',
  '+pubsub|help',
];

/** A name as the server stores it: the learner's prefix, then the name. */
export function serverChannel(learnerId: string, channel: Buffer): Buffer {
  return Buffer.concat([Buffer.from(sandboxKeyPrefix(learnerId)), channel]);
}

/** The glob characters of stringmatchlen (util.c) escaped, so the text matches only itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}

/** The escaped prefix a learner's patterns start with on the server. */
export function patternPrefix(learnerId: string): string {
  return escapeGlob(sandboxKeyPrefix(learnerId));
}

/** A learner's glob pattern as the server gets it: only their own channels can match it. */
export function serverPattern(learnerId: string, pattern: Buffer): Buffer {
  return Buffer.concat([Buffer.from(patternPrefix(learnerId)), pattern]);
}

/** Takes the learner's prefix off a channel (or off the escaped prefix of a pattern). */
export function learnerChannel(learnerId: string, name: Buffer, isPattern = false): Buffer {
  return stripPrefix(name, isPattern ? patternPrefix(learnerId) : sandboxKeyPrefix(learnerId));
}

const bulkText = (reply: CliReply | undefined): string | undefined =>
  reply?.type === 'bulk' ? reply.value.toString('latin1') : undefined;

/** The kinds of pushes a subscriber connection receives that are messages rather than confirmations. */
export type MessageKind = 'message' | 'pmessage' | 'smessage';

export function messageKind(reply: CliReply): MessageKind | null {
  if (reply.type !== 'array') return null;
  const kind = bulkText(reply.value[0]);
  return kind === 'message' || kind === 'pmessage' || kind === 'smessage' ? kind : null;
}

/**
 * A push of the subscriber connection as the learner reads it: channel and pattern names without
 * the prefix, and for an invalidation (a `message` on the invalidation channel) each key without
 * it. Payloads are never touched.
 */
export function learnerPush(learnerId: string, reply: CliReply): CliReply {
  if (reply.type === 'error') return { type: 'error', value: reply.value.split(sandboxKeyPrefix(learnerId)).join('') };
  if (reply.type !== 'array') return reply;
  const [kind, ...rest] = reply.value;
  const kindText = bulkText(kind) ?? '';
  const strip = (item: CliReply | undefined, isPattern = false): CliReply =>
    item?.type === 'bulk'
      ? { type: 'bulk', value: learnerChannel(learnerId, item.value, isPattern) }
      : (item ?? { type: 'nil' });
  if (kindText === 'message' && bulkText(rest[0]) === INVALIDATION_CHANNEL) {
    const keys = rest[1];
    const stripped: CliReply =
      keys?.type === 'array'
        ? { type: 'array', value: keys.value.map((key) => strip(key)) }
        : (keys ?? { type: 'nil' });
    return { type: 'array', value: [kind!, rest[0]!, stripped] };
  }
  if (kindText === 'pmessage') return { type: 'array', value: [kind!, strip(rest[0], true), strip(rest[1]), rest[2]!] };
  if (kindText === 'psubscribe' || kindText === 'punsubscribe')
    return { type: 'array', value: [kind!, strip(rest[0], true), ...rest.slice(1)] };
  if (kindText === 'pong') return reply;
  if (bulkText(rest[0]) === INVALIDATION_CHANNEL) return reply;
  return { type: 'array', value: [kind!, strip(rest[0]), ...rest.slice(1)] };
}
