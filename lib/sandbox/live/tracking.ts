import 'server-only';
/**
 * Client-side caching on the learner's own connection: `CLIENT TRACKING on` is sent with
 * `REDIRECT <id>` of the console's subscriber connection, which listens on `__redis__:invalidate`
 * (RESP2 delivers invalidations only to a redirect target), so invalidations arrive on the
 * console's live stream. A learner may name a REDIRECT only to one of their own consoles'
 * connections. PREFIXes take the learner's prefix, and BCAST without a PREFIX gets the learner's
 * whole space as its one prefix: a bare BCAST would report every key of the server.
 */
import { sandboxKeyPrefix } from '@/lib/valkey/keys';
import type { RespEngine } from '../engine-routing';
import type { CliReply } from '../reply';
import { stripPrefix } from '../rewrite';
import { listenForInvalidations } from './live-commands';
import { learnerConsoles, liveConsole } from './live-consoles';

export type TrackingPlan = { ok: true; args: Buffer[] } | { ok: false; error: string };

/**
 * The CLIENT TRACKING line to send for a learner from a console on an engine, or why it cannot
 * run. The REDIRECT target is a console's subscriber connection on that same engine's server.
 */
export async function planTracking(
  learnerId: string,
  consoleId: string | undefined,
  args: readonly Buffer[],
  engine: RespEngine = 'valkey',
): Promise<TrackingPlan> {
  const prefix = Buffer.from(sandboxKeyPrefix(learnerId));
  const rewritten: Buffer[] = args.slice(0, 3) as Buffer[];
  const on = args[2]?.toString('latin1').toLowerCase() === 'on';
  let redirect: string | undefined;
  let bcast = false;
  let prefixes = 0;
  for (let index = 3; index < args.length; index += 1) {
    const option = (args[index] as Buffer).toString('latin1').toLowerCase();
    if ((option === 'redirect' || option === 'prefix') && index + 1 < args.length) {
      const value = args[index + 1] as Buffer;
      if (option === 'redirect') redirect = value.toString('latin1');
      else prefixes += 1;
      rewritten.push(args[index] as Buffer, option === 'prefix' ? Buffer.concat([prefix, value]) : value);
      index += 1;
      continue;
    }
    if (option === 'bcast') bcast = true;
    rewritten.push(args[index] as Buffer);
  }
  if (!on) return { ok: true, args: rewritten };
  if (bcast && prefixes === 0) rewritten.push(Buffer.from('PREFIX'), prefix);
  const own = learnerConsoles(learnerId, engine);
  if (redirect !== undefined) {
    const target = own.find((live) => live.connection.id === redirect);
    if (!target) {
      const ids = own.map((live) => live.connection.id);
      return {
        ok: false,
        error: `ERR you can REDIRECT only to your own live consoles' connections${ids.length > 0 ? ` (${ids.join(', ')})` : ''}: or leave REDIRECT out, and this console receives the invalidations.`,
      };
    }
    await listenForInvalidations(target);
    return { ok: true, args: rewritten };
  }
  const live = liveConsole(learnerId, consoleId, engine);
  if (!live) return { ok: false, error: 'ERR CLIENT TRACKING needs a live console to deliver invalidations to.' };
  await listenForInvalidations(live);
  live.touch();
  rewritten.push(Buffer.from('REDIRECT'), Buffer.from(live.connection.id));
  return { ok: true, args: rewritten };
}

/** CLIENT TRACKINGINFO without the learner's prefix on its prefixes (the whole-space one is not shown). */
export function learnerTrackingInfo(learnerId: string, reply: CliReply): CliReply {
  if (reply.type !== 'array') return reply;
  const prefix = sandboxKeyPrefix(learnerId);
  return {
    type: 'array',
    value: reply.value.map((item, index) => {
      const label = reply.value[index - 1];
      if (label?.type !== 'bulk' || label.value.toString() !== 'prefixes' || item.type !== 'array') return item;
      const own = item.value
        .filter((p) => p.type === 'bulk')
        .map((p) => stripPrefix((p as { value: Buffer }).value, prefix))
        .filter((p) => p.length > 0);
      return { type: 'array', value: own.map((value): CliReply => ({ type: 'bulk', value })) };
    }),
  };
}
