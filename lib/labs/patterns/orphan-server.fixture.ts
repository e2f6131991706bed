/**
 * A stand-in for the app in lab-server.test.ts: starts a patterns lab server on one of the test's
 * spare ports, prints its pid and folder as one JSON line, then waits to be killed (`stay`) or exits
 * normally (`exit`), so the test can check what outlives it.
 */
import path from 'node:path';
import { portsOf } from '@/lib/servers/ports';
import { startLabServer } from './lab-server';

const how = process.argv[2] === 'exit' ? 'exit' : 'stay';
const server = await startLabServer({
  name: 'cache',
  port: how === 'exit' ? portsOf('patterns-test').exitingOwner : portsOf('patterns-test').killedOwner,
  maxMemoryBytes: 8 * 1024 * 1024,
  policy: 'allkeys-lru',
  dataRoot: path.resolve(import.meta.dirname, '../../../.data'),
  portWaitMs: 10_000,
});
process.stdout.write(`${JSON.stringify({ pid: server.pid, dir: server.dir })}\n`);
if (how === 'exit') process.exit(0);
setInterval(() => {}, 60_000);
