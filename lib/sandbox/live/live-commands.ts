import 'server-only';
/**
 * The pub/sub commands, confined: PUBLISH, SPUBLISH and PUBSUB run on the learner's connection
 * with channels rewritten; SUBSCRIBE & co. run on the console's own subscriber connection
 * (live-consoles.ts), their confirmations printed as valkey-cli prints them; PUBSUB NUMPAT counts
 * the learner's own patterns (the server's count is everyone's). The same on both RESP engines,
 * each on its own server: the session's engine picks the console's stream there. Every channel is capped like a key
 * name, every pattern like a MATCH pattern, and a learner's subscriptions are counted together.
 */
import type { LearnerSession } from '../learners';
import { learnerConnection } from '../learners';
import { MAX_PATTERN_WILDCARDS, type SandboxLimits } from '../limits';
import type { CliReply } from '../reply';
import { INVALIDATION_CHANNEL, learnerChannel, learnerPush, serverChannel, serverPattern } from './channels';
import {
  learnerConsoles,
  learnerSubscriptionCount,
  liveConsole,
  syncPatternGrants,
  type LiveConsole,
} from './live-consoles';
import { liveLimits } from './live-limits';

export const LIVE_COMMANDS = new Set([
  'publish',
  'spublish',
  'subscribe',
  'psubscribe',
  'ssubscribe',
  'unsubscribe',
  'punsubscribe',
  'sunsubscribe',
  'pubsub',
]);

/** The replies of a live command, each printed as valkey-cli prints it, one after the other. */
export interface LiveAnswer {
  replies: CliReply[];
  /** Whether the console is in subscribe mode after it (valkey-cli's pubsub_mode). */
  subscribeMode: boolean;
}

const error = (value: string): LiveAnswer => ({ replies: [{ type: 'error', value }], subscribeMode: false });
const bulk = (value: Buffer): CliReply => ({ type: 'bulk', value });
const ARITY: Record<string, number> = {
  publish: 3,
  spublish: 3,
  subscribe: -2,
  psubscribe: -2,
  ssubscribe: -2,
  unsubscribe: -1,
  punsubscribe: -1,
  sunsubscribe: -1,
  pubsub: -2,
};
const wrongArity = (name: string, argc: number) => {
  const arity = ARITY[name] ?? -1;
  return arity >= 0 ? argc !== arity : argc < -arity;
};

/** The commands a RESP2 connection with subscriptions still runs (server.c, processCommand). */
const ALLOWED_WHILE_SUBSCRIBED = new Set([
  'subscribe',
  'psubscribe',
  'ssubscribe',
  'unsubscribe',
  'punsubscribe',
  'sunsubscribe',
  'ping',
  'quit',
  'reset',
]);

/** The server's own refusal (Valkey's and Redis OSS 7.0's alike) for a command sent in subscribe mode, or null. */
export function subscribedContextError(live: LiveConsole | undefined, args: readonly Buffer[]): string | null {
  if (!live || live.channels.size + live.patterns.size + live.shardChannels.size === 0) return null;
  const name = (args[0] as Buffer).toString('latin1').toLowerCase();
  if (ALLOWED_WHILE_SUBSCRIBED.has(name)) return null;
  const sub = args[1]?.toString('latin1').toLowerCase();
  const fullName = ['client', 'object', 'memory', 'pubsub'].includes(name) && sub ? `${name}|${sub}` : name;
  return `ERR Can't execute '${fullName}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`;
}

/** Whether a PING should go to the console's subscriber connection (it answers `pong` as an array there). */
export function pingsSubscriber(live: LiveConsole | undefined, name: string): boolean {
  return name === 'ping' && live !== undefined && live.channels.size + live.patterns.size + live.shardChannels.size > 0;
}

function checkNames(names: readonly Buffer[], patterns: boolean, limits: SandboxLimits): string | null {
  for (const name of names) {
    if (!patterns && name.length > limits.maxNameBytes)
      return `ERR channel names are limited to ${limits.maxNameBytes} bytes in the sandbox: use a shorter name.`;
    if (patterns && name.length > limits.maxPatternBytes)
      return `ERR patterns are limited to ${limits.maxPatternBytes} bytes in the sandbox: use a shorter pattern.`;
    if (patterns && name.toString('latin1').split('*').length - 1 > MAX_PATTERN_WILDCARDS)
      return `ERR patterns may hold at most ${MAX_PATTERN_WILDCARDS} '*' in the sandbox: use fewer wildcards.`;
  }
  return null;
}

const setOf = (live: LiveConsole, kind: string): Set<string> =>
  kind.startsWith('p') ? live.patterns : kind.startsWith('s') ? live.shardChannels : live.channels;

/** Keeps the console's lists in step with what the server confirmed. */
function recordConfirmations(live: LiveConsole, replies: readonly CliReply[]): void {
  for (const reply of replies) {
    if (reply.type !== 'array') continue;
    const [kind, name] = reply.value;
    if (kind?.type !== 'bulk' || name?.type !== 'bulk') continue;
    const text = kind.value.toString('latin1');
    const learnerName = name.value.toString('latin1');
    if (text.endsWith('unsubscribe')) setOf(live, text.slice(0, -'unsubscribe'.length)).delete(learnerName);
    else if (text.endsWith('subscribe')) {
      setOf(live, text.slice(0, -'subscribe'.length)).add(learnerName);
      live.subscribeMode = true;
    }
  }
}

async function subscribe(
  session: LearnerSession,
  live: LiveConsole,
  name: string,
  args: Buffer[],
  limits: SandboxLimits,
) {
  const isPattern = name === 'psubscribe';
  const names = args.slice(1);
  const namesError = checkNames(names, isPattern, limits);
  if (namesError) return error(namesError);
  const own = setOf(live, name.slice(0, -'subscribe'.length));
  const fresh = new Set(names.map((n) => n.toString('latin1')).filter((n) => !own.has(n)));
  const max = liveLimits().subscriptionsPerLearner;
  const current = learnerSubscriptionCount(session.id);
  if (current + fresh.size > max)
    return error(
      `ERR too many subscriptions: at most ${max} channels and patterns per learner in the sandbox (you have ${current}). UNSUBSCRIBE from some first.`,
    );
  const rewritten = names.map((n) => (isPattern ? serverPattern(session.id, n) : serverChannel(session.id, n)));
  // The server checks a PSUBSCRIBE pattern literally against the ACL (see channels.ts): grant it first.
  if (isPattern)
    await syncPatternGrants(
      session.id,
      session.engine,
      rewritten.map((p) => p.toString('latin1')),
    );
  const replies = await live.connection.send([args[0] as Buffer, ...rewritten], names.length);
  const learnerReplies = replies.map((reply) => learnerPush(session.id, reply));
  recordConfirmations(live, learnerReplies);
  if (isPattern) await syncPatternGrants(session.id, session.engine);
  return { replies: learnerReplies, subscribeMode: live.subscribeMode };
}

async function unsubscribe(
  session: LearnerSession,
  live: LiveConsole | undefined,
  name: string,
  args: Buffer[],
): Promise<LiveAnswer> {
  const kind = name.slice(0, -'unsubscribe'.length);
  if (!live || live.channels.size + live.patterns.size + live.shardChannels.size === 0) {
    // Nothing subscribed: Valkey refuses the line (server.c, processCommand), whatever it names.
    if (session.engine === 'valkey')
      return {
        replies: [{ type: 'error', value: `NOSUB '${name}' command executed not in subscribed mode` } as CliReply],
        subscribeMode: live?.subscribeMode ?? false,
      };
    // Redis OSS 7.0 confirms the first name (nil for none) with the subscriptions left: none of the
    // learner's, and the invalidation channel a console may listen on (not for shard ones). It
    // confirms the other names too, but redis-cli 7.0 prints one reply per command outside
    // subscribe mode, so the first is all the learner would read.
    const left: CliReply = { type: 'integer', value: kind !== 's' && live?.invalidations ? '1' : '0' };
    const first: CliReply = args[1] ? bulk(args[1]) : { type: 'nil' };
    return {
      replies: [{ type: 'array', value: [bulk(Buffer.from(name)), first, left] }],
      subscribeMode: live?.subscribeMode ?? false,
    };
  }
  const own = setOf(live, kind);
  // Without names, the learner's own ones, named: a bare UNSUBSCRIBE would also end the
  // connection's invalidation channel (client-side caching), which the learner did not subscribe to.
  const names = args.length > 1 ? args.slice(1) : [...own].map((n) => Buffer.from(n, 'latin1'));
  if (names.length === 0) {
    // None of this kind: Valkey's one confirmation, with the subscriptions left (shard ones apart).
    const left =
      kind === 's' ? live.shardChannels.size : live.channels.size + live.patterns.size + (live.invalidations ? 1 : 0);
    const reply: CliReply = {
      type: 'array',
      value: [bulk(Buffer.from(name)), { type: 'nil' }, { type: 'integer', value: String(left) }],
    };
    return { replies: [reply], subscribeMode: live.subscribeMode };
  }
  const rewritten = names.map((n) => (kind === 'p' ? serverPattern(session.id, n) : serverChannel(session.id, n)));
  const replies = await live.connection.send([args[0] as Buffer, ...rewritten], Math.max(1, names.length));
  const learnerReplies = replies.map((reply) => learnerPush(session.id, reply));
  recordConfirmations(live, learnerReplies);
  if (kind === 'p') await syncPatternGrants(session.id, session.engine);
  return { replies: learnerReplies, subscribeMode: live.subscribeMode };
}

/** PUBSUB's subcommands on the learner's own channels. */
async function pubsub(session: LearnerSession, args: Buffer[], limits: SandboxLimits): Promise<CliReply> {
  const sub = args[1]!.toString('latin1').toLowerCase();
  const connection = await learnerConnection(session);
  const run = (line: Buffer[]) => connection.send(line, 5_000);
  switch (sub) {
    case 'channels':
    case 'shardchannels': {
      if (args.length > 3) return run(args); // the server's own arity error
      const pattern = args[2] ?? Buffer.from('*');
      const patternError = checkNames([pattern], true, limits);
      if (patternError) return { type: 'error', value: patternError };
      const reply = await run([args[0]!, args[1]!, serverPattern(session.id, pattern)]);
      if (reply.type !== 'array') return reply;
      return {
        type: 'array',
        value: reply.value.map((item) => (item.type === 'bulk' ? bulk(learnerChannel(session.id, item.value)) : item)),
      };
    }
    case 'numsub':
    case 'shardnumsub': {
      const reply = await run([args[0]!, args[1]!, ...args.slice(2).map((n) => serverChannel(session.id, n))]);
      if (reply.type !== 'array') return reply;
      return {
        type: 'array',
        value: reply.value.map((item, index) =>
          index % 2 === 0 && item.type === 'bulk' ? bulk(learnerChannel(session.id, item.value)) : item,
        ),
      };
    }
    case 'numpat': {
      if (args.length !== 2) return run(args);
      // Distinct patterns, as the server counts them, but only this learner's on this engine's server.
      const patterns = new Set<string>();
      for (const live of learnerConsoles(session.id, session.engine)) for (const p of live.patterns) patterns.add(p);
      return { type: 'integer', value: String(patterns.size) };
    }
    default:
      // HELP, an unknown subcommand, or a wrong arity: nothing names a channel, the server answers.
      return run(args);
  }
}

/**
 * Runs one pub/sub command for a learner, from a console (`consoleId`, whose live stream must be
 * open on the session's engine for a subscription). The caller has judged the line and holds the
 * learner's command slot.
 */
export async function runLiveCommand(
  session: LearnerSession,
  consoleId: string | undefined,
  args: Buffer[],
  limits: SandboxLimits,
): Promise<LiveAnswer> {
  const name = (args[0] as Buffer).toString('latin1').toLowerCase();
  const live = liveConsole(session.id, consoleId, session.engine);
  live?.touch();
  if (wrongArity(name, args.length)) {
    const connection = await learnerConnection(session);
    return { replies: [await connection.send(args, 5_000)], subscribeMode: live?.subscribeMode ?? false };
  }
  if (name === 'publish' || name === 'spublish') {
    const namesError = checkNames([args[1]!], false, limits);
    if (namesError) return error(namesError);
    const connection = await learnerConnection(session);
    const reply = await connection.send([args[0]!, serverChannel(session.id, args[1]!), args[2]!], 5_000);
    return { replies: [reply], subscribeMode: live?.subscribeMode ?? false };
  }
  if (name === 'pubsub')
    return { replies: [await pubsub(session, args, limits)], subscribeMode: live?.subscribeMode ?? false };
  if (name.endsWith('unsubscribe')) return unsubscribe(session, live, name, args);
  if (!live)
    return error(
      `ERR ${name.toUpperCase()} needs a live console: run it from the sandbox console, which opens one (it could not here).`,
    );
  return subscribe(session, live, name, args, limits);
}

/** PING on a console in subscribe mode: its subscriber connection answers (`1) "pong"`, `2) ""`). */
export async function pingSubscriber(live: LiveConsole, args: Buffer[]): Promise<CliReply> {
  live.touch();
  const [reply] = await live.connection.send(args, 1);
  return reply ?? { type: 'nil' };
}

/** Makes the console's subscriber connection listen on the invalidation channel (client-side caching). */
export async function listenForInvalidations(live: LiveConsole): Promise<void> {
  if (live.invalidations) return;
  const [reply] = await live.connection.send([Buffer.from('SUBSCRIBE'), Buffer.from(INVALIDATION_CHANNEL)], 1);
  if (reply?.type === 'error') throw new Error(`could not listen for invalidations: ${reply.value}`);
  live.invalidations = true;
}
