/**
 * Parity: for every line in parity.fixtures.ts the sandbox prints exactly what `valkey-cli --no-raw`
 * prints (without its final newline), byte for byte. The expected text always comes from the real
 * valkey-cli, run at test time against a fresh valkey-server that this file starts and stops itself
 * (the parity port in lib/servers/ports.ts), flushed before every scenario.
 *
 * How lines are paired with valkey-cli output:
 * - Scenarios without connection state run one valkey-cli process per line (stdin = the line), so
 *   each output belongs to exactly one line; keys persist on the server between processes.
 * - Session scenarios (MULTI, WATCH) run as one valkey-cli process. The plain transcript is compared
 *   whole with the sandbox texts joined by "\n". For per-line results the session is replayed
 *   (after a flush) with a line of one unbalanced quote after each command: valkey-cli answers that
 *   itself with "Invalid argument(s)" and sends nothing to the server, so it separates the outputs
 *   without changing any state. The replay must reproduce the plain transcript exactly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { isPortFree } from '@/lib/servers/local-server';
import { portsOf } from '@/lib/servers/ports';
import { findValkeyServer } from '@/lib/servers/server-binary';
import { executeLine } from './execute';
import { newLearnerId } from './learner';
import { closeLearnerSessions } from './learners';
import { closeLiveConsoles } from './live/live-consoles';
import { openTestStream, runFrom } from './live/live-test-helpers';
import { PARITY_SCENARIOS, type ParityScenario } from './parity.fixtures';

const PORT = portsOf('parity').valkey;
const SERVER = findValkeyServer()?.path ?? 'valkey-server';
// The valkey-cli beside the server binary, so that both come from the same build.
const CLI = SERVER.includes('/') ? path.join(path.dirname(SERVER), 'valkey-cli') : 'valkey-cli';
const SEPARATOR_LINE = '"';
const SEPARATOR_OUTPUT = 'Invalid argument(s)\n';
const SCENARIO_TIMEOUT_MS = 60_000;

let server: ChildProcess | null = null;
let serverLog = '';
let dataDir = '';
const tally = { lines: 0, matched: 0, mismatches: [] as string[] };

interface Row {
  line: string;
  /** valkey-cli's output for the line, its final newline removed. */
  cli: Buffer;
  sandbox: string;
}

/** Runs valkey-cli in its interactive mode with `input` on stdin; its stdout as bytes. */
function runCli(input: string, args: string[] = ['--no-raw']): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(CLI, ['-h', '127.0.0.1', '-p', String(PORT), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0 || stderr !== '') reject(new Error(`valkey-cli exited with ${code ?? signal}: ${stderr}`));
      else resolve(Buffer.concat(out));
    });
    // A one-shot command (FLUSHALL) may exit before it reads stdin: the EPIPE that writing then
    // raises says nothing the exit code and stderr do not, and unhandled it would fail the run.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

async function flushAll(): Promise<void> {
  const reply = (await runCli('', ['FLUSHALL'])).toString('utf8').trim();
  if (reply !== 'OK') throw new Error(`FLUSHALL on the parity server answered ${reply}`);
}

function withoutFinalNewline(bytes: Buffer): Buffer {
  return bytes.at(-1) === 0x0a ? bytes.subarray(0, -1) : bytes;
}

/** Text for comparison and messages; two buffers render the same only if their bytes are equal. */
function render(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : `<not UTF-8, shown as latin1> ${bytes.toString('latin1')}`;
}

async function sandboxText(learner: string, line: string): Promise<string> {
  const outcome = await executeLine(learner, line);
  return outcome.kind === 'reply' ? outcome.body.text : outcome.text;
}

async function runLineByLine(scenario: ParityScenario): Promise<Row[]> {
  const learner = newLearnerId();
  const rows: Row[] = [];
  for (const line of scenario.lines) {
    const cli = withoutFinalNewline(await runCli(`${line}\n`));
    rows.push({ line, cli, sandbox: await sandboxText(learner, line) });
  }
  return rows;
}

async function runSession(scenario: ParityScenario): Promise<Row[]> {
  const transcript = await runCli(scenario.lines.map((line) => `${line}\n`).join(''));
  await flushAll();
  const separated = await runCli(scenario.lines.map((line) => `${line}\n${SEPARATOR_LINE}\n`).join(''));
  // latin1 maps bytes to characters one to one, so splitting the string splits the bytes.
  const parts = separated.toString('latin1').split(SEPARATOR_OUTPUT);
  expect(parts, 'one output per line, then nothing (no session line may itself be invalid)').toHaveLength(
    scenario.lines.length + 1,
  );
  expect(parts.at(-1)).toBe('');
  expect(parts.join(''), 'the replay with separators reproduces the plain transcript').toBe(
    transcript.toString('latin1'),
  );

  const learner = newLearnerId();
  const rows: Row[] = [];
  for (const [index, line] of scenario.lines.entries()) {
    rows.push({
      line,
      cli: withoutFinalNewline(Buffer.from(parts[index] ?? '', 'latin1')),
      sandbox: await sandboxText(learner, line),
    });
  }
  const joined = rows.map((row) => row.sandbox).join('\n');
  expect
    .soft(render(Buffer.from(joined, 'utf8')), 'whole session transcript')
    .toBe(render(withoutFinalNewline(transcript)));
  return rows;
}

function checkRows(scenario: ParityScenario, rows: Row[]): void {
  for (const [index, row] of rows.entries()) {
    const expected = render(row.cli);
    const actual = render(Buffer.from(row.sandbox, 'utf8'));
    tally.lines++;
    if (actual === expected) tally.matched++;
    else tally.mismatches.push(`[${scenario.name}] ${row.line}`);
    expect.soft(actual, `line ${index + 1}: ${JSON.stringify(row.line)}`).toBe(expected);
  }
}

async function startServer(): Promise<void> {
  if (!(await isPortFree(PORT))) {
    throw new Error(
      `port ${PORT} is taken; parity.test.ts needs it for its own valkey-server (set KEYSPACE_PORT_OFFSET to move it).`,
    );
  }
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyspace-parity-'));
  const child = spawn(
    SERVER,
    ['--port', String(PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server = child;
  child.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString('utf8')));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`valkey-server on ${PORT} exited with ${child.exitCode}:\n${serverLog}`);
    const pong = await runCli('', ['PING']).catch(() => Buffer.alloc(0));
    if (pong.toString('utf8').trim() === 'PONG') return;
    await sleep(50);
  }
  throw new Error(`valkey-server on ${PORT} did not answer PING within 5 s:\n${serverLog}`);
}

async function stopServer(): Promise<void> {
  const child = server;
  server = null;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(5_000).then(() => true)]);
    if (timedOut) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

beforeAll(startServer);

afterAll(async () => {
  closeLiveConsoles();
  closeLearnerSessions();
  await closeValkeyClients();
  await stopServer();
  console.info(
    `[parity] ${tally.matched} of ${tally.lines} lines match valkey-cli` +
      (tally.mismatches.length > 0 ? `; differ:\n  ${tally.mismatches.join('\n  ')}` : ''),
  );
});

describe('the sandbox prints what valkey-cli prints', () => {
  it('covers at least 150 lines', () => {
    expect(PARITY_SCENARIOS.reduce((sum, scenario) => sum + scenario.lines.length, 0)).toBeGreaterThanOrEqual(150);
  });

  it.each(PARITY_SCENARIOS)(
    '$name',
    async (scenario) => {
      await flushAll();
      const rows = scenario.session ? await runSession(scenario) : await runLineByLine(scenario);
      checkRows(scenario, rows);
    },
    SCENARIO_TIMEOUT_MS,
  );
});

/**
 * valkey-cli in subscribe mode, left running: it prints each confirmation, then each message as it
 * arrives. Stopped once `until` has been printed.
 */
async function subscribedCli(args: string[], publish: () => Promise<void>, until: string): Promise<string> {
  const child = spawn(CLI, ['-h', '127.0.0.1', '-p', String(PORT), '--no-raw', ...args], { stdio: 'pipe' });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const confirmations = args.length - 1;
  await expect.poll(() => out.split('(integer)').length - 1, { interval: 20 }).toBe(confirmations);
  await publish();
  await expect.poll(() => out.includes(until), { interval: 20 }).toBe(true);
  child.kill('SIGKILL');
  return out.replace(/\n$/, '');
}

describe('the subscribe-mode transcript is what valkey-cli prints', () => {
  it('SUBSCRIBE and PSUBSCRIBE, their confirmations and the messages that arrive', async () => {
    const learner = newLearnerId();
    const listener = await openTestStream(learner, `parity-${learner.slice(0, 12)}`);
    if (typeof listener === 'string') throw new Error(listener);
    await listener.next((event) => event.event === 'ready');
    const consoleId = `parity-${learner.slice(0, 12)}`;
    for (const [command, publishes] of [
      ['SUBSCRIBE news alerts', ['PUBLISH news hello', 'PUBLISH alerts "two words"']],
      ['PSUBSCRIBE n*', ['PUBLISH notes hi']],
    ] as const) {
      const [name, ...channels] = command.split(' ');
      const lastMessage = publishes.at(-1)!.split(' ').slice(2).join(' ').replaceAll('"', '');
      const cli = await subscribedCli(
        [name!, ...channels],
        async () => {
          for (const line of publishes) await runCli(`${line}\n`);
        },
        lastMessage,
      );
      const lines = [await runFrom(learner, consoleId, command)];
      for (const line of publishes) {
        await runFrom(learner, undefined, line);
        lines.push((await listener.next((event) => event.event === 'message')).text ?? '');
      }
      expect(lines.join('\n')).toBe(cli);
      await runFrom(learner, consoleId, name === 'SUBSCRIBE' ? 'UNSUBSCRIBE' : 'PUNSUBSCRIBE');
    }
    listener.abort();
  });
});
