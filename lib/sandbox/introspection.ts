import 'server-only';
/**
 * Introspection, confined (issue 13). INFO is emulated: the server's own text for the sections
 * that say nothing about other learners or the host (server, memory, stats, replication), with the
 * lines that do scrubbed, and a keyspace section computed from this learner's key index. WAIT
 * answers as a server without replicas does. CLIENT INFO runs on the learner's own connection, and
 * its reply loses the addresses and the ACL user name before the learner sees it.
 */
import type Redis from 'ioredis';
import type { CliReply } from './reply';
import { existingNames, indexedNames, serverKeyName } from './key-index';

/** Sections INFO shows, in the server's own order (keyspace is computed here, not read). */
const SHOWN_SECTIONS = ['server', 'memory', 'stats', 'replication', 'keyspace'] as const;
/** What INFO with no argument, `default`, `all` or `everything` means in the sandbox. */
const WHOLE_INFO = new Set(['default', 'all', 'everything']);
/** Sections the server has that the sandbox refuses, and why (one sentence for all). */
const REFUSED_SECTIONS = new Set([
  'clients',
  'persistence',
  'cpu',
  'modules',
  'commandstats',
  'errorstats',
  'latencystats',
  'cluster',
  'keysizes',
]);
/** Lines that tell about the host or the server process, not about Valkey (os, paths, ports, pid). */
const HOST_LINES =
  /^(os|process_id|process_supervised|run_id|tcp_port|executable|config_file|listener\d+|total_system_memory(_human)?|pubsub\w*):/;

const bulk = (text: string): CliReply => ({ type: 'bulk', value: Buffer.from(text) });
const error = (value: string): CliReply => ({ type: 'error', value });

/** The keyspace section for this learner's keys only, counted like the server counts db0. */
async function ownKeyspace(admin: Redis, learnerId: string): Promise<string> {
  const live = await existingNames(admin, learnerId, await indexedNames(admin, learnerId), { prune: true });
  if (live.length === 0) return '# Keyspace\r\n';
  const pipeline = admin.pipeline();
  for (const name of live) pipeline.pttl(serverKeyName(learnerId, name));
  const ttls = ((await pipeline.exec()) ?? []).map(([, value]) => Number(value)).filter((ttl) => ttl > 0);
  const averageTtl = ttls.length === 0 ? 0 : Math.round(ttls.reduce((sum, ttl) => sum + ttl, 0) / ttls.length);
  return `# Keyspace\r\ndb0:keys=${live.length},expires=${ttls.length},avg_ttl=${averageTtl}\r\n`;
}

/** INFO [section …]: the safe sections, scrubbed; a refused section named alone or with others is refused. */
export async function emulateInfo(admin: Redis, args: readonly Buffer[], learnerId: string): Promise<CliReply> {
  const asked = args.slice(1).map((arg) => arg.toString('latin1').toLowerCase());
  const refused = asked.filter((section) => REFUSED_SECTIONS.has(section));
  if (refused.length > 0) {
    return error(
      `ERR INFO ${refused.join(' ')} is not available in the Keyspace sandbox: it would show other learners or the host. Try INFO server, memory, stats, replication or keyspace.`,
    );
  }
  const whole = asked.length === 0 || asked.some((section) => WHOLE_INFO.has(section));
  const sections = SHOWN_SECTIONS.filter((section) => whole || asked.includes(section));
  const fromServer = sections.filter((section) => section !== 'keyspace');
  const parts: string[] = [];
  if (fromServer.length > 0) {
    const text = ((await admin.callBuffer('INFO', ...fromServer)) as Buffer).toString('utf8');
    const kept = text.split('\r\n').filter((line) => !HOST_LINES.test(line));
    // The server ends its text with "\r\n": the split leaves an empty last item, which join restores.
    parts.push(kept.join('\r\n'));
  }
  if (sections.includes('keyspace')) parts.push(await ownKeyspace(admin, learnerId));
  return bulk(parts.join('\r\n'));
}

const INTEGER = /^-?\d+$/;

/**
 * WAIT numreplicas timeout: the sandbox has no replicas, so it answers 0 at once. (A real server
 * without replicas waits out the timeout first when numreplicas > 0; the sandbox does not hold a
 * shared request open for nothing.) Arguments are checked as the server checks them.
 */
export function emulateWait(args: readonly Buffer[]): CliReply {
  if (args.length !== 3) return error("ERR wrong number of arguments for 'wait' command");
  if (!INTEGER.test(args[1]!.toString('latin1'))) return error('ERR value is not an integer or out of range');
  const timeout = args[2]!.toString('latin1');
  if (!INTEGER.test(timeout)) return error('ERR timeout is not an integer or out of range');
  if (Number(timeout) < 0) return error('ERR timeout is negative');
  return { type: 'integer', value: '0' };
}

/** What the console adds under a WAIT: where replicas are to be found. */
export const WAIT_HINT = 'The sandbox has no replicas, so WAIT answers 0; the cluster lab has replicas to wait for.';

/** Masks what CLIENT INFO tells about the app: its addresses and the learner's ACL user name. */
export function scrubClientReply(args: readonly Buffer[], reply: CliReply): CliReply {
  if (args[1]?.toString('latin1').toLowerCase() !== 'info' || reply.type !== 'bulk') return reply;
  const text = reply.value
    .toString('utf8')
    .replace(/\b(addr|laddr)=\S*/g, '$1=hidden')
    .replace(/\buser=\S*/, 'user=learner');
  return bulk(text);
}

/**
 * Whether valkey-cli prints this command's reply raw (its bulk text as is, an error without
 * "(error)"), as it does for INFO and CLIENT INFO/LIST (valkey-cli.c, `output_raw`).
 */
export function printsRaw(name: string, args: readonly Buffer[]): boolean {
  const sub = args[1]?.toString('latin1').toLowerCase();
  return name === 'info' || (name === 'client' && (sub === 'info' || sub === 'list'));
}
