/**
 * A stand-in for `npm start` in engine-servers.test.ts: starts memcached in the given folder and
 * port, prints its pid and URL as one JSON line, then exits normally (`exit`) or waits to be killed
 * (`stay`), so the test can check what outlives it.
 */
import { startMemcached } from './memcached-server';

const [how, port, dir, binary] = process.argv.slice(2);
const server = await startMemcached({ port: Number(port), dir: dir ?? '' }, binary ?? 'memcached');
process.stdout.write(`${JSON.stringify({ pid: server.pid, url: server.url })}\n`);
if (how === 'exit') process.exit(0);
setInterval(() => {}, 60_000);
