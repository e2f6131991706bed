/** Runs the `next` CLI from node_modules with this Node, telemetry off. */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';

export function spawnNext(
  root: string,
  args: string[],
  options: { stdio: StdioOptions; env?: Record<string, string> },
): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), ...args], {
    cwd: root,
    stdio: options.stdio,
    env: { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}
