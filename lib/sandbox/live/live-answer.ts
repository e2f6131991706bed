/** The exec body of a live command (live-commands.ts): its replies as valkey-cli prints them in subscribe mode. */
import type { ExecReply } from '../api-types';
import { formatReply } from '../format';
import { replyToJson } from '../reply';
import type { LiveAnswer } from './live-commands';

/** Each reply printed after the other (SUBSCRIBE a b confirms twice), with the console's subscribe mode. */
export function liveReplyBody(live: LiveAnswer, started: number): ExecReply {
  const failure = live.replies.find((reply) => reply.type === 'error');
  return {
    ok: !failure,
    text: live.replies.map(formatReply).join('\n'),
    reply: live.replies.length === 1 ? replyToJson(live.replies[0]!) : live.replies.map(replyToJson),
    ms: Math.round((performance.now() - started) * 100) / 100,
    subscribeMode: live.subscribeMode,
    ...(failure?.type === 'error' ? { error: failure.value } : {}),
  };
}
