/**
 * The lab console: one command line, parsed and judged as in the sandbox (lib/sandbox/parse.ts,
 * policy.ts with the lab's table), run as the lab's `learner` user on the node the mode picks, and
 * printed as valkey-cli prints it. In cluster mode it follows MOVED and ASK like `valkey-cli -c` in
 * its REPL (issueCommandRepeat and cliReadReply in src/valkey-cli.c): it prints
 * `-> Redirected to slot [S] located at HOST:PORT`, stays connected to that node for the next
 * command, and sends ASKING first after an ASK. Node mode prints MOVED and ASK raw.
 */
import 'server-only';
import { AppError } from '@/lib/errors';
import type { ExecReply } from '@/lib/sandbox/api-types';
import { checkArguments } from '@/lib/sandbox/argument-limits';
import { runRule } from '@/lib/sandbox/command-table';
import { formatReply } from '@/lib/sandbox/format';
import { printsRaw } from '@/lib/sandbox/introspection';
import { CommandTimeoutError, ConnectionLostError, LearnerConnection } from '@/lib/sandbox/learner-connection';
import { sandboxLimits, type SandboxLimits } from '@/lib/sandbox/limits';
import { readConsoleLine } from '@/lib/sandbox/console-line';
import { judgeCommand } from '@/lib/sandbox/policy';
import { replyToJson, type CliReply } from '@/lib/sandbox/reply';
import { ReplyTooLargeError } from '@/lib/sandbox/resp-reader';
import { LAB_COMMANDS, refusedArguments, withLabCredentials, withLabInfoSections } from './lab-commands';
import type { Lab } from './lab';
import { LAB_LEARNER_USER } from './lab-node';
import { cliHelpAnswer, isCliHelp } from '@/lib/sandbox/cli-help';

export type LabExecMode = 'cluster' | 'node' | 'primary' | 'reader';

/** The sandbox's exec body plus the node that answered (null when nothing was sent). */
export interface LabExecReply extends ExecReply {
  node: string | null;
}

export type LabExecOutcome =
  | { kind: 'reply'; body: LabExecReply }
  | { kind: 'rejected'; status: 400 | 413 | 429; error: string; text: string; retryAfterSeconds?: number };

/** valkey-cli -c follows redirects forever; a lab mid-reshard settles within a few. */
const MAX_REDIRECTS = 8;

/** valkey-cli prints some replies raw (cliSendCommand's `output_raw`): INFO, CLIENT INFO/LIST, CLUSTER NODES/INFO. */
function printsRawInLab(args: readonly Buffer[]): boolean {
  const name = (args[0] as Buffer).toString('latin1').toLowerCase();
  const sub = args[1]?.toString('latin1').toLowerCase();
  return printsRaw(name, args) || (args.length === 2 && name === 'cluster' && (sub === 'nodes' || sub === 'info'));
}

function replyText(reply: CliReply, args: readonly Buffer[]): string {
  if (printsRawInLab(args) && reply.type === 'bulk') return reply.value.toString('utf8').replace(/\r?\n$/, '');
  if (printsRawInLab(args) && reply.type === 'error') return reply.value;
  return formatReply(reply);
}

function body(
  text: string,
  reply: CliReply | null,
  node: string | null,
  started: number,
  limits: SandboxLimits,
): LabExecReply {
  const isError = reply === null || reply.type === 'error';
  const truncated = text.length > limits.maxReplyTextChars;
  return {
    ok: !isError,
    text: truncated
      ? `${text.slice(0, limits.maxReplyTextChars)}\n… (reply cut at ${limits.maxReplyTextChars} characters)`
      : text,
    reply: reply === null || truncated ? null : replyToJson(reply),
    ms: Math.round((performance.now() - started) * 100) / 100,
    node,
    ...(isError ? { error: reply?.type === 'error' ? reply.value : text } : {}),
    ...(truncated ? { truncated } : {}),
  };
}

/** The node a mode sends to first; an AppError (400) for a mode the lab's shape does not have. */
function firstTarget(lab: Lab, mode: LabExecMode, node: string | undefined): string {
  if (mode === 'node') {
    if (!node || !lab.node(node))
      throw new AppError('bad_request', `"node" must be one of your lab's nodes: ${lab.addresses.join(', ')}.`);
    return node;
  }
  if (mode === 'cluster') {
    if (lab.shape !== 'cluster')
      throw new AppError('bad_request', 'Cluster mode needs a cluster lab: use "primary", "reader" or "node".');
    // valkey-cli stays on a node that died ("not connected>"); a cluster client would reconnect
    // through its seed nodes, so the console moves to the configuration endpoint instead.
    if (!lab.node(lab.clusterCursor)?.alive)
      lab.clusterCursor = (lab.nodes.find((each) => each.alive) ?? lab.nodes[0])?.address ?? '';
    return lab.clusterCursor;
  }
  if (lab.shape !== 'replication')
    throw new AppError('bad_request', `The ${mode} endpoint belongs to a replication lab: use "cluster" or "node".`);
  if (mode === 'primary') return lab.primaryEndpoint;
  // The reader endpoint spreads connections over the replicas: each command goes to the next one.
  const replicas = lab.nodes
    .filter((each) => each.alive && each.address !== lab.primaryEndpoint)
    .map((each) => each.address);
  lab.readerTurn = (lab.readerTurn + 1) % Math.max(1, replicas.length);
  return replicas[lab.readerTurn] ?? lab.primaryEndpoint;
}

async function connectionTo(lab: Lab, address: string, limits: SandboxLimits): Promise<LearnerConnection> {
  const open = lab.consoleConnections.get(address);
  if (open?.isOpen) return open;
  const port = Number(address.split(':')[1]);
  const connection = await LearnerConnection.open(
    { host: '127.0.0.1', port, tls: false },
    LAB_LEARNER_USER,
    lab.password,
    limits.maxReplyBytes,
  );
  lab.consoleConnections.set(address, connection);
  return connection;
}

class CouldNotConnect extends Error {}

/** Sends on the console's connection to `address`, reconnecting once if that connection was dropped. */
async function sendTo(
  lab: Lab,
  address: string,
  args: readonly Buffer[],
  timeoutMs: number,
  limits: SandboxLimits,
): Promise<CliReply> {
  for (let attempt = 0; ; attempt++) {
    let connection: LearnerConnection;
    try {
      connection = await connectionTo(lab, address, limits);
    } catch {
      throw new CouldNotConnect(`Could not connect to Valkey at ${address}: Connection refused`);
    }
    try {
      return await connection.send(args, timeoutMs);
    } catch (error) {
      lab.consoleConnections.delete(address);
      if (error instanceof ConnectionLostError && attempt === 0) continue;
      throw error;
    }
  }
}

/** Where a MOVED or ASK error sends the command: its slot and "host:port", or null for any other reply. */
export function redirectOf(reply: CliReply): { slot: number; address: string; ask: boolean } | null {
  if (reply.type !== 'error') return null;
  const match = /^(MOVED|ASK) (\d+) (\S*):(\d+)$/.exec(reply.value);
  if (!match) return null;
  return { slot: Number(match[2]), address: `${match[3] || '127.0.0.1'}:${match[4]}`, ask: match[1] === 'ASK' };
}

async function run(
  lab: Lab,
  args: readonly Buffer[],
  mode: LabExecMode,
  target: string,
  timeoutMs: number,
  limits: SandboxLimits,
  started: number,
): Promise<LabExecReply> {
  const lines: string[] = [];
  let address = target;
  let asking = false;
  try {
    for (let redirects = 0; ; redirects++) {
      if (asking) await sendTo(lab, address, [Buffer.from('ASKING')], timeoutMs, limits);
      const reply = await sendTo(lab, address, args, timeoutMs, limits);
      const redirect = mode === 'cluster' ? redirectOf(reply) : null;
      if (!redirect || redirects >= MAX_REDIRECTS) {
        lines.push(replyText(reply, args));
        return body(lines.join('\n'), reply, address, started, limits);
      }
      lines.push(`-> Redirected to slot [${redirect.slot}] located at ${redirect.address}`);
      address = redirect.address;
      lab.clusterCursor = address;
      asking = redirect.ask;
      if (!lab.node(address))
        return body(
          [...lines, `(error) ERR ${address} is not a node of your lab`].join('\n'),
          null,
          null,
          started,
          limits,
        );
    }
  } catch (error) {
    if (error instanceof CouldNotConnect)
      return body([...lines, error.message].join('\n'), null, null, started, limits);
    if (error instanceof CommandTimeoutError)
      return body('(error) ERR the command took too long and was stopped.', null, address, started, limits);
    if (error instanceof ReplyTooLargeError)
      return body(
        `(error) ERR reply too large for the lab console (over ${Math.round(error.limitBytes / 1024)} KB): ask for less.`,
        null,
        address,
        started,
        limits,
      );
    if (error instanceof ConnectionLostError)
      return body([...lines, 'Error: Server closed the connection'].join('\n'), null, null, started, limits);
    throw error;
  }
}

/** Runs one line in the learner's lab; a line the console would not even parse is `rejected` (4xx). */
export async function execInLab(
  lab: Lab,
  line: string,
  mode: LabExecMode,
  node?: string,
  limits: SandboxLimits = sandboxLimits(),
): Promise<LabExecOutcome> {
  const read = readConsoleLine(line, limits);
  if (!read.ok) return read.rejection;

  const started = performance.now();
  const target = firstTarget(lab, mode, node);
  const args = read.args;
  const name = (args[0] as Buffer).toString('utf8').toLowerCase();
  // valkey-cli -c answers `help` itself, as the sandbox console does; the lab's nodes run the same
  // valkey-server as the sandbox, so its help table is theirs (answered by no node).
  if (isCliHelp(name)) {
    const help = await cliHelpAnswer(args.slice(1).map(String), 'valkey', limits);
    if (help.kind === 'reply') return { kind: 'reply', body: { ...help.body, node: null } };
  }
  const refuse = (message: string): LabExecOutcome => ({
    kind: 'reply',
    body: body(`(error) ${message}`, { type: 'error', value: message }, null, started, limits),
  });
  const verdict = judgeCommand((args[0] as Buffer).toString('utf8'), args, LAB_COMMANDS);
  if (verdict.action !== 'run')
    return refuse(verdict.action === 'refuse' ? verdict.message : `ERR ${name} cannot run in the lab.`);
  const refusal =
    refusedArguments(args, lab.addresses, [...lab.shardOfNode.keys()]) ??
    checkArguments(name, args, limits, LAB_COMMANDS);
  if (refusal) return refuse(refusal);

  if (lab.busy) {
    const error = 'ERR another command of yours is still running: wait for its reply.';
    return { kind: 'rejected', status: 429, error, text: `(error) ${error}`, retryAfterSeconds: 1 };
  }
  lab.busy = true;
  lab.touch();
  try {
    const timeoutMs = (runRule(name, LAB_COMMANDS)?.blocking ? limits.maxBlockSeconds * 1000 : 0) + 5_000;
    const sent = withLabCredentials(withLabInfoSections(args), LAB_LEARNER_USER, lab.password);
    return { kind: 'reply', body: await run(lab, sent, mode, target, timeoutMs, limits, started) };
  } finally {
    lab.busy = false;
  }
}
