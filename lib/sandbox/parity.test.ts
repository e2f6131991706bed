/**
 * Parity: for every line in parity.fixtures.ts the sandbox prints exactly what `valkey-cli --no-raw`
 * prints (without its final newline), byte for byte. The expected text always comes from the real
 * valkey-cli, run at test time against a fresh valkey-server that this file starts and stops itself
 * (the parity port in lib/servers/ports.ts), flushed before every scenario. How lines are paired with valkey-cli's output: parity-harness.ts.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeValkeyClients } from '@/lib/valkey/connections';
import { portsOf } from '@/lib/servers/ports';
import { findValkeyServer } from '@/lib/servers/server-binary';
import { newLearnerId } from './learner';
import { closeLearnerSessions } from './learners';
import { closeLiveConsoles } from './live/live-consoles';
import { openTestStream, runFrom } from './live/live-test-helpers';
import { parityHarness } from './parity-harness';
import { PARITY_SCENARIOS } from './parity.fixtures';

const PORT = portsOf('parity').valkey;
const SERVER = findValkeyServer()?.path ?? 'valkey-server';
// The valkey-cli beside the server binary, so that both come from the same build.
const CLI = SERVER.includes('/') ? path.join(path.dirname(SERVER), 'valkey-cli') : 'valkey-cli';
const SCENARIO_TIMEOUT_MS = 60_000;

const { runCli, checkScenario, startServer, stopServer, summary } = parityHarness({
  server: SERVER,
  cli: CLI,
  port: PORT,
  engine: 'valkey',
});

beforeAll(startServer);

afterAll(async () => {
  closeLiveConsoles();
  closeLearnerSessions();
  await closeValkeyClients();
  await stopServer();
  console.info(summary());
});

describe('the sandbox prints what valkey-cli prints', () => {
  it('covers at least 150 lines', () => {
    expect(PARITY_SCENARIOS.reduce((sum, scenario) => sum + scenario.lines.length, 0)).toBeGreaterThanOrEqual(150);
  });

  it.each(PARITY_SCENARIOS)('$name', (scenario) => checkScenario(scenario), SCENARIO_TIMEOUT_MS);
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
