/**
 * A stand-in for the app in lab-manager.test.ts: starts a replication lab on the manager slice's
 * second block, prints its node pids and folder as one JSON line, then waits to be killed
 * (`stay`) or exits normally (`exit`), so the test can check what outlives it.
 */
import { testLabManager } from './testing';
import { PORTS_PER_LAB } from './lab';
import { testLabSettings } from './testing';

const how = process.argv[2] === 'exit' ? 'exit' : 'stay';
const manager = testLabManager('manager', {
  firstPort: testLabSettings('manager').firstPort + PORTS_PER_LAB,
  portCount: PORTS_PER_LAB,
});
const lab = await manager.start(`orphan${how}`, 'replication');
process.stdout.write(`${JSON.stringify({ pids: lab.pids(), dir: lab.dir })}\n`);
if (how === 'exit') process.exit(0);
setInterval(() => {}, 60_000);
