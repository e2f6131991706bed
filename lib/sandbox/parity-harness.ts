/**
 * The machinery of the parity tests (parity.test.ts for valkey-cli, parity-redis.test.ts for
 * redis-cli): a plain server of the engine on its own port, its CLI run on command lines, and the
 * sandbox on the same lines, compared byte for byte.
 *
 * How lines are paired with the CLI's output:
 * - Scenarios without connection state run one CLI process per line (stdin = the line), so each
 *   output belongs to exactly one line; keys persist on the server between processes.
 * - Session scenarios (MULTI, WATCH) run as one CLI process. The plain transcript is compared whole
 *   with the sandbox texts joined by "\n". For per-line results the session is replayed (after a
 *   flush) with a line of one unbalanced quote after each command: the CLI answers that itself
 *   with "Invalid argument(s)" and sends nothing to the server, so it separates the outputs
 *   without changing any state. The replay must reproduce the plain transcript exactly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { isPortFree } from '@/lib/servers/local-server';
import type { RespEngine } from './engine-routing';
import { executeLine } from './execute';
import { newLearnerId } from './learner';
import type { ParityScenario } from './parity.fixtures';

const SEPARATOR_LINE = '"';
const SEPARATOR_OUTPUT = 'Invalid argument(s)\n';

export interface ParityTarget {
  /** The server binary (valkey-server, redis-server) and its CLI, from the same build. */
  server: string;
  cli: string;
  port: number;
  /** The sandbox engine the same lines run on. */
  engine: RespEngine;
}

interface Row {
  line: string;
  /** The CLI's output for the line, its final newline removed. */
  cli: Buffer;
  sandbox: string;
}

export function parityHarness(target: ParityTarget) {
  const cliName = path.basename(target.cli);
  const serverName = path.basename(target.server);
  let server: ChildProcess | null = null;
  let serverLog = '';
  let dataDir = '';
  const tally = { lines: 0, matched: 0, mismatches: [] as string[] };

  /** Runs the CLI in its interactive mode with `input` on stdin; its stdout as bytes. */
  function runCli(input: string, args: string[] = ['--no-raw']): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn(target.cli, ['-h', '127.0.0.1', '-p', String(target.port), ...args], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const stderr = Buffer.concat(err).toString('utf8');
        if (code !== 0 || stderr !== '') reject(new Error(`${cliName} exited with ${code ?? signal}: ${stderr}`));
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

  /**
   * For a `styled` scenario (help), the output as a terminal shows it: the CLI's SGR colour codes
   * and the CR of its CR LF line ends are how it styles text, not text (cli-help.ts prints none).
   */
  function asShown(bytes: Buffer, scenario: ParityScenario): Buffer {
    if (!scenario.styled) return bytes;
    const shown = bytes
      .toString('latin1')
      .replace(/\x1b\[[0-9;]*m/g, '')
      .replace(/\r\n/g, '\n');
    return Buffer.from(shown, 'latin1');
  }

  function withoutFinalNewline(bytes: Buffer): Buffer {
    return bytes.at(-1) === 0x0a ? bytes.subarray(0, -1) : bytes;
  }

  /** Text for comparison and messages; two buffers render the same only if their bytes are equal. */
  function render(bytes: Buffer): string {
    return isUtf8(bytes) ? bytes.toString('utf8') : `<not UTF-8, shown as latin1> ${bytes.toString('latin1')}`;
  }

  async function sandboxText(learner: string, line: string): Promise<string> {
    const outcome = await executeLine(learner, line, undefined, undefined, target.engine);
    return outcome.kind === 'reply' ? outcome.body.text : outcome.text;
  }

  async function runLineByLine(scenario: ParityScenario): Promise<Row[]> {
    const learner = newLearnerId();
    const rows: Row[] = [];
    for (const line of scenario.lines) {
      const cli = withoutFinalNewline(asShown(await runCli(`${line}\n`), scenario));
      rows.push({ line, cli, sandbox: await sandboxText(learner, line) });
    }
    return rows;
  }

  async function runSession(scenario: ParityScenario): Promise<Row[]> {
    const transcript = asShown(await runCli(scenario.lines.map((line) => `${line}\n`).join('')), scenario);
    await flushAll();
    const separated = asShown(
      await runCli(scenario.lines.map((line) => `${line}\n${SEPARATOR_LINE}\n`).join('')),
      scenario,
    );
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

  /** Flushes the server, runs a scenario on the CLI and the sandbox, and compares every line. */
  async function checkScenario(scenario: ParityScenario): Promise<void> {
    await flushAll();
    const rows = scenario.session ? await runSession(scenario) : await runLineByLine(scenario);
    checkRows(scenario, rows);
  }

  async function startServer(): Promise<void> {
    if (!(await isPortFree(target.port))) {
      throw new Error(
        `port ${target.port} is taken; the parity test needs it for its own ${serverName} (set KEYSPACE_PORT_OFFSET to move it).`,
      );
    }
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'keyspace-parity-'));
    const child = spawn(
      target.server,
      ['--port', String(target.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server = child;
    child.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString('utf8')));
    for (let attempt = 0; attempt < 100; attempt++) {
      if (child.exitCode !== null)
        throw new Error(`${serverName} on ${target.port} exited with ${child.exitCode}:\n${serverLog}`);
      const pong = await runCli('', ['PING']).catch(() => Buffer.alloc(0));
      if (pong.toString('utf8').trim() === 'PONG') return;
      await sleep(50);
    }
    throw new Error(`${serverName} on ${target.port} did not answer PING within 5 s:\n${serverLog}`);
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

  /** One line for the test log: how many lines matched, and which did not. */
  function summary(): string {
    return (
      `[parity] ${tally.matched} of ${tally.lines} lines match ${cliName}` +
      (tally.mismatches.length > 0 ? `; differ:\n  ${tally.mismatches.join('\n  ')}` : '')
    );
  }

  return { runCli, checkScenario, startServer, stopServer, summary };
}
